package vn.chitieu.planning.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed expression. Numeric expressions evaluate to a {@link BigDecimal}, conditions
 * to a {@link Boolean}; an empty result means a figure was missing or a division by zero
 * occurred.
 */
public sealed interface Expr {

	/** Precision of every division: 20 significant digits. */
	MathContext MATH = MathContext.DECIMAL64;

	/**
	 * Evaluates this expression as a number.
	 * @param values the figures it may refer to
	 * @return the value, or empty if a figure is missing or a division by zero occurs
	 */
	Optional<BigDecimal> number(Values values);

	/**
	 * Evaluates this expression as a condition.
	 * @param values the figures it may refer to
	 * @return the truth, or empty if a figure it needs is missing
	 */
	default Optional<Boolean> condition(Values values) {
		// A bare yes/no metric used as a condition means "= yes".
		return number(values).map((n) -> n.signum() != 0);
	}

	/**
	 * Whether this is a condition (comparison or logical) rather than a number.
	 * @return true for conditions
	 */
	boolean isCondition();

	/**
	 * Visits every metric reference in this expression.
	 * @param into collects the references
	 */
	void collect(Set<Ref> into);

	/**
	 * The metric references in this expression, in reading order.
	 * @return the references
	 */
	default Set<Ref> refs() {
		var refs = new LinkedHashSet<Ref>();
		collect(refs);
		return refs;
	}

	/**
	 * The metrics of a plain sum ({@code a + b + c}), the only form allowed as the
	 * numerator or denominator of a ratio, so that it can be summed over schools.
	 * @return the metrics, or empty if this is not a plain sum of metrics
	 */
	default Optional<List<Ref>> sumOfMetrics() {
		return Optional.empty();
	}

	/**
	 * Where the figures an expression refers to come from.
	 */
	interface Values {

		/**
		 * @param metric a metric of the unit being evaluated
		 * @return its value, or null if it was not reported
		 */
		BigDecimal unit(String metric);

		/**
		 * @param metric a district figure
		 * @return its value, or null if it was not entered
		 */
		BigDecimal district(String metric);

	}

	/** A number written in the expression. */
	record Num(BigDecimal value) implements Expr {

		@Override
		public Optional<BigDecimal> number(Values values) {
			return Optional.of(this.value);
		}

		@Override
		public boolean isCondition() {
			return false;
		}

		@Override
		public void collect(Set<Ref> into) {
		}

		@Override
		public String toString() {
			return this.value.toPlainString();
		}

	}

	/**
	 * A reference to a metric: of the unit being evaluated, or, with {@code district.}, a
	 * figure of the district.
	 *
	 * @param code the metric's code
	 * @param district true for {@code district.code}
	 * @param column where it starts in the source text, counted from 1
	 */
	record Ref(String code, boolean district, int column) implements Expr {

		@Override
		public Optional<BigDecimal> number(Values values) {
			return Optional.ofNullable(this.district ? values.district(this.code) : values.unit(this.code));
		}

		@Override
		public boolean isCondition() {
			return false;
		}

		@Override
		public void collect(Set<Ref> into) {
			into.add(this);
		}

		@Override
		public Optional<List<Ref>> sumOfMetrics() {
			return this.district ? Optional.empty() : Optional.of(List.of(this));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Ref ref && ref.code.equals(this.code) && ref.district == this.district;
		}

		@Override
		public int hashCode() {
			return this.code.hashCode() * 31 + Boolean.hashCode(this.district);
		}

		@Override
		public String toString() {
			return this.district ? "district." + this.code : this.code;
		}

	}

	/** Arithmetic: {@code + - * /}. */
	record Arithmetic(char operator, Expr left, Expr right) implements Expr {

		@Override
		public Optional<BigDecimal> number(Values values) {
			var a = this.left.number(values);
			var b = this.right.number(values);
			if (a.isEmpty() || b.isEmpty()) {
				return Optional.empty();
			}
			return switch (this.operator) {
				case '+' -> Optional.of(a.get().add(b.get()));
				case '-' -> Optional.of(a.get().subtract(b.get()));
				case '*' -> Optional.of(a.get().multiply(b.get()));
				case '/' -> (b.get().signum() == 0) ? Optional.empty() : Optional.of(a.get().divide(b.get(), MATH));
				default -> throw new IllegalStateException("Unknown operator " + this.operator);
			};
		}

