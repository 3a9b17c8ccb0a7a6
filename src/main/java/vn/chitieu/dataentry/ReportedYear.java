package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.SchoolYear;

/**
 * A unit's figures for a school year, as loaded in bulk (historical data, the sample
 * district).
 *
 * @param unitId the unit
 * @param year the school year
 * @param status the status the submission gets
 * @param comment the Office's comment, required when returned
 * @param values the figures
 * @param reportedAt when they were entered (and reviewed), null for now
 */
public record ReportedYear(long unitId, SchoolYear year, SubmissionStatus status, String comment,
		Map<FigureKey, BigDecimal> values, Instant reportedAt) {

	public ReportedYear {
		values = Map.copyOf(values);
	}

	/**
	 * What a figure is of.
	 *
	 * @param metric the metric's code
	 * @param level for schools, the level it is reported for; null for wards and the
	 * district
	 */
	public record FigureKey(String metric, EducationLevel level) {
	}

}
