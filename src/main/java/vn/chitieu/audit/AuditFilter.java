package vn.chitieu.audit;

import java.time.Instant;

/**
 * Which audit entries to show; null parts do not filter.
 *
 * @param unitId the organisation unit
 * @param schoolYear the school year (start year)
 * @param actor the user who made the change
 * @param action the kind of change
 * @param from the earliest time, inclusive
 * @param to the latest time, exclusive
 */
public record AuditFilter(Long unitId, Integer schoolYear, String actor, String action, Instant from, Instant to) {

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null);
	}

}
