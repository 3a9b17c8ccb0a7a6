package vn.chitieu.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import tools.jackson.databind.json.JsonMapper;

import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health, metrics and logs over real HTTP: the management port answers the probes, the
 * build information and the Prometheus scrape, and the application's port serves none of
 * it; the application's metrics move with what users do; each request has its log line
 * and id, and an error page shows that id as the reference to quote.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT {

	private static final String OPEN_YEAR = "2024-2025";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BuildProperties build;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void shouldReportReadyWithTheDatabaseAndItsMigrations() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		var readiness = management("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		var health = JsonMapper.builder().build().readTree(readiness.body());
		assertThat(health.path("status").toString()).isEqualTo("\"UP\"");
		for (var component : new String[] { "db", "migrations", "dataDirectory", "readinessState" }) {
			assertThat(health.path("components").path(component).path("status").toString()).as(component)
				.isEqualTo("\"UP\"");
		}
		assertThat(health.path("components").path("migrations").path("details").path("pending").toString())
			.isEqualTo("0");
		var liveness = management("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void shouldTellItsVersion() throws Exception {
		var info = management("/actuator/info");
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(info.body()).contains("\"version\":\"" + this.build.getVersion() + "\"")
			.contains("\"artifact\":\"chitieu\"");
	}

	@Test
	void shouldServeNothingOfTheManagementEndpointsOnTheApplicationPort() throws Exception {
		var anonymous = new FormClient(this.port);
		var admin = new FormClient(this.port);
		admin.logIn(Logins.ADMIN, Logins.PASSWORD);
		for (var path : new String[] { "/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/info",
				"/actuator/prometheus", "/actuator/env" }) {
			var refused = anonymous.get(path);
			assertThat(refused.statusCode()).as("%s anonymously", path).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login");
			var missing = admin.get(path);
			assertThat(missing.statusCode()).as("%s as ADMIN", path).isEqualTo(404);
			assertThat(missing.body()).doesNotContain("\"status\"").doesNotContain("chitieu_");
		}
	}

	@Test
	void shouldCountWhatUsersDo() throws Exception {
		var before = scrape();
		assertThat(before).contains("# TYPE chitieu_reports gauge");
		assertThat(value(before, "chitieu_reports", "status=\"approved\"")).isPositive();

		// A failed login.
		new FormClient(this.port).logIn("khong-co-ai-" + UUID.randomUUID(), "sai-mat-khau");

		// A page view computing progress, and an export.
		var office = new FormClient(this.port);
		office.logIn(Logins.OFFICE, Logins.PASSWORD);
		assertThat(office.get("/progress").statusCode()).isIn(200, 302);
		var plan = this.jdbc.queryForObject("select code from plan order by code limit 1", String.class);
		assertThat(office.get("/progress/" + plan).statusCode()).isEqualTo(200);
		assertThat(office.get("/progress/" + plan).statusCode()).isEqualTo(200);
		assertThat(office.get("/reports/figures.xlsx?year=" + OPEN_YEAR).statusCode()).isEqualTo(200);

		// An upload refused: not an Excel file.
		var school = new FormClient(this.port);
		school.logIn("thcs-aimo", Logins.PASSWORD);
		long id = this.jdbc.queryForObject("select id from org_unit where code = 'THCS-AIMO'", Long.class);
		var form = "/schools/" + id + "/figures/" + OPEN_YEAR;
		var token = FormClient.csrf(school.get(form).body());
		var refused = upload(school, form + "/upload", token, "so-lieu.xlsx", "không phải Excel");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(school.get(form).body()).contains("upload-problems");

		var after = scrape();
		assertThat(value(after, "chitieu_logins_total", "result=\"failed\""))
			.isGreaterThanOrEqualTo(value(before, "chitieu_logins_total", "result=\"failed\"") + 1);
		assertThat(value(after, "chitieu_progress_cache_total", "cache=\"overview\""))
			.isGreaterThanOrEqualTo(value(before, "chitieu_progress_cache_total", "cache=\"overview\"") + 2);
		assertThat(value(after, "chitieu_progress_cache_total", "cache=\"overview\"", "result=\"hit\""))
			.isGreaterThanOrEqualTo(
					value(before, "chitieu_progress_cache_total", "cache=\"overview\"", "result=\"hit\"") + 1);
		assertThat(value(after, "chitieu_progress_compute_seconds_count", "view=\"overview\""))
			.isGreaterThanOrEqualTo(value(before, "chitieu_progress_compute_seconds_count", "view=\"overview\""));
		assertThat(value(after, "chitieu_export_seconds_count", "kind=\"figures\"", "outcome=\"success\""))
			.isGreaterThanOrEqualTo(
					value(before, "chitieu_export_seconds_count", "kind=\"figures\"", "outcome=\"success\"") + 1);
		assertThat(
				value(after, "chitieu_uploads_total", "kind=\"figures\"", "result=\"refused\"", "reason=\"invalid\""))
			.isGreaterThanOrEqualTo(value(before, "chitieu_uploads_total", "kind=\"figures\"", "result=\"refused\"",
					"reason=\"invalid\"") + 1);
	}

	@Test
	void shouldLogEachRequestWithItsIdAndUser(CapturedOutput output) throws Exception {
		var admin = new FormClient(this.port);
		admin.logIn(Logins.ADMIN, Logins.PASSWORD);
		// An id sent by a client that is not a trusted proxy is not believed.
		admin.header("X-Request-Id", "forged-id-123");
		var page = admin.get("/?secret=hidden");
		assertThat(page.statusCode()).isEqualTo(200);
		var id = page.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).isNotEqualTo("forged-id-123").matches("[A-Z0-9]{8}");
		assertThat(output.getOut()).containsPattern("GET / 200 \\d+ms user=admin id=" + id)
			.doesNotContain("secret=hidden");
	}

	@Test
	void shouldShowAnErrorReferenceThatIsInTheLog(CapturedOutput output) throws Exception {
		var admin = new FormClient(this.port);
		admin.logIn(Logins.ADMIN, Logins.PASSWORD);
		var failed = admin.get("/ops-test/failure");
		assertThat(failed.statusCode()).isEqualTo(500);
		var id = failed.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(failed.body()).contains("Đã có lỗi xảy ra")
			.contains("Mã lỗi: " + id)
			.doesNotContain("Deliberate failure");
		assertThat(output.getOut()).containsPattern("GET /ops-test/failure 500 \\d+ms user=admin id=" + id)
			.contains("Deliberate failure for OperationsIT");
		var english = admin.get("/ops-test/failure?lang=en");
		var englishId = english.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(english.body()).contains("Error reference: " + englishId);
	}

	private HttpResponse<String> management(String path) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String scrape() throws Exception {
		var response = management("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/**
	 * The sum of a metric's samples whose labels include all of these (0 when there is
	 * none).
	 */
	private static double value(String scrape, String name, String... labels) {
		var line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
		var matcher = line.matcher(scrape);
		double sum = 0;
		while (matcher.find()) {
			var found = matcher.group(1);
			if (Arrays.stream(labels).allMatch(found::contains)) {
				sum += Double.parseDouble(matcher.group(2));
			}
		}
		return sum;
	}

	/** A multipart form as a browser sends it: the CSRF token, then the file. */
	private HttpResponse<String> upload(FormClient browser, String path, String token, String name, String content)
			throws Exception {
		var boundary = "----chitieu" + UUID.randomUUID();
		var body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", "JSESSIONID=" + browser.session())
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A page that fails, as a bug would (in this test's application only). */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingPage {

		@Bean
		RouterFunction<ServerResponse> failingPage() {
			return RouterFunctions.route().GET("/ops-test/failure", (request) -> {
				throw new IllegalStateException("Deliberate failure for OperationsIT");
			}).build();
		}

	}

}
