package vn.chitieu.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import vn.chitieu.backup.BackupFileException.Reason;
import vn.chitieu.platform.EmbeddedDatabaseConfiguration;
import vn.chitieu.platform.EmbeddedDatabaseProperties;

/**
 * {@code java -jar chitieu.jar --restore=FILE}: restores a backup into an empty database
 * (the embedded one or the configured external one) and exits. Nothing else of the
 * application starts: no web server, no sample data, no plan loading, no first
 * administrator.
 * <p>
 * The whole file is checked before the database is touched (every checksum, the file
 * format, a schema version this application knows); then the database must be empty.
 * Flyway builds the schema of the backup's version, all tables are filled in one
 * transaction (user triggers off, so the audit trail's guards and the change counters do
 * not fire; foreign keys checked; identity sequences set past the highest id), and Flyway
 * migrates on to the latest version. If anything fails after the schema was built, what
 * was built is removed again, so the database is left empty as found.
 */
public final class Restore {

	/** The command-line option. */
	public static final String OPTION = "--restore=";

	/** Exit status: restored. */
	public static final int RESTORED = 0;

	/** Exit status: the file is refused. */
	public static final int BAD_FILE = 2;

	/** Exit status: the database is not empty. */
	public static final int NOT_EMPTY = 3;

	/** Exit status: the restore failed; the database was left empty. */
	public static final int FAILED = 1;

	private Restore() {
	}

	/**
	 * @return the file named by {@code --restore=FILE} among the arguments, if any
	 */
	public static Optional<Path> requested(String[] args) {
		for (var arg : args) {
			if (arg.startsWith(OPTION)) {
				return Optional.of(Path.of(arg.substring(OPTION.length())));
			}
		}
		return Optional.empty();
	}

