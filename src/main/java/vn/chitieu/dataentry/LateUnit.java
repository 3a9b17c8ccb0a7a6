package vn.chitieu.dataentry;

import java.time.LocalDate;
import java.util.Optional;

import vn.chitieu.orgunit.School;

/**
 * A school late with its report for a school year.
 *
 * @param school the school
 * @param status its report's status, or NONE when not started
 * @param submission its report, if started
 * @param deadline the deadline it missed
 */
public record LateUnit(School school, String status, Optional<SubmissionSummary> submission, LocalDate deadline) {

	/**
	 * @return true when the report is in but came after the deadline
	 */
	public boolean sentLate() {
		return "SUBMITTED".equals(this.status) || "APPROVED".equals(this.status);
	}

}
