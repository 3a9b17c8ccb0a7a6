package vn.chitieu.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: pages and JSON compressed, static files under paths that carry a hash
 * of their content and kept by browsers for a year, pages never kept; nothing served, and
 * no login counted, before the application is ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeliveryIT {

	private static final Pattern STATIC_LINK = Pattern
		.compile("(?:href|src)=\"(/(?:css|js|img)/[a-z]+-([0-9a-f]{32})\\.(?:css|js|svg))\"");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<byte[]> get(String path, String session) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept-Encoding", "gzip");
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<byte[]> response) throws Exception {
		if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
			try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	@Test
	void shouldCompressPagesAndKeepThemOutOfCaches() throws Exception {
		var client = new FormClient(this.port);
		client.logIn(Logins.OFFICE, Logins.PASSWORD);
		var page = get("/progress/KH-157-UBND-2022?year=2023-2024", client.session());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		var html = text(page);
		assertThat(html).contains("KH-157-UBND-2022");
		assertThat(page.body().length).isLessThan(html.getBytes(StandardCharsets.UTF_8).length / 4);
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		var json = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/plans/KH-157-UBND-2022/progress"))
			.header("Accept-Encoding", "gzip")
			.header("Authorization",
					"Basic " + java.util.Base64.getEncoder()
						.encodeToString((Logins.VIEWER + ":" + Logins.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(text(json)).contains("KH-157-UBND-2022");
	}

	@Test
	void shouldLinkStaticFilesByTheirContentAndLetBrowsersKeepThemForAYear() throws Exception {
		var login = get("/login", null);
		var html = text(login);
		var links = STATIC_LINK.matcher(html);
		int found = 0;
		while (links.find()) {
			found++;
			var file = get(links.group(1), null);
			assertThat(file.statusCode()).as(links.group(1)).isEqualTo(200);
			assertThat(file.headers().firstValue("Cache-Control").orElse("")).as(links.group(1))
				.contains("max-age=31536000")
				.contains("immutable")
				.doesNotContain("no-store");
		}
		// app.css, favicon.svg, app.js and tables.js, each under its hashed path.
		assertThat(found).isEqualTo(4);
		assertThat(html).doesNotContain("href=\"/css/app.css\"").doesNotContain("src=\"/js/app.js\"");
		var css = get("/css/app.css", null);
		assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
		// A wrong hash is no file.
		assertThat(get("/css/app-0123456789abcdef0123456789abcdef.css", null).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldAnswerNothingButStartingUpBeforeItIsReady() throws Exception {
		long attempts = this.jdbc.queryForObject("select coalesce(sum(failures), 0) from login_attempt", Long.class);
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			var login = get("/login", null);
			assertThat(login.statusCode()).isEqualTo(503);
			assertThat(login.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(text(login)).contains("Hệ thống đang khởi động").contains("The application is starting");
			var client = new FormClient(this.port);
			var posted = client.post("/login", "username=thcs-aimo&password=wrong-password");
			assertThat(posted.statusCode()).isEqualTo(503);
			assertThat(get("/api/v1/plans", null).statusCode()).isEqualTo(503);
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		// The wrong password counted nowhere.
		assertThat(this.jdbc.queryForObject("select coalesce(sum(failures), 0) from login_attempt", Long.class))
			.isEqualTo(attempts);
		assertThat(get("/login", null).statusCode()).isEqualTo(200);
	}

}
