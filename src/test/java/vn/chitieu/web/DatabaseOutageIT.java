package vn.chitieu.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.chitieu.ChiTieuApplication;
import vn.chitieu.testsupport.FormClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database stops under a running application: every page answers at once that the
 * system is temporarily interrupted (503, in the user's language), login says so instead
 * of "wrong password", and when the database is back everything works again without
 * restarting the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIT {

	private static final String ADMIN = "admin";

	private static final String PASSWORD = "outage-test-2026";

	/** The connection timeout (5 s) and some slack for a loaded machine. */
	private static final Duration QUICKLY = Duration.ofSeconds(15);

	@TempDir
	Path directory;

	EmbeddedPostgres postgres;

	ConfigurableApplicationContext application;

	@AfterEach
	void tearDown() throws IOException {
		if (this.application != null) {
			this.application.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void shouldSayTheSystemIsInterruptedWhileTheDatabaseIsDownAndRecoverWithoutARestart(CapturedOutput output)
			throws Exception {
		var data = this.directory.resolve("postgres");
		int databasePort = freePort();
		this.postgres = startDatabase(data, databasePort);
		this.application = new SpringApplicationBuilder(ChiTieuApplication.class).run(
				"--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--chitieu.embedded-db.enabled=false", "--chitieu.sample-data=false",
				"--chitieu.admin.username=" + ADMIN, "--chitieu.admin.password=" + PASSWORD, "--server.port=0",
				"--management.server.port=0");
		int port = this.application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

		var admin = new FormClient(port);
		assertThat(admin.logIn(ADMIN, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);

		this.postgres.close();
		this.postgres = null;

		long started = System.nanoTime();
		var page = admin.get("/admin/users");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("Hệ thống tạm thời gián đoạn").doesNotContain("Exception");
		// The reference to quote is the request id, also in the request's log line.
		var reference = page.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(page.body()).contains("Mã lỗi: " + reference);
		assertThat(output.getOut()).contains("GET /admin/users 503").contains("id=" + reference);

		var englishPage = admin.get("/admin/users?lang=en");
		assertThat(englishPage.statusCode()).isEqualTo(503);
		assertThat(englishPage.body()).contains("temporarily unavailable");

		var api = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/plans"))
				.header("Authorization",
						"Basic " + java.util.Base64.getEncoder()
							.encodeToString((ADMIN + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).as("the API, too, says unavailable rather than unauthorised").isEqualTo(503);

		var visitor = new FormClient(port);
		started = System.nanoTime();
		var login = visitor.logIn(ADMIN, PASSWORD);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
		var location = login.headers().firstValue("Location").orElseThrow();
		assertThat(location).doesNotContain("error");
		var loginPage = visitor.get(location.replaceFirst("^https?://[^/]+", ""));
		assertThat(loginPage.body()).contains("tạm thời gián đoạn").doesNotContain("mật khẩu không đúng");

		this.postgres = startDatabase(data, databasePort);

		assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
		var again = new FormClient(port);
		assertThat(again.logIn(ADMIN, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).doesNotContain("login"));
		assertThat(again.get("/admin/users").statusCode()).isEqualTo(200);
	}

	private static EmbeddedPostgres startDatabase(Path data, int port) throws IOException {
		return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
