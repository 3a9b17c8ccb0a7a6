package vn.chitieu.dataentry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days left before a deadline and who is late, on a fixed clock.
 */
class ReportingDeadlineTest {

	private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final ReportingDeadline DEADLINE = new ReportingDeadline(LocalDate.of(2024, 10, 15));

	/** 20 October 2024, 08:00 in Hà Nội: five days after the deadline. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-20T01:00:00Z"), HANOI);

	@ParameterizedTest
	@CsvSource({ "2024-10-10, 5", "2024-10-14, 1", "2024-10-15, 0", "2024-10-16, -1", "2024-10-20, -5",
			"2025-10-15, -365" })
	void shouldCountTheDaysLeftAndOverdue(LocalDate today, long daysLeft) {
		assertThat(DEADLINE.daysLeft(today)).isEqualTo(daysLeft);
		assertThat(DEADLINE.passed(today)).isEqualTo(daysLeft < 0);
	}

	@Test
	void shouldCountTheDaysFromTheClocksDayInHanoi() {
		// 23:30 UTC on 14 October is already 15 October in Hà Nội: the last day.
		var lateEvening = Clock.fixed(Instant.parse("2024-10-14T23:30:00Z"), HANOI);
		assertThat(DEADLINE.daysLeft(LocalDate.now(lateEvening))).isZero();
		assertThat(DEADLINE.daysLeft(LocalDate.now(CLOCK))).isEqualTo(-5);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null",
			value = { "null, null, true", "DRAFT, null, true", "RETURNED, 2024-10-01T03:00:00Z, true",
					"SUBMITTED, 2024-10-15T16:59:00Z, false", "APPROVED, 2024-10-10T03:00:00Z, false",
					"SUBMITTED, 2024-10-15T17:00:00Z, true", "APPROVED, 2024-10-18T03:00:00Z, true" })
	void shouldCallAUnitLateWhenItsReportIsNotInByTheDeadlinesDay(SubmissionStatus status, Instant submittedAt,
			boolean late) {
		// 16:59 UTC is 23:59 on the deadline's day in Hà Nội; 17:00 UTC is the next day.
		assertThat(DEADLINE.isLate(status, submittedAt, LocalDate.now(CLOCK), HANOI)).isEqualTo(late);
	}

	@Test
	void shouldCallNobodyLateBeforeTheDeadlineHasPassed() {
		var onTheDay = LocalDate.of(2024, 10, 15);
		assertThat(DEADLINE.isLate(null, null, onTheDay, HANOI)).isFalse();
		assertThat(DEADLINE.isLate(SubmissionStatus.DRAFT, null, onTheDay, HANOI)).isFalse();
		assertThat(DEADLINE.isLate(null, null, onTheDay.plusDays(1), HANOI)).isTrue();
	}

}
