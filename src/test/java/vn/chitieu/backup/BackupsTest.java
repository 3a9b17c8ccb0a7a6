package vn.chitieu.backup;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.chitieu.platform.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention, names, the default directory and the reading of errors, without a database.
 */
class BackupsTest {

	@Test
	void shouldKeepTheNewestAndDeleteTheRest() {
		var names = List.of("chitieu-backup-20261128-023000.zip", "chitieu-backup-20261130-023000.zip",
				"chitieu-backup-20261129-023000.zip", "chitieu-backup-20261130-023000-2.zip", "notes.txt",
				".chitieu-backup-123.part");
		assertThat(Backups.beyondRetention(names, 2)).containsExactly("chitieu-backup-20261129-023000.zip",
				"chitieu-backup-20261128-023000.zip");
		assertThat(Backups.beyondRetention(names, 4)).isEmpty();
		assertThat(Backups.newestFirst(names)).first().isEqualTo("chitieu-backup-20261130-023000-2.zip");
	}

	@Test
	void shouldOnlyServeBackupNames() {
		assertThat(Backups.isBackupName("chitieu-backup-20261130-023000.zip")).isTrue();
		assertThat(Backups.isBackupName("../chitieu-backup-20261130-023000.zip")).isFalse();
		assertThat(Backups.isBackupName("chitieu-backup-20261130-023000.zip.part")).isFalse();
		assertThat(Backups.isBackupName("pom.xml")).isFalse();
	}

	@Test
	void shouldRefuseToKeepNothing() {
		assertThatThrownBy(() -> new BackupProperties(null, "-", 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldPutBackupsBesideTheEmbeddedDatabase() {
		var embedded = new EmbeddedDatabase("jdbc:postgresql://localhost/x", Path.of("/srv/chitieu/data/postgres"));
		assertThat(Backups.directory(new BackupProperties(null, "-", 3), embedded))
			.isEqualTo(Path.of("/srv/chitieu/data/backups"));
		assertThat(Backups.directory(new BackupProperties(" ", "-", 3), embedded))
			.isEqualTo(Path.of("/srv/chitieu/data/backups"));
		assertThat(Backups.directory(new BackupProperties(null, "-", 3), null))
			.isEqualTo(Path.of("backups").toAbsolutePath());
		assertThat(Backups.directory(new BackupProperties("/mnt/backups", "-", 3), embedded))
			.isEqualTo(Path.of("/mnt/backups"));
	}

	@Test
	void shouldTellAFullDiskFromAnUnwritableFolder() {
		assertThat(Backups.classify(new FileSystemException("/b/x.part: No space left on device")))
			.isEqualTo(BackupFailedException.Reason.DISK_FULL);
		assertThat(Backups.classify(new AccessDeniedException("/b")))
			.isEqualTo(BackupFailedException.Reason.NOT_WRITABLE);
		assertThat(Backups.classify(new IOException("Connection reset"))).isEqualTo(BackupFailedException.Reason.OTHER);
	}

	@Test
	void shouldRememberTheScheduledOutcome() {
		var ok = new ScheduledOutcome(Instant.parse("2026-11-30T02:30:05Z"), true, "chitieu-backup-20261130-023000.zip",
				null, null);
		assertThat(ScheduledOutcome.decode(ok.encode())).isEqualTo(ok);
		var failed = new ScheduledOutcome(Instant.parse("2026-11-30T02:30:05Z"), false, null,
				BackupFailedException.Reason.DISK_FULL, "No space\tleft");
		assertThat(ScheduledOutcome.decode(failed.encode()).reason()).isEqualTo(BackupFailedException.Reason.DISK_FULL);
		assertThat(ScheduledOutcome.decode(failed.encode()).detail()).isEqualTo("No space left");
	}

	@Test
	void shouldFillTablesAfterThoseTheyReferTo() {
		var order = Catalog.inDependencyOrder(List.of("audit_event", "figure", "org_unit", "submission"),
				Map.of("figure", List.of("submission"), "submission", List.of("org_unit")));
		assertThat(order.cycle()).isFalse();
		assertThat(order.tables().indexOf("org_unit")).isLessThan(order.tables().indexOf("submission"));
		assertThat(order.tables().indexOf("submission")).isLessThan(order.tables().indexOf("figure"));
		var cycle = Catalog.inDependencyOrder(List.of("a", "b", "c"), Map.of("a", List.of("b"), "b", List.of("a")));
		assertThat(cycle.cycle()).isTrue();
		assertThat(cycle.tables()).containsExactly("c", "a", "b");
	}

}