	/**
	 * Restores the file and says how it went on {@code out}.
	 * @param file the backup
	 * @param args the command line (database settings such as
	 * {@code --spring.datasource.url=…} are honoured)
	 * @param out where to say it
	 * @return the exit status
	 */
	public static int run(Path file, String[] args, PrintStream out) {
		Manifest manifest;
		try {
			if (!Files.isRegularFile(file)) {
				out.println("RESTORE REFUSED: no such file: " + file);
				return BAD_FILE;
			}
			out.println("Checking " + file + " ...");
			manifest = BackupArchive.verify(file);
		}
		catch (BackupFileException ex) {
			out.println(
					"RESTORE REFUSED (" + ex.reason() + "): " + ex.getMessage() + ". The database was not touched.");
			return BAD_FILE;
		}
		catch (IOException ex) {
			out.println("RESTORE REFUSED: cannot read " + file + ": " + ex.getMessage());
			return BAD_FILE;
		}
		out.println("Backup of " + manifest.createdAt() + ", schema version " + manifest.schemaVersion() + ", "
				+ manifest.tables().size() + " tables, " + manifest.totalRows() + " rows: checksums good.");
		var app = new SpringApplicationBuilder(RestoreConfiguration.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("spring.main.register-shutdown-hook=false")
			.build();
		try (var context = app.run(args)) {
			var restorer = new Restorer(context.getBean(DataSource.class), context.getBean(Flyway.class), out);
			return restorer.restore(file, manifest);
		}
		catch (RuntimeException ex) {
			out.println("RESTORE FAILED: " + ex.getMessage());
			return FAILED;
		}
	}

	/**
	 * Only the database: the embedded server when no external one is configured, the
	 * pool, and Flyway, which migrates nothing by itself here. Deliberately not a
	 * {@code @Configuration}: the application's component scan must not pick it up.
	 */
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	@Import(EmbeddedDatabaseConfiguration.class)
	@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
	static class RestoreConfiguration {

		@Bean
		FlywayMigrationStrategy restoreDecidesWhenToMigrate() {
			return (flyway) -> {
			};
		}

	}

	/** The restore itself, once the file is known to be good. */
	static final class Restorer {

		private final DataSource dataSource;

		private final Flyway flyway;

		private final PrintStream out;

		Restorer(DataSource dataSource, Flyway flyway, PrintStream out) {
			this.dataSource = dataSource;
			this.flyway = flyway;
			this.out = out;
		}

		int restore(Path file, Manifest manifest) {
			var backupVersion = MigrationVersion.fromVersion(manifest.schemaVersion());
			var known = java.util.Arrays
				.stream(Flyway.configure()
					.configuration(this.flyway.getConfiguration())
					.target(MigrationVersion.LATEST)
					.load()
					.info()
					.all())
				.map((m) -> m.getVersion())
				.filter(java.util.Objects::nonNull)
				.toList();
			var latest = known.stream().max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
			if (backupVersion.compareTo(latest) > 0) {
				this.out.println("RESTORE REFUSED (" + Reason.TOO_NEW + "): the backup has schema version "
						+ manifest.schemaVersion() + ", newer than this application's " + latest
						+ ". Restore it with the version of Chỉ tiêu that wrote it (" + manifest.application()
						+ ") or a newer one. The database was not touched.");
				return BAD_FILE;
			}
			if (!known.contains(backupVersion)) {
				this.out.println("RESTORE REFUSED: this application has no migration " + manifest.schemaVersion()
						+ ". The database was not touched.");
				return BAD_FILE;
			}
			try (var connection = this.dataSource.getConnection()) {
				long objects = Catalog.objects(connection);
				if (objects > 0) {
					this.out.println("RESTORE REFUSED: the database is not empty (" + objects
							+ " tables, views or sequences in schema " + connection.getSchema()
							+ "). Restore into a new, empty database. The database was not touched.");
					return NOT_EMPTY;
				}
			}
			catch (SQLException ex) {
				this.out.println("RESTORE FAILED: cannot reach the database: " + ex.getMessage());
				return FAILED;
			}
			try {
				this.out.println("Creating the schema of version " + manifest.schemaVersion() + " ...");
				Flyway.configure().configuration(this.flyway.getConfiguration()).target(backupVersion).load().migrate();
				fill(file, manifest);
				this.out.println("Migrating to the latest version ...");
				Flyway.configure()
					.configuration(this.flyway.getConfiguration())
					.target(MigrationVersion.LATEST)
					.load()
					.migrate();
			}
			catch (Exception ex) {
				this.out.println("RESTORE FAILED: " + ex.getMessage());
				emptyAgain();
				return FAILED;
			}
			this.out.println("RESTORED: " + manifest.tables().size() + " tables, " + manifest.totalRows()
					+ " rows from " + file + ". Everyone logs in again; start the application as usual.");
			return RESTORED;
		}

		private void fill(Path file, Manifest manifest) throws Exception {
			try (var zip = BackupArchive.open(file); Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try {
					fill(zip, manifest, connection);
					connection.commit();
				}
				catch (Exception ex) {
					connection.rollback();
					throw ex;
				}
			}
		}

		private void fill(java.util.zip.ZipFile zip, Manifest manifest, Connection connection) throws Exception {
			try (var statement = connection.createStatement()) {
				statement.execute("set local statement_timeout = 0");
			}
			var schema = Catalog.tables(connection);
			var byName = new java.util.HashMap<String, Manifest.Table>();
			manifest.tables().forEach((t) -> byName.put(t.name(), t));
			var names = new HashSet<String>();
			for (var table : schema) {
				if (table.name().startsWith("spring_session")) {
					continue;
				}
				names.add(table.name());
				var saved = byName.get(table.name());
				if (saved == null) {
					throw new IllegalStateException("the backup has no table " + table.name() + " of schema version "
							+ manifest.schemaVersion());
				}
				if (!new HashSet<>(table.columns()).equals(new HashSet<>(saved.columns()))) {
					throw new IllegalStateException("the columns of " + table.name() + " differ from schema version "
							+ manifest.schemaVersion());
				}
			}
			for (var name : byName.keySet()) {
				if (!names.contains(name)) {
					throw new IllegalStateException(
							"the backup's table " + name + " is not in schema version " + manifest.schemaVersion());
				}
			}
			var ordered = Catalog.inDependencyOrder(List.copyOf(byName.keySet()).stream().sorted().toList(),
					Catalog.references(connection));
			try (var statement = connection.createStatement()) {
				if (ordered.cycle()) {
					// Foreign keys in a cycle: only switching them off lets the rows in.
					statement.execute("set local session_replication_role = replica");
				}
				for (var name : ordered.tables()) {
					statement.execute("alter table " + Catalog.quote(name) + " disable trigger user");
				}
				// What the migrations inserted (their own history, seed rows) makes way
				// for
				// the backup's.
				statement
					.execute("truncate " + String.join(", ", ordered.tables().stream().map(Catalog::quote).toList()));
			}
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (var name : ordered.tables()) {
				var table = byName.get(name);
				try (var in = new BackupArchive.CheckedInput(zip.getInputStream(zip.getEntry(table.entry())))) {
					long rows = copy.copyIn(
							"copy " + Catalog.quote(name) + " (" + Catalog.columnList(table.columns()) + ") from stdin",
							in);
					in.check(table);
					if (rows != table.rows()) {
						throw new IllegalStateException("the table " + name + " holds " + rows + " rows, not "
								+ table.rows() + " as the manifest says");
					}
				}
			}
			try (var statement = connection.createStatement()) {
				for (var name : ordered.tables()) {
					statement.execute("alter table " + Catalog.quote(name) + " enable trigger user");
				}
			}
			resetSequences(connection);
			this.out.println("Filled " + ordered.tables().size() + " tables; checksums and row counts match.");
		}

		/** Sets every identity or serial sequence past the highest value restored. */
		private static void resetSequences(Connection connection) throws SQLException {
			var sequences = new java.util.ArrayList<String[]>();
			try (var statement = connection.prepareStatement("""
					select c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname)
					from pg_class c
					join pg_namespace n on n.oid = c.relnamespace
					join pg_attribute a on a.attrelid = c.oid
					where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
					  and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null
					"""); var rs = statement.executeQuery()) {
				while (rs.next()) {
					sequences.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
				}
			}
			for (var s : sequences) {
				try (var statement = connection.prepareStatement("select setval(?, coalesce((select max("
						+ Catalog.quote(s[1]) + ") from " + Catalog.quote(s[0]) + "), 0) + 1, false)")) {
					statement.setString(1, s[2]);
					statement.execute();
				}
			}
		}

		/** Removes what this restore created in the database it found empty. */
		private void emptyAgain() {
			try {
				Flyway.configure().configuration(this.flyway.getConfiguration()).cleanDisabled(false).load().clean();
				this.out.println("The database was emptied again.");
			}
			catch (RuntimeException ex) {
				this.out.println("Could not empty the database again (" + ex.getMessage()
						+ "): drop it and create it anew before trying again.");
			}
		}

	}

}
