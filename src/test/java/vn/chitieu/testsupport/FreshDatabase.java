package vn.chitieu.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A new, empty database on the same PostgreSQL server the tests use
 * ({@link TestDatabase}: the external server named by {@code SPRING_DATASOURCE_URL}, or
 * the embedded one), for a test that needs an installation as it is on its very first
 * start: no sample district, no organisation, no user. Register its properties in the
 * test's {@code @DynamicPropertySource} (they win over
 * {@link TestDatabaseContextCustomizerFactory}'s) and {@link #close() drop} it when the
 * test is over.
 *
 * <pre>
 * static final FreshDatabase DATABASE = FreshDatabase.create("firststart");
 *
 * &#64;DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     DATABASE.register(registry);
 * }
 * </pre>
 */
public final class FreshDatabase implements AutoCloseable {

	private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

	private final String name;

	private final String url;

	private final String adminUrl;

	private final String username;

	private final String password;

	private FreshDatabase(String name, String url, String adminUrl, String username, String password) {
		this.name = name;
		this.url = url;
		this.adminUrl = adminUrl;
		this.username = username;
		this.password = password;
	}

	/**
	 * Creates the database.
	 * @param purpose a short word for its name, e.g. {@code firststart}
	 * @return the database, empty
	 */
	public static FreshDatabase create(String purpose) {
		String base;
		String username;
		String password;
		var external = System.getenv("SPRING_DATASOURCE_URL");
		if (external != null && !external.isBlank()) {
			base = external;
			username = System.getenv("SPRING_DATASOURCE_USERNAME");
			password = System.getenv("SPRING_DATASOURCE_PASSWORD");
		}
		else {
			var chosen = TestDatabase.properties();
			base = (String) chosen.get("spring.datasource.url");
			username = (String) chosen.get("spring.datasource.username");
			password = (String) chosen.get("spring.datasource.password");
		}
		var matcher = DATABASE_IN_URL.matcher(base);
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + base);
		}
		var name = ("fresh_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9_]", "_");
		var database = new FreshDatabase(name, matcher.group(1) + name + matcher.group(3),
				matcher.group(1) + "postgres" + matcher.group(3), username, (password != null) ? password : "");
		database.execute("create database " + name);
		return database;
	}

	/**
	 * @return the database's name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The properties of a Spring context on this database: its address, and no sample
	 * district.
	 * @return the properties
	 */
	public Map<String, Object> properties() {
		var map = new LinkedHashMap<String, Object>();
		map.put("spring.datasource.url", this.url);
		map.put("spring.datasource.username", (this.username != null) ? this.username : "");
		map.put("spring.datasource.password", this.password);
		map.put("chitieu.embedded-db.enabled", "false");
		map.put("chitieu.sample-data", "false");
		return map;
	}

	/**
	 * Adds {@link #properties()} to a test's dynamic properties.
	 * @param registry the test's registry
	 */
	public void register(DynamicPropertyRegistry registry) {
		properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	/**
	 * Drops the database, ending the connections still open to it.
	 */
	@Override
	public void close() {
		execute("drop database if exists " + this.name + " with (force)");
	}

	private void execute(String sql) {
		try (var connection = DriverManager.getConnection(this.adminUrl, this.username, this.password);
				var statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run '" + sql + "' on " + this.adminUrl, ex);
		}
	}

}
