package vn.chitieu.backup;

import java.nio.file.Path;

/**
 * A backup that could not be written; no file was left behind under a backup's name.
 */
public class BackupFailedException extends RuntimeException {

	private final Reason reason;

	private final Path directory;

	BackupFailedException(Reason reason, Path directory, Throwable cause) {
		super(reason + " (" + directory + "): " + cause.getMessage(), cause);
		this.reason = reason;
		this.directory = directory;
	}

	/**
	 * @return why the backup failed
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * @return the backup directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * @return the underlying error in the system's words, for the log and the page
	 */
	public String detail() {
		var cause = getCause();
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	/** Why a backup failed. */
	public enum Reason {

		/** The directory cannot be created or written. */
		NOT_WRITABLE,
		/** The disk is full. */
		DISK_FULL,
		/** The database could not be read. */
		DATABASE,
		/** Anything else. */
		OTHER

	}

}
