package vn.chitieu.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL the application starts by default keeps approved data through a
 * power cut (durable settings) and lets in nobody without its generated password, also a
 * data directory made by an earlier version that trusted every local user.
 */
class EmbeddedDatabaseSafetyIT {

	@TempDir
	Path directory;

	@Test
	void shouldRunDurablyAndLetNobodyInWithoutThePassword() throws IOException {
		var dataDirectory = this.directory.resolve("postgres");
		int port = freePort();
		runner(dataDirectory, port).run((context) -> {
			assertThat(context).hasNotFailed();
			var jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("localhost");
			assertLocked(dataDirectory, port);
		});
	}

	@Test
	void shouldGiveADataDirectoryOfTheEarlierVersionAPasswordAndKeepItsData() throws IOException {
		var dataDirectory = this.directory.resolve("postgres");
		int port = freePort();
		// What the earlier version made: initdb with trust, no password at all.
		try (var earlier = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(port)
			.start()) {
			new JdbcTemplate(earlier.getPostgresDatabase())
				.execute("create table kept (value text); " + "insert into kept values ('approved figures')");
		}
		assertThat(Files.readString(dataDirectory.resolve("pg_hba.conf"))).contains("trust");
		runner(dataDirectory, port).run((context) -> {
			assertThat(context).hasNotFailed();
			var postgres = new JdbcTemplate(context.getBean(EmbeddedPostgres.class).getPostgresDatabase());
			assertThat(postgres.queryForObject("select value from kept", String.class)).isEqualTo("approved figures");
			assertThat(postgres.queryForObject("show fsync", String.class)).isEqualTo("on");
			assertLocked(dataDirectory, port);
		});
		// And it starts again with the password it was given.
		runner(dataDirectory, port).run((context) -> {
			assertThat(context).hasNotFailed();
			var postgres = new JdbcTemplate(context.getBean(EmbeddedPostgres.class).getPostgresDatabase());
			assertThat(postgres.queryForObject("select value from kept", String.class)).isEqualTo("approved figures");
			assertLocked(dataDirectory, port);
		});
	}

	private static void assertLocked(Path dataDirectory, int port) throws Exception {
		var passwordFile = dataDirectory.resolve(EmbeddedDatabaseConfiguration.PASSWORD_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
		var password = Files.readString(passwordFile).strip();
		assertThat(password).hasSizeGreaterThanOrEqualTo(24);
		var hba = Files.readAllLines(dataDirectory.resolve("pg_hba.conf"))
			.stream()
			.filter((line) -> !line.isBlank() && !line.strip().startsWith("#"))
			.toList();
		assertThat(hba).isNotEmpty().allSatisfy((line) -> assertThat(line).endsWith("scram-sha-256"));
		var url = "jdbc:postgresql://localhost:" + port + "/postgres";
		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong-password"))
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("password authentication failed");
		var replication = new Properties();
		replication.setProperty("user", "postgres");
		replication.setProperty("replication", "database");
		replication.setProperty("preferQueryMode", "simple");
		assertThatThrownBy(() -> DriverManager.getConnection(url, replication)).isInstanceOf(SQLException.class);
		try (var connection = DriverManager.getConnection(url, "postgres", password)) {
			assertThat(connection.isValid(2)).isTrue();
		}
	}

	private static ApplicationContextRunner runner(Path dataDirectory, int port) {
		return new ApplicationContextRunner().withUserConfiguration(Settings.class, EmbeddedDatabaseConfiguration.class)
			.withPropertyValues("spring.datasource.url=", "chitieu.embedded-db.data-directory=" + dataDirectory,
					"chitieu.embedded-db.port=" + port);
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
	static class Settings {

	}

}
