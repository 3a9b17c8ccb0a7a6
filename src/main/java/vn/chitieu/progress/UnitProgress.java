package vn.chitieu.progress;

import java.util.List;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.PlanSummary;

/**
 * One school's position on the indicators of a plan that apply to it, each computed from
 * its own figures only.
 *
 * @param plan the plan
 * @param asOf the last school year shown
 * @param includeSubmitted whether submitted (not yet approved) figures were counted
 * @param schoolId the school
 * @param indicators the indicators that apply to it, in the plan's order
 */
public record UnitProgress(PlanSummary plan, SchoolYear asOf, boolean includeSubmitted, long schoolId,
		List<IndicatorProgress> indicators) {

	public UnitProgress {
		indicators = List.copyOf(indicators);
	}

	/**
	 * @return how each indicator reads for the school, in the plan's order
	 */
	public List<SchoolStanding> standings() {
		return this.indicators.stream().map((i) -> SchoolStanding.of(i, this.schoolId)).toList();
	}

	/**
	 * @return the school years shown, oldest first
	 */
	public List<SchoolYear> years() {
		return this.indicators.isEmpty() ? List.of()
				: this.indicators.get(0).years().stream().map(YearProgress::year).toList();
	}

}
