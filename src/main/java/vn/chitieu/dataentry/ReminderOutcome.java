package vn.chitieu.dataentry;

import java.util.List;

/**
 * What a reminder send did.
 *
 * @param units the late schools reminded
 * @param sent the messages the mail server took
 * @param failed the messages it refused
 * @param unreachable the late schools left out because none of their users has an e-mail
 * address
 * @param failures the refused addresses with their errors
 */
public record ReminderOutcome(int units, int sent, int failed, int unreachable, List<String> failures) {

	public ReminderOutcome {
		failures = List.copyOf(failures);
	}

}
