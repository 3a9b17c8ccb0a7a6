package vn.chitieu.progress;

import java.math.BigDecimal;

import vn.chitieu.planning.Target;

/**
 * Where one target stands for a school year.
 *
 * @param target the target
 * @param result the value of its measure that year
 * @param value the value judged: the measure's value, or its change since the previous
 * year for a target per year
 * @param goal the value to reach: the target's bound (for a range its nearer end), the
 * benchmark, or the number of named schools; null when nothing could be judged
 * @param expected the value expected by that year: the plan's milestone, or on the
 * straight line from the first value to the goal; the goal from the target year on; null
 * for a target per year or when there is nothing to draw the line from
 * @param status the status
 * @param projection the trend, null for a target per year
 * @param gap what is still missing, null when met or unknown
 * @param bounds the lowest and highest value judged that the units not yet reported allow
 * (shares, counts, named lists and their changes); null when the value has no sure bounds
 * @param provisional whether the verdict rests on an estimate from incomplete figures
 * (ratios, averages, sums) in a school year still open
 */
public record TargetProgress(Target target, MeasureResult result, BigDecimal value, BigDecimal goal,
		BigDecimal expected, ProgressStatus status, Projection projection, Gap gap, MeasureResult.Bounds bounds,
		boolean provisional) {

	static TargetProgress noData(Target target, MeasureResult result) {
		return new TargetProgress(target, result, null, null, null, ProgressStatus.NO_DATA, null, null, null, false);
	}

}
