package vn.chitieu.dataentry;

import java.time.Instant;
import java.util.List;

/**
 * A late school as the reminder section of the completeness page shows it: who would get
 * a reminder, and what the last one did.
 *
 * @param unit the late school
 * @param addresses the e-mail addresses of its active users (empty: nobody to remind)
 * @param lastSentAt when it was last reminded, null if never
 * @param lastSent how many messages the mail server took then
 * @param lastFailed how many it refused
 * @param lastErrors the refused addresses with their errors
 */
public record UnitReminders(LateUnit unit, List<String> addresses, Instant lastSentAt, int lastSent, int lastFailed,
		List<String> lastErrors) {

	public UnitReminders {
		addresses = List.copyOf(addresses);
		lastErrors = List.copyOf(lastErrors);
	}

	/**
	 * @return whether any of its users has an e-mail address
	 */
	public boolean reachable() {
		return !this.addresses.isEmpty();
	}

}
