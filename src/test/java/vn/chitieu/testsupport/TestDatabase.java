package vn.chitieu.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL the tests run against, chosen once per test run, first match wins:
 * <ol>
 * <li>an external server when {@code SPRING_DATASOURCE_URL} is set (CI points it at the
 * machine's PostgreSQL, in a database created for the run);</li>
 * <li>a Testcontainers PostgreSQL 18 when a Docker engine answers;</li>
 * <li>otherwise an embedded PostgreSQL 18 (zonky) in a temporary directory.</li>
 * </ol>
 */
public final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static Map<String, Object> properties;

	private TestDatabase() {
	}

	/**
	 * The datasource properties of the chosen database; empty when the environment
	 * already names one.
	 * @return the properties to add to test contexts
	 */
	public static synchronized Map<String, Object> properties() {
		if (properties == null) {
			properties = choose();
		}
		return properties;
	}

	private static Map<String, Object> choose() {
		var external = System.getenv("SPRING_DATASOURCE_URL");
		if (external != null && !external.isBlank()) {
			log.info("Tests use the external PostgreSQL at {}", external);
			return Map.of();
		}
		if (dockerAnswers()) {
			var container = new PostgreSQLContainer("postgres:18");
			container.start();
			log.info("Tests use a Testcontainers PostgreSQL at {}", container.getJdbcUrl());
			return datasource(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		try {
			var postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is exiting; the temporary cluster goes with it.
				}
			}));
			var url = postgres.getJdbcUrl("postgres", "postgres");
			log.info("Tests use an embedded PostgreSQL at {}", url);
			return datasource(url, "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start an embedded PostgreSQL for the tests", ex);
		}
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static Map<String, Object> datasource(String url, String username, String password) {
		var map = new LinkedHashMap<String, Object>();
		map.put("spring.datasource.url", url);
		map.put("spring.datasource.username", username);
		map.put("spring.datasource.password", password);
		return map;
	}

}
