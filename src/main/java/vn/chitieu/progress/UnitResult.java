package vn.chitieu.progress;

import java.math.BigDecimal;

/**
 * One unit's part in a measure.
 *
 * @param unit the unit
 * @param outcome whether it meets the condition, was used, or lacks figures
 * @param value its own value (its ratio, its average, its condition's left side…), if any
 * @param numerator its part above the line
 * @param denominator its part below the line
 */
public record UnitResult(UnitData unit, Outcome outcome, BigDecimal value, BigDecimal numerator,
		BigDecimal denominator) {

	/** A unit's part. */
	public enum Outcome {

		/** It meets the condition (shares, counts, checklists). */
		MET,
		/** It does not meet the condition. */
		NOT_MET,
		/** Its figures were used (ratios, averages, sums). */
		USED,
		/**
		 * It lacks a figure the measure needs: left out of sums, not meeting conditions.
		 */
		MISSING

	}

}
