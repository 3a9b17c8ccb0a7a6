package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import vn.chitieu.planning.expression.Expr;

/**
 * Says which comparison of a broken cross-field rule fails, with the values involved, so
 * that a message can read "«Teachers with a master's» (12) must not be above «Teachers
 * with a university degree» (10)".
 */
public final class RuleExplainer {

	private RuleExplainer() {
	}

	/**
	 * Finds the first failing comparison of a rule.
	 * @param rule the rule's condition
	 * @param values the unit's figures, by metric code
	 * @param name how to name a metric
	 * @return the failing comparison, or empty when the rule is not a conjunction of
	 * comparisons
	 */
	public static Optional<Failure> explain(Expr rule, Map<String, BigDecimal> values, Function<String, String> name) {
		var comparisons = new ArrayList<Expr.Comparison>();
		if (!flatten(rule, comparisons)) {
			return Optional.empty();
		}
		var figures = new Expr.Values() {
			@Override
			public BigDecimal unit(String metric) {
				return values.get(metric);
			}

			@Override
			public BigDecimal district(String metric) {
				return null;
			}
		};
		for (var comparison : comparisons) {
			if (comparison.condition(figures).orElse(true)) {
				continue;
			}
			return Optional.of(new Failure(text(comparison.left(), name),
					comparison.left().number(figures).orElseThrow(), comparison.operator(),
					text(comparison.right(), name), comparison.right().number(figures).orElseThrow()));
		}
		return Optional.empty();
	}

	/**
	 * The comparisons of a rule that hold, but only just: their two sides differ by no
	 * more than a share of the larger. Equalities and comparisons of two zeros are left
	 * out.
	 * @param rule the rule's condition
	 * @param values the unit's figures, by metric code
	 * @param name how to name a metric
	 * @param share how close counts as near (0.05 for 5 %)
	 * @return the comparisons near their limit
	 */
	public static List<ReviewSummary.NearLimit> nearLimits(Expr rule, Map<String, BigDecimal> values,
			Function<String, String> name, BigDecimal share) {
		var comparisons = new ArrayList<Expr.Comparison>();
		if (!flatten(rule, comparisons)) {
			return List.of();
		}
		var figures = new Expr.Values() {
			@Override
			public BigDecimal unit(String metric) {
				return values.get(metric);
			}

			@Override
			public BigDecimal district(String metric) {
				return null;
			}
		};
		var near = new ArrayList<ReviewSummary.NearLimit>();
		for (var comparison : comparisons) {
			var operator = comparison.operator();
			if (operator == Expr.Comparator.EQ || operator == Expr.Comparator.NE
					|| !comparison.condition(figures).orElse(false)) {
				continue;
			}
			var left = comparison.left().number(figures).orElseThrow();
			var right = comparison.right().number(figures).orElseThrow();
			var larger = left.abs().max(right.abs());
			if (larger.signum() == 0) {
				continue;
			}
			var margin = left.subtract(right).abs().divide(larger, 6, java.math.RoundingMode.HALF_UP);
			if (margin.compareTo(share) <= 0) {
				near.add(new ReviewSummary.NearLimit(text(comparison.left(), name), left, operator,
						text(comparison.right(), name), right, margin));
			}
		}
		return near;
	}

	private static boolean flatten(Expr expr, List<Expr.Comparison> into) {
		if (expr instanceof Expr.Comparison comparison) {
			into.add(comparison);
			return true;
		}
		if (expr instanceof Expr.Logical logical && logical.and()) {
			return flatten(logical.left(), into) && flatten(logical.right(), into);
		}
		return false;
	}

	private static String text(Expr expr, Function<String, String> name) {
		if (expr instanceof Expr.Ref ref) {
			return "«" + name.apply(ref.code()) + "»";
		}
		if (expr instanceof Expr.Num num) {
			return num.value().toPlainString();
		}
		if (expr instanceof Expr.Arithmetic arithmetic) {
			return text(arithmetic.left(), name) + " " + arithmetic.operator() + " " + text(arithmetic.right(), name);
		}
		return expr.toString();
	}

	/**
	 * A comparison that fails.
	 *
	 * @param left its left side, in words
	 * @param leftValue the left side's value
	 * @param operator the comparison
	 * @param right its right side, in words
	 * @param rightValue the right side's value
	 */
	public record Failure(String left, BigDecimal leftValue, Expr.Comparator operator, String right,
			BigDecimal rightValue) {
	}

}
