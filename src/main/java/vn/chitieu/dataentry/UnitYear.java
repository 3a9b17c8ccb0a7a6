package vn.chitieu.dataentry;

import java.util.Optional;

import vn.chitieu.orgunit.SchoolYearStatus;

/**
 * A school year and a unit's submission for it, if the unit has started one.
 *
 * @param year the school year and whether it is open
 * @param submission the submission, if any
 */
public record UnitYear(SchoolYearStatus year, Optional<SubmissionSummary> submission) {

	/**
	 * @return the submission's status name, or {@code NONE} when not started
	 */
	public String statusName() {
		return this.submission.map((s) -> s.status().name()).orElse("NONE");
	}

}
