package vn.chitieu.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.platform.EmbeddedDatabase;
import vn.chitieu.platform.Installation;

/**
 * The backups of this installation: writing one now, on a schedule, listing and checking
 * those in the backup directory, and keeping only the newest
 * ({@code chitieu.backup.keep}).
 */
@Service
public class Backups {

	/** The advisory lock that keeps two instances from running the schedule together. */
	static final long SCHEDULE_LOCK = 0x43686954_69657542L;

	/**
	 * A scheduled backup is skipped when another instance finished one this recently.
	 */
	static final Duration SCHEDULE_GRACE = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	private static final Pattern NAME = Pattern.compile("chitieu-backup-(\\d{8}-\\d{6})(?:-(\\d{1,3}))?\\.zip");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final DataSource dataSource;

	private final BackupProperties properties;

	private final Path directory;

	private final AuditLog audit;

	private final Installation installation;

	private final TransactionTemplate transaction;

	private final Map<String, Cached> checks = new ConcurrentHashMap<>();

	Backups(DataSource dataSource, BackupProperties properties, ObjectProvider<EmbeddedDatabase> embedded,
			AuditLog audit, Installation installation, TransactionTemplate transaction) {
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.properties = properties;
		this.audit = audit;
		this.installation = installation;
		this.directory = directory(properties, embedded.getIfAvailable());
	}

	static Path directory(BackupProperties properties, EmbeddedDatabase embedded) {
		Path directory;
		if (properties.directory() != null && !properties.directory().isBlank()) {
			directory = Path.of(properties.directory().strip());
		}
		else if (embedded != null && embedded.dataDirectory().getParent() != null) {
			directory = embedded.dataDirectory().getParent().resolve("backups");
		}
		else {
			directory = Path.of("backups");
		}
		return directory.toAbsolutePath().normalize();
	}

	/**
	 * @return where backups are written
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * @return how many backups are kept
	 */
	public int keep() {
		return this.properties.keep();
	}

	/**
	 * @return the schedule, or empty when scheduled backups are off
	 */
	public Optional<String> schedule() {
		var schedule = this.properties.schedule();
		return (schedule == null || schedule.isBlank() || schedule.strip().equals("-")) ? Optional.empty()
				: Optional.of(schedule.strip());
	}

	/**
	 * Writes a backup of the whole database now, checks it, then deletes the oldest
	 * beyond {@code chitieu.backup.keep}. Audited.
	 * @param actor who asked for it
	 * @return the file written
	 * @throws BackupFailedException when no backup could be written
	 */
	public BackupFile create(String actor) {
		var file = write();
		this.transaction.executeWithoutResult((status) -> this.audit.record(actor,
				AuditRecord.of("BACKUP_CREATED", "backup", file.name())
					.withDetail("schema " + file.schemaVersion() + ", " + file.tables() + " tables, " + file.rows()
							+ " rows, " + file.size() + " bytes")));
		applyRetention();
		return file;
	}

