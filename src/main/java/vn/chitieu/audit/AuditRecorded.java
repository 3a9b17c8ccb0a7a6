package vn.chitieu.audit;

import java.util.Set;

/**
 * Published when changes are recorded, inside the transaction that made them: whoever
 * caches what those changes touch (the setup status) listens for its commit.
 *
 * @param actions the actions recorded, e.g. {@code USER_CREATED}
 */
public record AuditRecorded(Set<String> actions) {

	public AuditRecorded {
		actions = Set.copyOf(actions);
	}

}
