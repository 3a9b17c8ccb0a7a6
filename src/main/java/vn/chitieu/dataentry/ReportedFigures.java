package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.Map;

import vn.chitieu.orgunit.EducationLevel;

/**
 * A unit's figures for a school year as they stand in its report.
 *
 * @param unitId the unit
 * @param level for a school, the level they are for; null for wards and the district
 * @param status the report's status
 * @param values the figures, by metric code
 */
public record ReportedFigures(long unitId, EducationLevel level, SubmissionStatus status,
		Map<String, BigDecimal> values) {

	public ReportedFigures {
		values = Map.copyOf(values);
	}

}
