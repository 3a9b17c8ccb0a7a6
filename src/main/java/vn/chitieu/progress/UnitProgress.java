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
 * @param indicators the indicators that apply to it, in the plan's order
 */
public record UnitProgress(PlanSummary plan, SchoolYear asOf, boolean includeSubmitted,
		List<IndicatorProgress> indicators) {

	public UnitProgress {
		indicators = List.copyOf(indicators);
	}

}
