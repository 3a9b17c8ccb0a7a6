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
 * @param expected the value expected by that year (milestone or linear from the
 * baseline), null when there is none
 * @param status the status
 * @param projection the trend
 * @param gap what is still missing, null when met or unknown
 */
public record TargetProgress(Target target, MeasureResult result, BigDecimal value, BigDecimal expected,
		ProgressStatus status, Projection projection, Gap gap) {
}