		@Override
		public boolean isCondition() {
			return false;
		}

		@Override
		public void collect(Set<Ref> into) {
			this.left.collect(into);
			this.right.collect(into);
		}

		@Override
		public Optional<List<Ref>> sumOfMetrics() {
			if (this.operator != '+') {
				return Optional.empty();
			}
			var a = this.left.sumOfMetrics();
			var b = this.right.sumOfMetrics();
			if (a.isEmpty() || b.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(java.util.stream.Stream.concat(a.get().stream(), b.get().stream()).toList());
		}

		@Override
		public String toString() {
			return "(" + this.left + " " + this.operator + " " + this.right + ")";
		}

	}

	/** A comparison of two numbers. */
	record Comparison(Comparator operator, Expr left, Expr right) implements Expr {

		@Override
		public Optional<BigDecimal> number(Values values) {
			throw new UnsupportedOperationException("A comparison is not a number");
		}

		@Override
		public Optional<Boolean> condition(Values values) {
			var a = this.left.number(values);
			var b = this.right.number(values);
			if (a.isEmpty() || b.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(this.operator.test(a.get().compareTo(b.get())));
		}

		@Override
		public boolean isCondition() {
			return true;
		}

		@Override
		public void collect(Set<Ref> into) {
			this.left.collect(into);
			this.right.collect(into);
		}

		@Override
		public String toString() {
			return this.left + " " + this.operator.symbol() + " " + this.right;
		}

	}

	/**
	 * {@code and} / {@code or}. Missing figures follow three-valued logic: false and
	 * missing is false, true or missing is true, otherwise missing.
	 */
	record Logical(boolean and, Expr left, Expr right) implements Expr {

		@Override
		public Optional<BigDecimal> number(Values values) {
			throw new UnsupportedOperationException("A condition is not a number");
		}

		@Override
		public Optional<Boolean> condition(Values values) {
			var a = this.left.condition(values);
			var b = this.right.condition(values);
			if (this.and) {
				if (a.isPresent() && !a.get() || b.isPresent() && !b.get()) {
					return Optional.of(false);
				}
			}
			else if (a.isPresent() && a.get() || b.isPresent() && b.get()) {
				return Optional.of(true);
			}
			return (a.isEmpty() || b.isEmpty()) ? Optional.empty() : Optional.of(this.and);
		}

		@Override
		public boolean isCondition() {
			return true;
		}

		@Override
		public void collect(Set<Ref> into) {
			this.left.collect(into);
			this.right.collect(into);
		}

		@Override
		public String toString() {
			return "(" + this.left + (this.and ? " and " : " or ") + this.right + ")";
		}

	}

	/** {@code not}. */
	record Not(Expr operand) implements Expr {

		@Override
		public Optional<BigDecimal> number(Values values) {
			throw new UnsupportedOperationException("A condition is not a number");
		}

		@Override
		public Optional<Boolean> condition(Values values) {
			return this.operand.condition(values).map((b) -> !b);
		}

		@Override
		public boolean isCondition() {
			return true;
		}

		@Override
		public void collect(Set<Ref> into) {
			this.operand.collect(into);
		}

		@Override
		public String toString() {
			return "not " + this.operand;
		}

	}

	/** The comparison operators. */
	enum Comparator {

		LT("<"), LE("<="), GT(">"), GE(">="), EQ("="), NE("!=");

		private final String symbol;

		Comparator(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return this.symbol;
		}

		boolean test(int comparison) {
			return switch (this) {
				case LT -> comparison < 0;
				case LE -> comparison <= 0;
				case GT -> comparison > 0;
				case GE -> comparison >= 0;
				case EQ -> comparison == 0;
				case NE -> comparison != 0;
			};
		}

	}

}
