package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.List;

/**
 * The value of a measure for one school year, with what it was computed from.
 *
 * @param value the value, null when there is nothing to compute it from
 * @param numerator for ratios and averages the sum above the line, for shares, counts and
 * checklists the units meeting the condition
 * @param denominator for ratios and averages the sum below the line, for shares the units
 * counted
 * @param inScope how many units the measure covers
 * @param used how many of them had the figures it needs
 * @param wardsInScope for ratios over the ward population, how many wards
 * @param wardsUsed how many of them reported their population
 * @param units each unit's part, when details were asked for
 */
public record MeasureResult(BigDecimal value, BigDecimal numerator, BigDecimal denominator, int inScope, int used,
		int wardsInScope, int wardsUsed, List<UnitResult> units) {

	public MeasureResult {
		units = List.copyOf(units);
	}

	/**
	 * @return whether every unit in scope (and every ward) had its figures
	 */
	public boolean complete() {
		return this.used == this.inScope && this.wardsUsed == this.wardsInScope;
	}

	public boolean hasValue() {
		return this.value != null;
	}

}