	private synchronized BackupFile write() {
		Path temporary = null;
		try {
			try {
				Files.createDirectories(this.directory);
				if (!Files.isDirectory(this.directory)) {
					throw new NotDirectoryException(this.directory.toString());
				}
				temporary = Files.createTempFile(this.directory, ".chitieu-backup-", ".part");
			}
			catch (IOException ex) {
				throw new BackupFailedException(BackupFailedException.Reason.NOT_WRITABLE, this.directory, ex);
			}
			Manifest manifest;
			try (var out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
				manifest = new BackupWriter(this.dataSource, applicationVersion()).write(out);
			}
			// Read back before it gets a backup's name.
			BackupArchive.verify(temporary);
			var target = this.directory.resolve(freeName(Instant.parse(manifest.createdAt())));
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			temporary = null;
			log.info("Backup written: {} ({} tables, {} rows, {} bytes)", target, manifest.tables().size(),
					manifest.totalRows(), Files.size(target));
			return describe(target);
		}
		catch (SQLException ex) {
			throw new BackupFailedException(BackupFailedException.Reason.DATABASE, this.directory, ex);
		}
		catch (BackupFileException ex) {
			throw new BackupFailedException(BackupFailedException.Reason.OTHER, this.directory, ex);
		}
		catch (IOException ex) {
			throw new BackupFailedException(classify(ex), this.directory, ex);
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException ex) {
					log.warn("Cannot delete the unfinished backup {}", temporary, ex);
				}
			}
		}
	}

	static BackupFailedException.Reason classify(IOException ex) {
		var message = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
		if (message.contains("no space left") || message.contains("disk full") || message.contains("quota")) {
			return BackupFailedException.Reason.DISK_FULL;
		}
		if (ex instanceof AccessDeniedException || ex instanceof NotDirectoryException
				|| ex instanceof FileAlreadyExistsException || message.contains("read-only file system")) {
			return BackupFailedException.Reason.NOT_WRITABLE;
		}
		if (ex instanceof FileSystemException) {
			return BackupFailedException.Reason.NOT_WRITABLE;
		}
		return BackupFailedException.Reason.OTHER;
	}

	private String freeName(Instant createdAt) {
		var stamp = STAMP.format(createdAt);
		var name = "chitieu-backup-" + stamp + ".zip";
		for (int i = 2; Files.exists(this.directory.resolve(name)); i++) {
			name = "chitieu-backup-" + stamp + "-" + i + ".zip";
		}
		return name;
	}

	private static String applicationVersion() {
		var version = Backups.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

	/**
	 * The scheduled backup. When several instances share the database, one runs it: the
	 * others find the advisory lock taken, or a backup finished moments ago, and skip it.
	 * The outcome is kept in the database for the administrator's page.
	 * @return whether this instance ran it
	 */
	public boolean runScheduled() {
		try (var connection = this.dataSource.getConnection()) {
			boolean locked;
			try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
				statement.setLong(1, SCHEDULE_LOCK);
				try (var rs = statement.executeQuery()) {
					rs.next();
					locked = rs.getBoolean(1);
				}
			}
			if (!locked) {
				log.info("Scheduled backup skipped: another instance is writing it");
				return false;
			}
			try {
				var last = lastScheduled();
				if (last.isPresent() && last.get().succeeded()
						&& last.get().at().isAfter(Instant.now().minus(SCHEDULE_GRACE))) {
					log.info("Scheduled backup skipped: another instance wrote {} at {}", last.get().file(),
							last.get().at());
					return false;
				}
				ScheduledOutcome outcome;
				try {
					var file = create(AuditLog.SYSTEM);
					outcome = new ScheduledOutcome(Instant.now(), true, file.name(), null, null);
				}
				catch (BackupFailedException ex) {
					log.error("Scheduled backup failed: {}", ex.getMessage(), ex);
					outcome = new ScheduledOutcome(Instant.now(), false, null, ex.reason(), ex.detail());
				}
				this.installation.put(ScheduledOutcome.SETTING, outcome.encode());
				return true;
			}
			finally {
				try (var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
					statement.setLong(1, SCHEDULE_LOCK);
					statement.execute();
				}
			}
		}
		catch (SQLException ex) {
			log.error("Scheduled backup not run: the database cannot be reached", ex);
			return false;
		}
	}

	/**
	 * @return how the last scheduled backup went, if one ran
	 */
	public Optional<ScheduledOutcome> lastScheduled() {
		return this.installation.setting(ScheduledOutcome.SETTING).map((value) -> {
			try {
				return ScheduledOutcome.decode(value);
			}
			catch (RuntimeException ex) {
				return null;
			}
		});
	}

	/**
	 * The backups in the directory, newest first, each checked whole (the result is
	 * remembered while the file does not change).
	 */
	public List<BackupFile> list() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		var files = new ArrayList<BackupFile>();
		for (var name : names()) {
			try {
				files.add(describe(this.directory.resolve(name)));
			}
			catch (IOException ex) {
				// Deleted meanwhile.
			}
		}
		return files;
	}

	/** The backup files' names, newest first. */
	private List<String> names() {
		try (var stream = Files.list(this.directory)) {
			return newestFirst(stream.map((p) -> p.getFileName().toString()).filter(Backups::isBackupName).toList());
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	static boolean isBackupName(String name) {
		return NAME.matcher(name).matches();
	}

	static List<String> newestFirst(List<String> names) {
		return names.stream().filter(Backups::isBackupName).sorted(Comparator.comparing((String n) -> {
			Matcher m = NAME.matcher(n);
			m.matches();
			return m.group(1);
		}).thenComparing((String n) -> {
			Matcher m = NAME.matcher(n);
			m.matches();
			return (m.group(2) != null) ? Integer.parseInt(m.group(2)) : 1;
		}).reversed()).toList();
	}

	/**
	 * The files to delete so that only the newest {@code keep} remain.
	 */
	static List<String> beyondRetention(List<String> names, int keep) {
		var sorted = newestFirst(names);
		return (sorted.size() <= keep) ? List.of() : sorted.subList(keep, sorted.size());
	}

	private void applyRetention() {
		for (var name : beyondRetention(names(), this.properties.keep())) {
			try {
				Files.deleteIfExists(this.directory.resolve(name));
				this.checks.remove(name);
				log.info("Old backup deleted (keeping the newest {}): {}", this.properties.keep(), name);
			}
			catch (IOException ex) {
				log.warn("Cannot delete the old backup {}", name, ex);
			}
		}
	}

	/**
	 * A backup file of the directory by name, for download.
	 */
	public Optional<Path> file(String name) {
		if (name == null || !isBackupName(name)) {
			return Optional.empty();
		}
		var path = this.directory.resolve(name);
		return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
	}

	/** Records that a user downloaded a backup: it holds every figure and user. */
	public void downloaded(String name, String actor) {
		this.transaction.executeWithoutResult(
				(status) -> this.audit.record(actor, AuditRecord.of("BACKUP_DOWNLOADED", "backup", name)));
	}

	private BackupFile describe(Path file) throws IOException {
		var name = file.getFileName().toString();
		long size = Files.size(file);
		var modified = Files.getLastModifiedTime(file).toInstant();
		var cached = this.checks.get(name);
		if (cached != null && cached.size == size && cached.modified.equals(modified)) {
			return cached.file;
		}
		BackupFile described;
		try {
			var manifest = BackupArchive.verify(file);
			described = new BackupFile(name, size, Instant.parse(manifest.createdAt()), manifest.schemaVersion(),
					manifest.tables().size(), manifest.totalRows(), BackupFile.Check.GOOD, null);
		}
		catch (BackupFileException | RuntimeException ex) {
			described = new BackupFile(name, size, modified, null, 0, 0, BackupFile.Check.BAD, ex.getMessage());
		}
		this.checks.put(name, new Cached(size, modified, described));
		return described;
	}

	private record Cached(long size, Instant modified, BackupFile file) {
	}

}
