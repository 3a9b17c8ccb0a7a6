package vn.chitieu.orgunit;

import java.time.Instant;

/**
 * A school year as the Office manages it: open or closed, its deadlines, and who last
 * opened, closed and reopened it.
 *
 * @param year the school year
 * @param open true while units may enter figures
 * @param deadlines when its reports are due
 * @param openedBy who opened it (null for years loaded before the Office managed them)
 * @param openedAt when
 * @param closedBy who last closed it
 * @param closedAt when
 * @param reopenedBy who last reopened it
 * @param reopenedAt when
 * @param reopenReason why
 * @param version its version, for optimistic locking
 */
public record SchoolYearState(SchoolYear year, boolean open, Deadlines deadlines, String openedBy, Instant openedAt,
		String closedBy, Instant closedAt, String reopenedBy, Instant reopenedAt, String reopenReason, int version) {

	public SchoolYearStatus status() {
		return new SchoolYearStatus(this.year, this.open);
	}

}
