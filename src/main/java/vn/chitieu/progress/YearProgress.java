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
 * @param status the indicator's status, from its targets' (see
 * {@link ProgressEngine#combine})
 * @param provisional whether the status is a verdict resting on an estimate from
 * incomplete figures in a school year still open
 * @param alternative the value under the other reading of a flawed plan, if the plan has
 * one
 * @param closed whether the school year is closed (its figures are final)
 */
public record YearProgress(SchoolYear year, MeasureResult result, List<TargetProgress> targets, ProgressStatus status,
		boolean provisional, BigDecimal alternative, boolean closed) {

	public YearProgress {
		targets = List.copyOf(targets);
	}

	public TargetProgress main() {
		return this.targets.get(0);
	}

	/**
	 * @return whether the value is an estimate: some units have not reported and the
	 * school year is still open
	 */
	public boolean estimate() {
		return this.result.hasValue() && !this.result.complete() && !this.closed;
	}

}
