package vn.chitieu.dataentry;

import java.time.Instant;

import vn.chitieu.orgunit.SchoolYear;

/**
 * A submission as other modules and pages see it.
 *
 * @param id its id
 * @param unitId the unit it belongs to
 * @param year its school year
 * @param status where it stands
 * @param comment the Office's latest comment (when returned or reopened)
 * @param figureCount how many figures it holds
 * @param updatedAt when it last changed
 * @param updatedBy who changed it last
 * @param reviewedAt when the Office last reviewed it
 * @param reviewedBy who reviewed it
 * @param submittedAt when it was last sent for review
 * @param version its version, for optimistic locking
 */
public record SubmissionSummary(long id, long unitId, SchoolYear year, SubmissionStatus status, String comment,
		long figureCount, Instant updatedAt, String updatedBy, Instant reviewedAt, String reviewedBy,
		Instant submittedAt, int version) {
}
