package vn.chitieu.progress;

import java.util.List;
import java.util.Map;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.PlanSummary;

/**
 * Enrolment by ward for one school year.
 *
 * @param plan the plan
 * @param year the school year
 * @param includeSubmitted whether submitted (not yet approved) figures were counted
 * @param rates the plan's ratios over the wards' population (enrolment rates)
 * @param counted the plan's indicators counted over wards (universal education…)
 * @param rows one row per ward shown
 * @param district the district's value of each of those indicators, by code
 */
public record WardProgress(PlanSummary plan, SchoolYear year, boolean includeSubmitted, List<IndicatorDefinition> rates,
		List<IndicatorDefinition> counted, List<Row> rows, Map<String, MeasureResult> district) {

	public WardProgress {
		rates = List.copyOf(rates);
		counted = List.copyOf(counted);
		rows = List.copyOf(rows);
		district = Map.copyOf(district);
	}

	/**
	 * One ward.
	 *
	 * @param ward the ward, with its population figures
	 * @param rates each rate computed from the pupils of the schools standing in the ward
	 * over the ward's population, by indicator code
	 * @param parts the ward's own part in the indicators counted over wards, by code
	 */
	public record Row(UnitData ward, Map<String, MeasureResult> rates, Map<String, UnitResult> parts) {

		public Row {
			rates = Map.copyOf(rates);
			parts = Map.copyOf(parts);
		}

	}

}
