package vn.chitieu.backup;

import java.time.Instant;

/**
 * How the last scheduled backup went, on whichever instance ran it.
 *
 * @param at when it ended
 * @param succeeded whether it wrote a file
 * @param file the file written, when it succeeded
 * @param reason why it failed, when it failed
 * @param detail the error in the system's words, when it failed
 */
public record ScheduledOutcome(Instant at, boolean succeeded, String file, BackupFailedException.Reason reason,
		String detail) {

	static final String SETTING = "backup_last_scheduled";

	String encode() {
		return this.succeeded ? "ok\t" + this.at + "\t" + this.file
				: "failed\t" + this.at + "\t" + this.reason.name() + "\t" + this.detail.replace('\t', ' ');
	}

	static ScheduledOutcome decode(String value) {
		var parts = value.split("\t", 4);
		if (parts[0].equals("ok") && parts.length >= 3) {
			return new ScheduledOutcome(Instant.parse(parts[1]), true, parts[2], null, null);
		}
		return new ScheduledOutcome(Instant.parse(parts[1]), false, null,
				BackupFailedException.Reason.valueOf(parts[2]), (parts.length > 3) ? parts[3] : "");
	}

}
