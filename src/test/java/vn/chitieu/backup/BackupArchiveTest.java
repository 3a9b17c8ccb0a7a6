package vn.chitieu.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.chitieu.backup.BackupFileException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backup file's manifest and checksums, on files built by hand.
 */
class BackupArchiveTest {

	private static final byte[] ROWS = "1\tBồ Đề\n2\tGia Thụy\n".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dir;

	@Test
	void shouldReadBackWhatWasWritten() throws Exception {
		var file = write(manifest(ROWS, "12"), Map.of("tables/org_unit.copy", ROWS), true);
		var manifest = BackupArchive.verify(file);
		assertThat(manifest.schemaVersion()).isEqualTo("12");
		assertThat(manifest.tables()).singleElement().satisfies((t) -> {
			assertThat(t.name()).isEqualTo("org_unit");
			assertThat(t.columns()).containsExactly("id", "name");
			assertThat(t.rows()).isEqualTo(2);
		});
		assertThat(manifest.totalRows()).isEqualTo(2);
	}

	@Test
	void shouldRefuseAChangedTable() throws Exception {
		var changed = "1\tBồ Đê\n2\tGia Thụy\n".getBytes(StandardCharsets.UTF_8);
		var file = write(manifest(ROWS, "12"), Map.of("tables/org_unit.copy", changed), true);
		assertThatThrownBy(() -> BackupArchive.verify(file)).isInstanceOf(BackupFileException.class)
			.satisfies((ex) -> assertThat(((BackupFileException) ex).reason()).isEqualTo(Reason.BAD_CHECKSUM))
			.hasMessageContaining("org_unit");
	}

	@Test
	void shouldRefuseAChangedManifest() throws Exception {
		var manifest = manifest(ROWS, "12");
		var file = write(manifest, Map.of("tables/org_unit.copy", ROWS), false);
		assertThatThrownBy(() -> BackupArchive.verify(file))
			.satisfies((ex) -> assertThat(((BackupFileException) ex).reason()).isEqualTo(Reason.BAD_CHECKSUM));
	}

	@Test
	void shouldRefuseAMissingTable() throws Exception {
		var file = write(manifest(ROWS, "12"), Map.of(), true);
		assertThatThrownBy(() -> BackupArchive.verify(file))
			.satisfies((ex) -> assertThat(((BackupFileException) ex).reason()).isEqualTo(Reason.DAMAGED));
	}

	@Test
	void shouldRefuseANewerFormat() throws Exception {
		var newer = new Manifest(Manifest.FORMAT + 1, "x", "12", Instant.now().toString(),
				manifest(ROWS, "12").tables());
		var file = write(newer, Map.of("tables/org_unit.copy", ROWS), true);
		assertThatThrownBy(() -> BackupArchive.verify(file))
			.satisfies((ex) -> assertThat(((BackupFileException) ex).reason()).isEqualTo(Reason.TOO_NEW));
	}

	@Test
	void shouldRefuseATableNameThatIsNoPlainIdentifier() throws Exception {
		var table = new Manifest.Table("x\"; drop table figure; --", "tables/x.copy", List.of("id"), 0, 0, "00");
		var file = write(new Manifest(1, "x", "12", Instant.now().toString(), List.of(table)), Map.of(), true);
		assertThatThrownBy(() -> BackupArchive.verify(file))
			.satisfies((ex) -> assertThat(((BackupFileException) ex).reason()).isEqualTo(Reason.DAMAGED));
	}

	@Test
	void shouldRefuseWhatIsNoBackup() throws Exception {
		var text = this.dir.resolve("x.zip");
		Files.writeString(text, "hello");
		assertThatThrownBy(() -> BackupArchive.verify(text))
			.satisfies((ex) -> assertThat(((BackupFileException) ex).reason()).isEqualTo(Reason.NOT_A_BACKUP));
		var otherZip = write(null, Map.of("readme.txt", ROWS), false);
		assertThatThrownBy(() -> BackupArchive.verify(otherZip))
			.satisfies((ex) -> assertThat(((BackupFileException) ex).reason()).isEqualTo(Reason.NOT_A_BACKUP));
	}

	private static Manifest manifest(byte[] rows, String version) {
		return new Manifest(Manifest.FORMAT, "test", version, "2026-11-30T02:30:00Z",
				List.of(new Manifest.Table("org_unit", "tables/org_unit.copy", List.of("id", "name"), 2, rows.length,
						BackupArchive.sha256(rows))));
	}

	private Path write(Manifest manifest, Map<String, byte[]> entries, boolean goodChecksum) throws IOException {
		var file = Files.createTempFile(this.dir, "backup", ".zip");
		try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (var entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
			}
			if (manifest != null) {
				var bytes = BackupArchive.manifestBytes(manifest);
				zip.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
				zip.write(bytes);
				zip.putNextEntry(new ZipEntry(BackupArchive.CHECKSUM));
				var sum = goodChecksum ? bytes : "something else".getBytes(StandardCharsets.UTF_8);
				zip.write(BackupArchive.checksumLine(sum).getBytes(StandardCharsets.US_ASCII));
			}
		}
		return file;
	}

}
