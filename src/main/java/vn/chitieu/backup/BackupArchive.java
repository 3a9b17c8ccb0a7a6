package vn.chitieu.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import vn.chitieu.backup.BackupFileException.Reason;

/**
 * The layout of a backup file: a zip holding {@value #MANIFEST} (the {@link Manifest}),
 * {@value #CHECKSUM} (the SHA-256 of the manifest, which holds the SHA-256 of every
 * table's entry, so one checksum covers the whole file) and one entry per table with its
 * rows in PostgreSQL's COPY text format.
 */
final class BackupArchive {

	static final String MANIFEST = "manifest.json";

	static final String CHECKSUM = "manifest.sha256";

	/** Table names a backup may carry: plain lower-case SQL identifiers. */
	static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BackupArchive() {
	}

	static byte[] manifestBytes(Manifest manifest) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
	}

	static String checksumLine(byte[] manifest) {
		return sha256(manifest) + "  " + MANIFEST + "\n";
	}

	static String entryName(String table) {
		return "tables/" + table + ".copy";
	}

	/**
	 * Reads the manifest of a backup file and checks it against its checksum, without
	 * reading the tables.
	 */
	static Manifest readManifest(ZipFile zip) throws IOException, BackupFileException {
		var manifestEntry = zip.getEntry(MANIFEST);
		var checksumEntry = zip.getEntry(CHECKSUM);
		if (manifestEntry == null || checksumEntry == null) {
			throw new BackupFileException(Reason.NOT_A_BACKUP, "the file has no " + MANIFEST + " and " + CHECKSUM);
		}
		byte[] manifest;
		String checksum;
		try (var in = zip.getInputStream(manifestEntry); var sum = zip.getInputStream(checksumEntry)) {
			manifest = in.readNBytes(16 * 1024 * 1024);
			checksum = new String(sum.readNBytes(1024), StandardCharsets.US_ASCII).strip();
		}
		catch (ZipException ex) {
			throw new BackupFileException(Reason.DAMAGED, "the file is damaged: " + ex.getMessage(), ex);
		}
		int space = checksum.indexOf(' ');
		var expected = (space < 0) ? checksum : checksum.substring(0, space);
		if (!expected.equalsIgnoreCase(sha256(manifest))) {
			throw new BackupFileException(Reason.BAD_CHECKSUM,
					"the checksum of " + MANIFEST + " does not match: the file was changed or damaged");
		}
		Manifest parsed;
		try {
			parsed = JSON.readValue(manifest, Manifest.class);
		}
		catch (JacksonException ex) {
			throw new BackupFileException(Reason.DAMAGED, MANIFEST + " cannot be read: " + ex.getOriginalMessage(), ex);
		}
		check(parsed);
		return parsed;
	}

	private static void check(Manifest manifest) throws BackupFileException {
		if (manifest.format() > Manifest.FORMAT) {
			throw new BackupFileException(Reason.TOO_NEW, "the file has format " + manifest.format()
					+ ", newer than this application reads (" + Manifest.FORMAT + ")");
		}
		if (manifest.format() < 1 || manifest.schemaVersion() == null || manifest.schemaVersion().isBlank()
				|| manifest.tables() == null || manifest.tables().isEmpty()) {
			throw new BackupFileException(Reason.DAMAGED, MANIFEST + " lacks its format, schema version or tables");
		}
		var names = new HashSet<String>();
		for (var table : manifest.tables()) {
			if (table.name() == null || !IDENTIFIER.matcher(table.name()).matches() || !names.add(table.name())
					|| table.columns() == null || table.columns().isEmpty() || table.sha256() == null
					|| !entryName(table.name()).equals(table.entry())) {
				throw new BackupFileException(Reason.DAMAGED, MANIFEST + " describes a table wrongly: " + table.name());
			}
			for (var column : table.columns()) {
				if (column == null || column.isEmpty() || column.indexOf('\0') >= 0) {
					throw new BackupFileException(Reason.DAMAGED,
							MANIFEST + " names an empty column in " + table.name());
				}
			}
		}
	}

	/**
	 * Checks a whole backup file: its manifest's checksum, then every table's size and
	 * checksum.
	 * @return its manifest
	 */
	static Manifest verify(Path file) throws IOException, BackupFileException {
		try (var zip = open(file)) {
			var manifest = readManifest(zip);
			for (var table : manifest.tables()) {
				var entry = zip.getEntry(table.entry());
				if (entry == null) {
					throw new BackupFileException(Reason.DAMAGED, "the table " + table.name() + " is missing");
				}
				try (var in = new CheckedInput(zip.getInputStream(entry))) {
					in.transferTo(OutputStream.nullOutputStream());
					in.check(table);
				}
				catch (ZipException ex) {
					throw new BackupFileException(Reason.DAMAGED, "the file is damaged: " + ex.getMessage(), ex);
				}
			}
			return manifest;
		}
	}

	static ZipFile open(Path file) throws IOException, BackupFileException {
		try {
			return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
		}
		catch (ZipException ex) {
			throw new BackupFileException(Reason.NOT_A_BACKUP, "the file is not a zip file", ex);
		}
	}

	static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A table's entry read while counting its bytes and computing its SHA-256. */
	static final class CheckedInput extends DigestInputStream {

		private long count;

		CheckedInput(InputStream in) {
			super(in, digest());
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public void close() throws IOException {
			// The zip entry is closed by its owner.
			this.in.close();
		}

		void check(Manifest.Table table) throws BackupFileException {
			var actual = HexFormat.of().formatHex(getMessageDigest().digest());
			if (this.count != table.bytes() || !actual.equalsIgnoreCase(table.sha256())) {
				throw new BackupFileException(Reason.BAD_CHECKSUM, "the checksum of the table " + table.name()
						+ " does not match: the file was changed or damaged");
			}
		}

	}

}
