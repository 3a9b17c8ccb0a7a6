package vn.chitieu.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, as a browser: form login with its CSRF token and session cookie,
 * friendly error pages without stack traces, logout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpIT {

	@LocalServerPort
	int port;

	HttpClient client;

	@BeforeEach
	void setUp() {
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Test
	void shouldLogInThroughTheFormAndSeeTheHomePage() throws Exception {
		var response = logIn("thcs-aimo", Logins.PASSWORD);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/");
		var home = get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Trường THCS Ái Mộ").contains("Dữ liệu mẫu");
	}

	@Test
	void shouldRefuseAWrongPasswordWithAClearMessage() throws Exception {
		var response = logIn("thcs-aimo", "not-the-password");
		assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/login?error");
		var page = get("/login?error");
		assertThat(page.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
	}

	@Test
	void shouldShowFriendlyErrorPagesWithoutStackTraces() throws Exception {
		logIn("thcs-aimo", Logins.PASSWORD);
		var forbidden = get("/plans");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("Không có quyền truy cập").doesNotContain("Exception");
		setUp();
		logIn(Logins.OFFICE, Logins.PASSWORD);
		var missing = get("/plans/NO-SUCH-PLAN");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Không tìm thấy trang")
			.doesNotContain("Exception")
			.doesNotContain("at vn.");
		var english = get("/plans/NO-SUCH-PLAN?lang=en");
		assertThat(english.body()).contains("Page not found");
	}

	private HttpResponse<String> logIn(String username, String password) throws Exception {
		var token = csrf(get("/login").body());
		var form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
		return this.client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String html) {
		var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the login form").isTrue();
		return matcher.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
