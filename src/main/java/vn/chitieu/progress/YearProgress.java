package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.List;

import vn.chitieu.orgunit.SchoolYear;

/**
 * Where an indicator stands for one school year.
 *
 * @param year the school year
 * @param result the value of the indicator's measure
 * @param targets each target's standing
 * @param status the indicator's status: the worst of its targets'
 * @param alternative the value under the other reading of a flawed plan, if the plan has
 * one
 */
public record YearProgress(SchoolYear year, MeasureResult result, List<TargetProgress> targets, ProgressStatus status,
		BigDecimal alternative) {

	public YearProgress {
		targets = List.copyOf(targets);
	}

	public TargetProgress main() {
		return this.targets.get(0);
	}

}
