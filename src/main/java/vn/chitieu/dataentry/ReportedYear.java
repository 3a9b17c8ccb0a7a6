package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

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
 * @param notes evidence notes of some figures
 * @param reportedAt when they were entered (and reviewed), null for now
 */
public record ReportedYear(long unitId, SchoolYear year, SubmissionStatus status, String comment,
		Map<FigureKey, BigDecimal> values, Map<FigureKey, String> notes, Instant reportedAt) {

	public ReportedYear {
		values = Map.copyOf(values);
		notes = Map.copyOf(notes);
	}

}
