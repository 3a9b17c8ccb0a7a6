package vn.chitieu.dataentry;

import java.time.Instant;

/**
 * One message in a report's conversation.
 *
 * @param id its id
 * @param kind a return or reopening comment of the Office, or a reply
 * @param author the login of who wrote it
 * @param authorName their name
 * @param writtenAt when
 * @param body the text
 * @param answeredAt for the Office's comments, when the report was sent again after it;
 * null while not answered
 */
public record ReportMessage(long id, Kind kind, String author, String authorName, Instant writtenAt, String body,
		Instant answeredAt) {

	/**
	 * @return whether the report was sent again after this comment
	 */
	public boolean answered() {
		return this.answeredAt != null;
	}

	/** What a message is. */
	public enum Kind {

		/** The Office returned the report with this comment. */
		RETURN,
		/** The Office reopened the approved report for this reason. */
		REOPEN,
		/** A reply. */
		REPLY

	}

}
