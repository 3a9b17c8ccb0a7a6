package vn.chitieu.backup;

import java.util.List;

/**
 * What a backup file holds, written as {@code manifest.json} in it.
 *
 * @param format the file format's version ({@link #FORMAT})
 * @param application the application's version that wrote it
 * @param schemaVersion the Flyway schema version of the database backed up
 * @param createdAt when the snapshot was taken (ISO-8601, UTC)
 * @param tables every table, in the order written
 */
public record Manifest(int format, String application, String schemaVersion, String createdAt, List<Table> tables) {

	/** The version of the file format written now. */
	public static final int FORMAT = 1;

	/**
	 * One table of the backup.
	 *
	 * @param name its name
	 * @param entry the zip entry holding its rows in PostgreSQL's COPY text format
	 * @param columns its columns, in the order of the rows' fields
	 * @param rows how many rows it holds
	 * @param bytes the size of its entry, uncompressed
	 * @param sha256 the SHA-256 of its entry, uncompressed, in hexadecimal
	 */
	public record Table(String name, String entry, List<String> columns, long rows, long bytes, String sha256) {
	}

	/**
	 * @return the number of rows in every table together
	 */
	public long totalRows() {
		return this.tables.stream().mapToLong(Table::rows).sum();
	}

}
