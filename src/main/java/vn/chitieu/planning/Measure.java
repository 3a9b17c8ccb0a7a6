package vn.chitieu.planning;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How an indicator's actual value is computed: one record per {@link MeasureKind}, each
 * holding exactly what its kind needs. Expressions are kept as written in the definition
 * file.
 * <p>
 * Code that treats every kind switches over {@link #kind()} in a switch expression
 * without a default branch, and in each branch reads that kind's record, so that a new
 * kind fails to compile until every such switch handles it. (Java 17 has no pattern
 * matching in {@code switch}; each record's kind is fixed, so the record of a kind is
 * known.)
 * <p>
 * Stored as JSON with the kind in a {@code "kind"} property. Rows written when a measure
 * was one record with every field, null where the kind does not use it, read back the
 * same: the fields a kind does not use are ignored.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = Measure.Ratio.class, name = "RATIO"),
		@JsonSubTypes.Type(value = Measure.Average.class, name = "AVERAGE"),
		@JsonSubTypes.Type(value = Measure.Sum.class, name = "SUM"),
		@JsonSubTypes.Type(value = Measure.Share.class, name = "SHARE"),
		@JsonSubTypes.Type(value = Measure.Count.class, name = "COUNT"),
		@JsonSubTypes.Type(value = Measure.Checklist.class, name = "CHECKLIST"),
		@JsonSubTypes.Type(value = Measure.District.class, name = "DISTRICT") })
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface Measure {

	/**
	 * @return the kind of computation
	 */
	MeasureKind kind();

	/**
	 * @return the units it is computed over
	 */
	Scope scope();

	/**
	 * Σ numerator ÷ Σ denominator over the units in scope: a {@link Ratio} or an
	 * {@link Average}.
	 */
	sealed interface Quotient extends Measure {

		/**
		 * @return a sum of metrics
		 */
		String numerator();

		/**
		 * @return a sum of metrics
		 */
		String denominator();

	}

	/**
	 * Units that meet a condition: a {@link Share}, a {@link Count} or a
	 * {@link Checklist}.
	 */
	sealed interface Conditional extends Measure {

		/**
		 * @return what a unit must satisfy; for a count, null when every unit counts
		 */
		String condition();

	}

	/**
	 * Σ numerator ÷ Σ denominator × 100 over the units in scope (tỷ lệ).
	 *
	 * @param scope the units of the numerator
	 * @param numerator a sum of metrics
	 * @param denominator a sum of metrics, reported by the same units or by wards
	 */
	record Ratio(Scope scope, String numerator, String denominator) implements Quotient {

		@Override
		public MeasureKind kind() {
			return MeasureKind.RATIO;
		}

	}

	/**
	 * Σ numerator ÷ Σ denominator, e.g. children per class (bình quân).
	 *
	 * @param scope the units in scope
	 * @param numerator a sum of metrics
	 * @param denominator a sum of metrics
	 */
	record Average(Scope scope, String numerator, String denominator) implements Quotient {

		@Override
		public MeasureKind kind() {
			return MeasureKind.AVERAGE;
		}

	}

	/**
	 * Σ of a figure over the units in scope.
	 *
	 * @param scope the units in scope
	 * @param value a sum of metrics
	 */
	record Sum(Scope scope, String value) implements Measure {

		@Override
		public MeasureKind kind() {
			return MeasureKind.SUM;
		}

	}

	/**
	 * Units meeting a condition ÷ units in scope × 100.
	 *
	 * @param scope the units in scope
	 * @param condition what a unit must satisfy
	 * @param among which units count in the denominator; all in scope when null
	 */
	record Share(Scope scope, String condition, String among) implements Conditional {

		@Override
		public MeasureKind kind() {
			return MeasureKind.SHARE;
		}

	}

	/**
	 * Units meeting a condition, or all units in scope.
	 *
	 * @param scope the units in scope
	 * @param condition what a unit must satisfy; null when every unit counts
	 */
	record Count(Scope scope, String condition) implements Conditional {

		@Override
		public MeasureKind kind() {
			return MeasureKind.COUNT;
		}

	}

	/**
	 * Named schools, each of which must meet a condition.
	 *
	 * @param scope the schools' levels
	 * @param condition what each school must satisfy, unless its item says otherwise
	 * @param items the named schools
	 */
	record Checklist(Scope scope, String condition, List<ChecklistItem> items) implements Conditional {

		public Checklist {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

		@Override
		public MeasureKind kind() {
			return MeasureKind.CHECKLIST;
		}

	}

	/**
	 * A figure the Education Office enters for the district.
	 *
	 * @param scope the district
	 * @param value an expression over the district's figures
	 */
	record District(Scope scope, String value) implements Measure {

		@Override
		public MeasureKind kind() {
			return MeasureKind.DISTRICT;
		}

	}

}
