package vn.chitieu.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.ChiTieuApplication;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Backs up the sample district, restores it into new databases on the same server with
 * {@code --restore}, and compares every table; refuses damaged, tampered, too new and
 * foreign files and non-empty databases without touching them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {

	@Autowired
	Backups backups;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	Environment environment;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	private final List<String> created = new ArrayList<>();

	private String user;

	private String password;

	@BeforeAll
	void setUp() {
		this.user = this.environment.getProperty("spring.datasource.username", "postgres");
		this.password = this.environment.getProperty("spring.datasource.password", "");
	}

	@AfterAll
	void dropDatabases() throws SQLException {
		try (var connection = server(); var statement = connection.createStatement()) {
			for (var name : this.created) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
		}
	}

	@Test
	void shouldRestoreTheSampleDistrictTableForTable() throws Exception {
		var before = fingerprints(this.jdbc);
		var file = this.backups.create(Logins.ADMIN);
		var path = this.backups.file(file.name()).orElseThrow();
		assertThat(file.check()).isEqualTo(BackupFile.Check.GOOD);
		var manifest = BackupArchive.verify(path);
		assertThat(manifest.tables()).extracting(Manifest.Table::name)
			.containsAll(before.keySet())
			.contains("flyway_schema_history", "figure", "audit_event");
		assertThat(manifest.totalRows()).isGreaterThan(1000);

		var target = newDatabase();
		var out = new ByteArrayOutputStream();
		int status = Restore.run(path, args(target), new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(Restore.RESTORED);

		var restored = new JdbcTemplate(
				new org.springframework.jdbc.datasource.DriverManagerDataSource(url(target), this.user, this.password));
		assertThat(fingerprints(restored)).isEqualTo(before);
		// The restored database is what this application expects: Flyway validates it,
		// and new rows get fresh ids.
		Flyway.configure()
			.dataSource(url(target), this.user, this.password)
			.locations("classpath:db/migration")
			.load()
			.validate();
		long maxAudit = restored.queryForObject("select max(id) from audit_event", Long.class);
		long next = restored.queryForObject("select nextval(pg_get_serial_sequence('audit_event', 'id'))", Long.class);
		assertThat(next).isGreaterThan(maxAudit);
		assertThat(restored.queryForObject("select count(*) from org_unit where code = 'THCS-AIMO'", Integer.class))
			.isEqualTo(1);

		// The application starts on it (Flyway and Hibernate validate the schema) and
		// reads the district from it.
		var startArgs = new ArrayList<>(List.of(args(target)));
		startArgs.addAll(List.of("--server.port=0", "--management.server.port=0", "--chitieu.sample-data=false",
				"--chitieu.backup.schedule=-", "--chitieu.backup.directory=target/test-backups-restored"));
		try (var app = new SpringApplicationBuilder(ChiTieuApplication.class).run(startArgs.toArray(String[]::new))) {
			var units = app.getBean(OrgUnits.class);
			assertThat(units.schools()).hasSize(
					this.jdbc.queryForObject("select count(*) from org_unit where kind = 'SCHOOL'", Integer.class));
			assertThat(units.schoolByCode("THCS-AIMO")).isPresent();
		}
	}

	@Test
	void shouldBackUpFromTheAdministratorsPageAndDownload() throws Exception {
		var logins = new Logins(this.userDetails);
		var page = this.mvc.perform(get("/admin/backups").with(logins.as(Logins.ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Sao lưu ngay");
		var latest = this.backups.list().isEmpty() ? "" : this.backups.list().get(0).name();
		long audits = count("select count(*) from audit_event where action = 'BACKUP_CREATED'");
		this.mvc.perform(post("/admin/backups").param("latest", latest).with(logins.as(Logins.ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/admin/backups"))
			.andExpect(flash().attributeExists("done"));
		assertThat(count("select count(*) from audit_event where action = 'BACKUP_CREATED'")).isEqualTo(audits + 1);
		var newest = this.backups.list().get(0);
		assertThat(newest.name()).isNotEqualTo(latest);
		// The same click again (a double click): no second backup.
		this.mvc.perform(post("/admin/backups").param("latest", latest).with(logins.as(Logins.ADMIN)).with(csrf()))
			.andExpect(flash().attributeExists("error"));
		assertThat(this.backups.list().get(0).name()).isEqualTo(newest.name());

		page = this.mvc.perform(get("/admin/backups").with(logins.as(Logins.ADMIN)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(newest.name()).contains("Nguyên vẹn");

		var download = this.mvc.perform(get("/admin/backups/" + newest.name()).with(logins.as(Logins.ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(download).isEqualTo(Files.readAllBytes(this.backups.file(newest.name()).orElseThrow()));
		assertThat(count("select count(*) from audit_event where action = 'BACKUP_DOWNLOADED'")).isPositive();
		this.mvc.perform(get("/admin/backups/" + newest.name()).with(logins.as(Logins.OFFICE)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/backups/..%2Fpom.xml").with(logins.as(Logins.ADMIN)))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void shouldSayClearlyWhenTheDirectoryCannotBeWritten() throws Exception {
		var directory = this.backups.directory();
		var aside = directory.resolveSibling(directory.getFileName() + "-aside");
		Files.createDirectories(directory);
		Files.move(directory, aside);
		try {
			Files.writeString(directory, "a file where the folder should be");
			var logins = new Logins(this.userDetails);
			var result = this.mvc
				.perform(post("/admin/backups").param("latest", "").with(logins.as(Logins.ADMIN)).with(csrf()))
				.andExpect(redirectedUrl("/admin/backups"))
				.andReturn();
			var error = (String) result.getFlashMap().get("error");
			assertThat(error).startsWith("Không sao lưu được: không ghi được vào thư mục " + directory);
		}
		finally {
			Files.deleteIfExists(directory);
			Files.move(aside, directory);
		}
	}

	@Test
	void shouldRunTheScheduleOnceAcrossInstances() throws Exception {
		// Another instance holds the lock: this one skips.
		try (var other = this.dataSource.getConnection(); var lock = other.createStatement()) {
			lock.execute("select pg_advisory_lock(" + Backups.SCHEDULE_LOCK + ")");
			assertThat(this.backups.runScheduled()).isFalse();
			lock.execute("select pg_advisory_unlock(" + Backups.SCHEDULE_LOCK + ")");
		}
		this.jdbc.update("delete from app_setting where key = ?", ScheduledOutcome.SETTING);
		assertThat(this.backups.runScheduled()).isTrue();
		var outcome = this.backups.lastScheduled().orElseThrow();
		assertThat(outcome.succeeded()).isTrue();
		assertThat(this.backups.file(outcome.file())).isPresent();
		// Another instance, moments later: the backup is there already.
		assertThat(this.backups.runScheduled()).isFalse();
	}

	@Test
	void shouldRefuseATamperedFileAndLeaveTheDatabaseUntouched() throws Exception {
		var good = this.backups.file(this.backups.create(Logins.ADMIN).name()).orElseThrow();
		var tampered = rewrite(good, "tables/org_unit.copy", (bytes) -> {
			var text = new String(bytes, StandardCharsets.UTF_8);
			return text.replaceFirst("Bồ Đề", "Bồ Đê").getBytes(StandardCharsets.UTF_8);
		});
		assertRefused(tampered, Restore.BAD_FILE, "BAD_CHECKSUM");
	}

	@Test
	void shouldRefuseABackupFromANewerSchema() throws Exception {
		var good = this.backups.file(this.backups.create(Logins.ADMIN).name()).orElseThrow();
		var newer = rewriteManifest(good, "\"schemaVersion\" : \"", "\"schemaVersion\" : \"999");
		assertRefused(newer, Restore.BAD_FILE, "newer than this application");
	}

	@Test
	void shouldRefuseAFileThatIsNoBackup() throws Exception {
		var junk = Files.createTempFile("chitieu", ".zip");
		Files.writeString(junk, "not a backup at all");
		assertRefused(junk, Restore.BAD_FILE, "NOT_A_BACKUP");
		var otherZip = Files.createTempFile("chitieu", ".zip");
		try (var zip = new ZipOutputStream(Files.newOutputStream(otherZip))) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
		}
		assertRefused(otherZip, Restore.BAD_FILE, "NOT_A_BACKUP");
	}

	@Test
	void shouldRefuseANonEmptyDatabase() throws Exception {
		var good = this.backups.file(this.backups.create(Logins.ADMIN).name()).orElseThrow();
		var target = newDatabase();
		try (var connection = DriverManager.getConnection(url(target), this.user, this.password);
				var statement = connection.createStatement()) {
			statement.execute("create table precious (x int)");
			statement.execute("insert into precious values (42)");
		}
		var out = new ByteArrayOutputStream();
		int status = Restore.run(good, args(target), new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(Restore.NOT_EMPTY);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("not empty");
		var restored = new JdbcTemplate(
				new org.springframework.jdbc.datasource.DriverManagerDataSource(url(target), this.user, this.password));
		assertThat(tables(restored)).containsExactly("precious");
		assertThat(restored.queryForObject("select x from precious", Integer.class)).isEqualTo(42);
	}

	private void assertRefused(Path file, int expected, String reason) throws Exception {
		var target = newDatabase();
		var out = new ByteArrayOutputStream();
		int status = Restore.run(file, args(target), new PrintStream(out, true, StandardCharsets.UTF_8));
		var said = out.toString(StandardCharsets.UTF_8);
		assertThat(status).as(said).isEqualTo(expected);
		assertThat(said).contains("RESTORE REFUSED").contains(reason);
		var untouched = new JdbcTemplate(
				new org.springframework.jdbc.datasource.DriverManagerDataSource(url(target), this.user, this.password));
		assertThat(tables(untouched)).isEmpty();
	}

	private static List<String> tables(JdbcTemplate jdbc) {
		return jdbc.queryForList("select tablename from pg_tables where schemaname = current_schema() order by 1",
				String.class);
	}

	/**
	 * Every table's row count and a hash of its rows, in a stable order; the sessions
	 * (Spring Session's tables) are left out of backups on purpose.
	 */
	private static Map<String, String> fingerprints(JdbcTemplate jdbc) {
		var result = new TreeMap<String, String>();
		for (var table : tables(jdbc)) {
			if (table.startsWith("spring_session")) {
				continue;
			}
			result.put(table, jdbc.queryForObject("select count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n' "
					+ "order by t::text)), '-') from \"" + table + "\" t", String.class));
		}
		return result;
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private String[] args(String database) {
		return new String[] { "--spring.datasource.url=" + url(database), "--spring.datasource.username=" + this.user,
				"--spring.datasource.password=" + this.password, "--chitieu.embedded-db.enabled=false" };
	}

	private String newDatabase() throws SQLException {
		var name = "chitieu_restore_" + Long.toHexString(System.nanoTime());
		try (var connection = server(); var statement = connection.createStatement()) {
			statement.execute("create database " + name + " template template0 encoding 'UTF8'");
		}
		this.created.add(name);
		return name;
	}

	private Connection server() throws SQLException {
		return DriverManager.getConnection(url("postgres"), this.user, this.password);
	}

	/** The test database's URL with another database name. */
	private String url(String database) {
		var url = this.dataSource.getJdbcUrl();
		return url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
	}

	private static Path rewrite(Path file, String entryName, java.util.function.UnaryOperator<byte[]> change)
			throws IOException {
		var out = Files.createTempFile("chitieu-tampered", ".zip");
		boolean changed = false;
		try (var zip = new ZipFile(file.toFile()); var target = new ZipOutputStream(Files.newOutputStream(out))) {
			for (var entries = zip.entries(); entries.hasMoreElements();) {
				var entry = entries.nextElement();
				byte[] bytes;
				try (var in = zip.getInputStream(entry)) {
					bytes = in.readAllBytes();
				}
				if (entry.getName().equals(entryName)) {
					var after = change.apply(bytes);
					changed = !java.util.Arrays.equals(after, bytes);
					bytes = after;
				}
				target.putNextEntry(new ZipEntry(entry.getName()));
				target.write(bytes);
				target.closeEntry();
			}
		}
		assertThat(changed).as("the test changed " + entryName).isTrue();
		return out;
	}

	/**
	 * Changes the manifest and writes a matching checksum, as someone editing the file on
	 * purpose would.
	 */
	private static Path rewriteManifest(Path file, String from, String to) throws IOException {
		byte[][] manifest = new byte[1][];
		var step = rewrite(file, BackupArchive.MANIFEST, (bytes) -> {
			var text = new String(bytes, StandardCharsets.UTF_8);
			manifest[0] = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
			return manifest[0];
		});
		return rewrite(step, BackupArchive.CHECKSUM,
				(bytes) -> BackupArchive.checksumLine(manifest[0]).getBytes(StandardCharsets.US_ASCII));
	}

}
