package vn.chitieu.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server inside the application when no external database is
 * configured, so that {@code ./mvnw spring-boot:run} works on a bare machine. Its data
 * directory is kept between runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${chitieu.embedded-db.enabled:true}")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		var directory = properties.dataDirectory().toAbsolutePath().normalize();
		Files.createDirectories(directory);
		log.info("Starting the embedded PostgreSQL server (data in {}, port {})", directory, properties.port());
		return EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPort(properties.port())
			.setServerConfig("listen_addresses", "localhost")
			.setLocaleConfig("encoding", "UTF8")
			.start();
	}

	@Bean
	EmbeddedDatabase embeddedDatabase(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
		return new EmbeddedDatabase(postgres.getJdbcUrl("postgres", properties.database()),
				properties.dataDirectory().toAbsolutePath().normalize());
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws SQLException {
		createDatabaseIfMissing(postgres.getPostgresDatabase(), properties.database());
		var dataSource = new HikariDataSource();
		dataSource.setPoolName("embedded");
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		log.info("Embedded PostgreSQL ready: {}", dataSource.getJdbcUrl());
		return dataSource;
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
