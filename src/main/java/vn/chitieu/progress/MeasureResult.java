package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.List;

/**
 * The value of a measure for one school year, with what it was computed from.
 * <p>
 * Every unit in scope is either <em>decided</em> (it reported what the measure needs, or
 * enough of it to tell: "no and missing" is no) or <em>unknown</em>. The value is
 * computed from the decided units alone; for shares, counts and named lists the
 * {@link #bounds()} say how far the unknown units could still move it.
 *
 * @param value the value from the decided units (an estimate while some are unknown),
 * null when there is nothing to compute it from
 * @param numerator for ratios and averages the sum above the line, for shares, counts and
 * checklists the units meeting the condition
 * @param denominator for ratios and averages the sum below the line, for shares the
 * decided units counted (meeting the condition or not), for checklists the named schools
 * @param inScope how many units the measure covers
 * @param used how many of them are decided (had the figures it needs, or enough to tell)
 * @param wardsInScope for ratios over the ward population, how many wards
 * @param wardsUsed how many of them reported their population
 * @param units each unit's part, when details were asked for
 * @param bounds for shares, counts and named lists, the lowest and highest value the
 * unknown units allow; null for ratios, averages, sums and district figures, whose
 * missing parts have no sure bounds
 */
public record MeasureResult(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int inScope, int used,
		int wardsInScope, int wardsUsed, List<UnitResult> units, Bounds bounds) {

	public MeasureResult {
		units = List.copyOf(units);
	}

	/**
	 * A value without bounds (ratios, averages, sums, district figures).
	 */
	public MeasureResult(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int inScope, int used,
			int wardsInScope, int wardsUsed, List<UnitResult> units) {
		this(value, numerator, denominator, inScope, used, wardsInScope, wardsUsed, units, null);
	}

	/** Nothing to compute from. */
	static MeasureResult none() {
		return new MeasureResult(null, null, null, 0, 0, 0, 0, List.of());
	}

	/**
	 * @return whether every unit in scope (and every ward) is decided
	 */
	public boolean complete() {
		return this.used == this.inScope && this.wardsUsed == this.wardsInScope;
	}

	/**
	 * @return how many units in scope are unknown
	 */
	public int unknown() {
		return this.inScope - this.used;
	}

	public boolean hasValue() {
		return this.value != null;
	}

	/**
	 * @return whether the value has sure bounds (shares, counts, named lists)
	 */
	public boolean bounded() {
		return this.bounds != null;
	}

	/**
	 * The lowest and highest value a measure could take once every unknown unit is known:
	 * every unknown unit not meeting the condition, every one meeting it. Equal to the
	 * value when nothing is unknown.
	 *
	 * @param low the lowest value
	 * @param high the highest value
	 */
	public record Bounds(BigDecimal low, BigDecimal high) {

		/**
		 * @return whether the bounds are one value
		 */
		public boolean exact() {
			return this.low.compareTo(this.high) == 0;
		}

	}

}
