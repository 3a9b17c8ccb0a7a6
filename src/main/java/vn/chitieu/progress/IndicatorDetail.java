package vn.chitieu.progress;

import java.util.List;

import vn.chitieu.planning.PlanDefinition;
import vn.chitieu.planning.PlanSummary;

/**
 * One indicator's progress, with each unit's part every year.
 *
 * @param plan the plan
 * @param definition the plan's definition (baseline and target years)
 * @param progress the indicator's progress, computed with details
 * @param breakdown the last year's units, the one holding the indicator back most first:
 * schools (or wards for indicators counted over wards), and wards for enrolment rates
 * @param includeSubmitted whether submitted (not yet approved) figures were counted
 */
public record IndicatorDetail(PlanSummary plan, PlanDefinition definition, IndicatorProgress progress,
		List<UnitStanding> breakdown, boolean includeSubmitted) {

	public IndicatorDetail {
		breakdown = List.copyOf(breakdown);
	}

}
