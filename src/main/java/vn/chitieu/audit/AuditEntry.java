package vn.chitieu.audit;

import java.time.Instant;

/**
 * One change, as recorded.
 *
 * @param id its id, in recording order
 * @param occurredAt when
 * @param actor the user name (or {@code system})
 * @param action what was done, e.g. {@code FIGURE_CHANGED}
 * @param entityType what kind of thing changed, e.g. {@code figure}
 * @param entityId which one
 * @param unitId the organisation unit concerned, if any
 * @param schoolYear the start year of the school year concerned, if any
 * @param field the field that changed, if any
 * @param oldValue the value before, if any
 * @param newValue the value after, if any
 * @param detail anything else worth keeping (a comment, a reason)
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
		Long unitId, Integer schoolYear, String field, String oldValue, String newValue, String detail) {
}
