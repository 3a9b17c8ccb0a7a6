package vn.chitieu.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * Writes every table of the application's schema into a backup file, in one read-only
 * REPEATABLE READ transaction: all tables are read from the same snapshot, however long
 * it takes and whatever users change meanwhile.
 * <p>
 * Rows are written with {@code COPY … TO STDOUT} in PostgreSQL's <em>text</em> format,
 * not the binary one: the text format is the same in every PostgreSQL version (the binary
 * one depends on each type's internal send/receive format), it can be read and checked
 * with ordinary tools after unzipping, and it compresses well.
 * <p>
 * The sessions (Spring Session's tables, {@code spring_session…}) are left out on
 * purpose: a restored database starts with everyone logged out, and a backup file holds
 * nobody's session to take over.
 */
final class BackupWriter {

	private final DataSource dataSource;

	private final String application;

	BackupWriter(DataSource dataSource, String application) {
		this.dataSource = dataSource;
		this.application = application;
	}

	/**
	 * Writes the backup to {@code out} (not closed).
	 * @return its manifest
	 */
	Manifest write(OutputStream out) throws IOException, SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				return write(connection, out);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	private Manifest write(Connection connection, OutputStream out) throws IOException, SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute("set transaction isolation level repeatable read, read only");
			// A large table may take longer than the usual limit of a request's
			// statement.
			statement.execute("set local statement_timeout = 0");
		}
		var createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		var schemaVersion = Catalog.schemaVersion(connection);
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		zip.setLevel(6);
		var tables = new ArrayList<Manifest.Table>();
		for (var table : Catalog.tables(connection)) {
			if (table.name().startsWith("spring_session")) {
				continue;
			}
			var entry = BackupArchive.entryName(table.name());
			zip.putNextEntry(new ZipEntry(entry));
			var counted = new Counting(zip);
			long rows = copy.copyOut(
					"copy " + Catalog.quote(table.name()) + " (" + Catalog.columnList(table.columns()) + ") to stdout",
					counted);
			zip.closeEntry();
			tables.add(new Manifest.Table(table.name(), entry, table.columns(), rows, counted.count,
					HexFormat.of().formatHex(counted.digest.digest())));
		}
		var manifest = new Manifest(Manifest.FORMAT, this.application, schemaVersion, createdAt, List.copyOf(tables));
		var manifestBytes = BackupArchive.manifestBytes(manifest);
		zip.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
		zip.write(manifestBytes);
		zip.closeEntry();
		zip.putNextEntry(new ZipEntry(BackupArchive.CHECKSUM));
		zip.write(BackupArchive.checksumLine(manifestBytes).getBytes(StandardCharsets.US_ASCII));
		zip.closeEntry();
		zip.finish();
		return manifest;
	}

	/** Counts and digests what goes through it; never closes the zip. */
	private static final class Counting extends FilterOutputStream {

		final java.security.MessageDigest digest = BackupArchive.digest();

		long count;

		Counting(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.digest.update((byte) b);
			this.count++;
		}

		@Override
		public void write(byte[] buffer, int offset, int length) throws IOException {
			this.out.write(buffer, offset, length);
			this.digest.update(buffer, offset, length);
			this.count += length;
		}

		@Override
		public void close() {
			// The zip entry is closed by the writer.
		}

	}

}
