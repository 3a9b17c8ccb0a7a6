package vn.chitieu.backup;

import java.time.Instant;

/**
 * A backup file of the backup directory, as the administrator's page lists it.
 *
 * @param name its file name
 * @param size its size in bytes
 * @param createdAt when its snapshot was taken
 * @param schemaVersion the schema version it holds, or {@code null} if unreadable
 * @param tables how many tables it holds
 * @param rows how many rows it holds
 * @param check the result of reading it whole and checking every checksum
 * @param problem why the check failed, or {@code null}
 */
public record BackupFile(String name, long size, Instant createdAt, String schemaVersion, int tables, long rows,
		Check check, String problem) {

	/** The result of checking a file. */
	public enum Check {

		/** Every checksum matches. */
		GOOD,
		/** A checksum does not match, or the file cannot be read. */
		BAD

	}

}
