package vn.chitieu.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own for a test that changes the sample district for good (a
 * reorganisation of wards, a new school year), so that the shared one the other
 * integration tests read stays as it is. It lives on the same PostgreSQL server as
 * {@link TestDatabase}, is dropped and created again at the start of the test class, and
 * the application loads the sample district into it when its context starts. Use it from
 * a {@code @DynamicPropertySource} method; those properties win over every other.
 */
public final class SampleDatabase {

	// PostgreSQL's longest name: 63 bytes (CI's database names are already 31 characters
	// long).
	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

	private SampleDatabase() {
	}

	/**
	 * Creates a new empty database and points the test's context at it.
	 * @param suffix what to add to the test database's name, e.g. {@code reorg}
	 * @param registry the test's dynamic properties
	 */
	public static void register(String suffix, DynamicPropertyRegistry registry) {
		var target = create(suffix);
		target.forEach((key, value) -> registry.add(key, () -> value));
	}

	/**
	 * Drops (if there) and creates a database named after the test database and a suffix.
	 * @param suffix the suffix
	 * @return its datasource properties
	 */
	public static Map<String, String> create(String suffix) {
		String url;
		String username;
		String password;
		var external = System.getenv("SPRING_DATASOURCE_URL");
		if (external != null && !external.isBlank()) {
			url = external;
			username = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
			password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
		}
		else {
			var properties = TestDatabase.properties();
			url = (String) properties.get("spring.datasource.url");
			username = (String) properties.get("spring.datasource.username");
			password = (String) properties.get("spring.datasource.password");
		}
		var matcher = URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a PostgreSQL URL: " + url);
		}
		var name = (matcher.group(2).isEmpty() ? "chitieu" : matcher.group(2)) + "_" + suffix;
		name = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalStateException("Cannot name a database " + name);
		}
		try (var connection = DriverManager.getConnection(matcher.group(1) + "postgres" + matcher.group(3), username,
				password); var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test database " + name, ex);
		}
		return Map.of("spring.datasource.url", matcher.group(1) + name + matcher.group(3), "spring.datasource.username",
				username, "spring.datasource.password", (password != null) ? password : "");
	}

}
