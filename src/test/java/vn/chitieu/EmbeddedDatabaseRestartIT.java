package vn.chitieu;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no database configured the application runs on its own embedded PostgreSQL, loads
 * the sample district on the first start, and finds its data again after a restart.
 */
class EmbeddedDatabaseRestartIT {

	@TempDir
	Path directory;

	@Test
	void shouldKeepTheDataAcrossARestart() throws IOException {
		var dataDirectory = this.directory.resolve("postgres");
		int port = freePort();
		long schools;
		try (var first = start(dataDirectory, port)) {
			var jdbc = first.getBean(JdbcTemplate.class);
			schools = count(jdbc, "select count(*) from org_unit where kind = 'SCHOOL'");
			assertThat(schools).isGreaterThan(80);
			jdbc.update("insert into app_setting (key, value) values ('restart_test', 'still here')");
		}
		assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();
		try (var second = start(dataDirectory, port)) {
			var jdbc = second.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select value from app_setting where key = 'restart_test'", String.class))
				.isEqualTo("still here");
			assertThat(count(jdbc, "select count(*) from org_unit where kind = 'SCHOOL'")).isEqualTo(schools);
			assertThat(count(jdbc, "select count(*) from audit_event where action = 'SAMPLE_DISTRICT_LOADED'"))
				.as("the sample district is loaded on the first start only")
				.isEqualTo(1);
		}
	}

	private static ConfigurableApplicationContext start(Path dataDirectory, int port) {
		return new SpringApplicationBuilder(ChiTieuApplication.class).run("--spring.datasource.url=",
				"--chitieu.embedded-db.data-directory=" + dataDirectory, "--chitieu.embedded-db.port=" + port,
				"--chitieu.sample-data=auto", "--server.port=0", "--management.server.port=0");
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
