package vn.chitieu.dataentry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A date by which reports are due, and who is late against it. Plain logic: the caller
 * says which day it is, so that it can be tested with any date.
 *
 * <p>
 * The date is inclusive and read in Hà Nội time: a report sent on the day is on time. A
 * unit is late once the day has passed and its report is not in (not started, a draft, or
 * returned for correction), or was sent after the day.
 *
 * @param date the last day on which a report is on time
 */
public record ReportingDeadline(LocalDate date) {

	/**
	 * @param today the day it is
	 * @return the days left until the deadline: 0 on its day, negative once it has passed
	 * (−3 is three days overdue)
	 */
	public long daysLeft(LocalDate today) {
		return ChronoUnit.DAYS.between(today, this.date);
	}

	/**
	 * @param today the day it is
	 * @return true once the deadline's day is over
	 */
	public boolean passed(LocalDate today) {
		return today.isAfter(this.date);
	}

	/**
	 * Whether a unit is late.
	 * @param status its report's status, null when it has not started one
	 * @param submittedAt when it last sent its report, if ever
	 * @param today the day it is
	 * @param zone the time zone the deadline's day is read in
	 * @return true if the deadline has passed and the report is not in, or came in late
	 */
	public boolean isLate(SubmissionStatus status, Instant submittedAt, LocalDate today, ZoneId zone) {
		if (!passed(today)) {
			return false;
		}
		if (status == null || status.isEditable()) {
			return true;
		}
		return submittedAt != null && submittedAt.atZone(zone).toLocalDate().isAfter(this.date);
	}

}
