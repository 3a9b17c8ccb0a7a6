package vn.chitieu.backup;

/**
 * A file that cannot be restored, with the reason in words for the person restoring it.
 */
public class BackupFileException extends Exception {

	private final Reason reason;

	BackupFileException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	BackupFileException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * @return why the file is refused
	 */
	public Reason reason() {
		return this.reason;
	}

	/** Why a file is refused. */
	public enum Reason {

		/** Not a zip, or a zip without a manifest: not a backup of this application. */
		NOT_A_BACKUP,
		/** A checksum does not match: the file was changed or damaged. */
		BAD_CHECKSUM,
		/** The manifest cannot be read, or an entry is missing. */
		DAMAGED,
		/** Written by a newer version (file format or schema) than this application. */
		TOO_NEW

	}

}
