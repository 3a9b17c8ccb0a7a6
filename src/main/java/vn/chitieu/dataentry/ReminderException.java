package vn.chitieu.dataentry;

/**
 * A reminder send refused before anything was sent: the reason is a message key for the
 * page.
 */
public class ReminderException extends RuntimeException {

	private final String messageKey;

	public ReminderException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
