package vn.chitieu.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server inside the application when no external database is
 * configured, so that {@code ./mvnw spring-boot:run} works on a bare machine. Its data
 * directory is kept between runs.
 * <p>
 * It holds approved figures, so it runs as durably as any server (fsync, synchronous
 * commits, full-page writes; the zonky defaults switch them off for tests), listens on
 * localhost only, and lets nobody in without the password generated at its creation and
 * kept in {@value #PASSWORD_FILE} in its data directory, readable by its owner only:
 * otherwise any local account could connect as the superuser and, among other things,
 * switch off the triggers that protect the audit trail. A data directory made by an
 * earlier version (every local connection trusted, no password) gets a password on its
 * first start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${chitieu.embedded-db.enabled:true}")
public class EmbeddedDatabaseConfiguration {

	/** The file of the data directory holding the superuser's password. */
	static final String PASSWORD_FILE = "chitieu-password";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	private static final String SUPERUSER = "postgres";

	private static final String OWNER_ONLY = "rw-------";

	private static final String HBA = """
			# Written by Chỉ tiêu: every connection, replication included, needs the password kept in
			# the file chitieu-password of this directory. Connections come from this machine only.
			local   all           all                     scram-sha-256
			host    all           all     127.0.0.1/32    scram-sha-256
			host    all           all     ::1/128         scram-sha-256
			local   replication   all                     scram-sha-256
			host    replication   all     127.0.0.1/32    scram-sha-256
			host    replication   all     ::1/128         scram-sha-256
			""";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		var directory = properties.dataDirectory().toAbsolutePath().normalize();
		Files.createDirectories(directory);
		boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
		var passwordFile = directory.resolve(PASSWORD_FILE);
		String password;
		if (Files.exists(passwordFile)) {
			password = Files.readString(passwordFile).strip();
		}
		else if (fresh || weakerThanScram(directory)) {
			password = generatePassword();
		}
		else {
			throw new IllegalStateException(
					"The embedded PostgreSQL in " + directory + " asks for a password, but its password file "
							+ passwordFile + " is missing: restore it from a back-up of the data directory.");
		}
		log.info("Starting the embedded PostgreSQL server (data in {}, port {})", directory, properties.port());
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPort(properties.port())
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setLocaleConfig("encoding", "UTF8")
			.setConnectConfig("password", password)
			// Runs after initdb, before the server starts.
			.setDataDirectoryCustomizer((dir) -> writePassword(passwordFile, password));
		Path initdbPassword = null;
		if (fresh) {
			// zonky runs initdb with "-A trust"; options given as locale settings come
			// after
			// it on initdb's command line, so the cluster is created asking for a
			// password.
			initdbPassword = Files.createTempFile("chitieu-initdb", ".pw");
			ownerOnly(initdbPassword);
			Files.writeString(initdbPassword, password);
			builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initdbPassword.toString());
		}
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		finally {
			if (initdbPassword != null) {
				Files.deleteIfExists(initdbPassword);
			}
		}
		try {
			if (weakerThanScram(directory)) {
				requirePassword(postgres, directory, password);
			}
		}
		catch (IOException | SQLException | RuntimeException ex) {
			postgres.close();
			throw new IllegalStateException("Cannot protect the embedded PostgreSQL with a password", ex);
		}
		return postgres;
	}

	@Bean
	EmbeddedDatabase embeddedDatabase(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
		return new EmbeddedDatabase(postgres.getJdbcUrl(SUPERUSER, properties.database()),
				properties.dataDirectory().toAbsolutePath().normalize());
	}

	/**
	 * The pool, with the timeouts of {@code spring.datasource.hikari} (application.yaml)
	 * as for an external database.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws SQLException {
		createDatabaseIfMissing(postgres.getPostgresDatabase(), properties.database());
		var dataSource = new HikariDataSource();
		dataSource.setPoolName("embedded");
		dataSource.setJdbcUrl(postgres.getJdbcUrl(SUPERUSER, properties.database()));
		dataSource.setUsername(SUPERUSER);
		dataSource.setPassword(password(properties));
		dataSource.setMaximumPoolSize(10);
		log.info("Embedded PostgreSQL ready: {}", dataSource.getJdbcUrl());
		return dataSource;
	}

	private static String password(EmbeddedDatabaseProperties properties) {
		try {
			return Files.readString(properties.dataDirectory().toAbsolutePath().normalize().resolve(PASSWORD_FILE))
				.strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the server's pg_hba.conf lets some connection in with less than the
	 * password (scram-sha-256): the earlier versions' trusted every local connection.
	 */
	private static boolean weakerThanScram(Path directory) throws IOException {
		var hba = directory.resolve("pg_hba.conf");
		return Files.exists(hba) && Files.readAllLines(hba)
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.anyMatch((line) -> !line.endsWith("scram-sha-256"));
	}

	/**
	 * Gives the superuser a password, then asks for it on every connection, and waits
	 * until the server does.
	 */
	private static void requirePassword(EmbeddedPostgres postgres, Path directory, String password)
			throws IOException, SQLException {
		log.warn(
				"The embedded PostgreSQL in {} let every local user in without a password; "
						+ "from now on it asks for the password kept in {}",
				directory, directory.resolve(PASSWORD_FILE));
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			statement.execute("alter role " + SUPERUSER + " password '" + password.replace("'", "''") + "'");
			Files.writeString(directory.resolve("pg_hba.conf"), HBA);
			statement.execute("select pg_reload_conf()");
		}
		var url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
		var withoutPassword = new Properties();
		withoutPassword.setProperty("user", SUPERUSER);
		withoutPassword.setProperty("connectTimeout", "2");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection connection = DriverManager.getConnection(url, withoutPassword)) {
				// Not reloaded yet.
			}
			catch (SQLException refused) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while the embedded PostgreSQL reloads", ex);
			}
		}
		throw new IllegalStateException("The embedded PostgreSQL still lets users in without a password");
	}

	private static void writePassword(Path file, String password) {
		try {
			if (!Files.exists(file) || !Files.readString(file).strip().equals(password)) {
				var temporary = Files.createTempFile(file.getParent(), PASSWORD_FILE, ".new");
				ownerOnly(temporary);
				Files.writeString(temporary, password + "\n");
				Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
						java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			}
			ownerOnly(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the embedded PostgreSQL's password to " + file, ex);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY));
		}
	}

	private static String generatePassword() {
		var random = new SecureRandom();
		var password = new StringBuilder();
		for (int i = 0; i < 32; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	private static void createDatabaseIfMissing(DataSource server, String database) throws SQLException {
		if (!database.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Invalid embedded database name: " + database);
		}
		try (Connection connection = server.getConnection();
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			try (ResultSet rs = exists.executeQuery()) {
				if (rs.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("create database " + database + " encoding 'UTF8' template template0");
			}
		}
	}

}
