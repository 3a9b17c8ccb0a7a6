package vn.chitieu.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.security.NewUser;
import vn.chitieu.security.Role;
import vn.chitieu.security.Users;
import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What users expect of a web application's security, over real HTTP on the real server:
 * repeated failed logins are throttled (the form and the JSON API), an administrator
 * resets a forgotten password, the session id changes at login and the session ends after
 * 30 minutes without a request, and every page carries the security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HardeningIT {

	@LocalServerPort
	int port;

	@Autowired
	Users users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServletWebServerApplicationContext context;

	@Test
	void shouldRefuseLoginAfterFiveFailuresEvenWithTheRightPasswordUntilAnAdministratorResetsIt() throws Exception {
		var name = newUser(Role.SCHOOL);
		var browser = new FormClient(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(browser.logIn(name, "wrong-password-" + i).headers().firstValue("Location").orElseThrow())
				.endsWith("/login?error");
		}
		// Locked: the right password is refused too, with a message that says why and
		// what to do, and that tells nobody whether the user exists.
		var refused = browser.logIn(name, "right-password-1");
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
		assertThat(browser.get("/login?locked").body()).contains("Đăng nhập sai quá nhiều lần")
			.contains("15 phút")
			.contains("quản trị viên đặt lại mật khẩu");
		assertThat(new FormClient(this.port).logIn("no-such-user", "whatever-1")
			.headers()
			.firstValue("Location")
			.orElseThrow()).endsWith("/login?error");

		// The administrator resets the password: the one-time password works at once and
		// must be changed first.
		var admin = new FormClient(this.port);
		admin.logIn(Logins.ADMIN, Logins.PASSWORD);
		long id = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, name);
		var users = admin.get("/admin/users");
		var reset = admin.post("/admin/users/" + id + "/password-reset",
				"_csrf=" + FormClient.encode(FormClient.csrf(users.body())));
		assertThat(reset.statusCode()).isEqualTo(302);
		var page = admin.get("/admin/users").body();
		var matcher = Pattern.compile("Mật khẩu tạm thời của " + name + ": ([A-Za-z0-9]{16})").matcher(page);
		assertThat(matcher.find()).as("the one-time password, shown once").isTrue();
		assertThat(admin.get("/admin/users").body()).doesNotContain(matcher.group(1));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'PASSWORD_RESET' and entity_id = ?", Long.class, name))
			.isEqualTo(1);

		var user = new FormClient(this.port);
		var login = user.logIn(name, matcher.group(1));
		assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
		assertThat(user.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
		// The old password is gone.
		assertThat(new FormClient(this.port).logIn(name, "right-password-1")
			.headers()
			.firstValue("Location")
			.orElseThrow()).endsWith("/login?error");
	}

	@Test
	void shouldThrottleTheJsonApiToo() throws Exception {
		var name = newUser(Role.VIEWER);
		var client = HttpClient.newHttpClient();
		for (int i = 0; i < 5; i++) {
			assertThat(api(client, name, "wrong-password-" + i).statusCode()).isEqualTo(401);
		}
		var refused = api(client, name, "right-password-1");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
		assertThat(refused.body()).contains("Too many failed logins");
	}

	@Test
	void shouldGiveANewSessionIdAtLoginAndEndTheSessionAfterThirtyMinutes() throws Exception {
		var browser = new FormClient(this.port);
		browser.get("/login");
		var before = browser.session();
		assertThat(before).as("a session for the login form's CSRF token").isNotNull();
		browser.logIn("thcs-aimo", Logins.PASSWORD);
		var after = browser.session();
		assertThat(after).isNotNull().isNotEqualTo(before);

		// Someone holding the id from before the login (session fixation) holds nothing.
		var attacker = new FormClient(this.port);
		attacker.useSession(before);
		var page = attacker.get("/schools");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login");

		// The real server keeps the session 30 minutes after the last request.
		var tomcat = ((TomcatWebServer) this.context.getWebServer()).getTomcat();
		var webapp = (Context) tomcat.getHost().findChildren()[0];
		assertThat(webapp.getManager().findSession(after).getMaxInactiveInterval()).isEqualTo(30 * 60);

		// An ended session (here: ended at once) sends the next page to the login page,
		// which says why.
		webapp.getManager().findSession(after).expire();
		var expired = browser.get("/schools/1");
		assertThat(expired.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
		assertThat(browser.get("/login?expired").body()).contains("Phiên làm việc đã kết thúc").contains("30 phút");
	}

	@Test
	void shouldSendTheSecurityHeadersOnEveryPage() throws Exception {
		var browser = new FormClient(this.port);
		for (var response : new HttpResponse<?>[] { browser.get("/login"), browser.get("/no-such-page") }) {
			var headers = response.headers();
			var policy = headers.firstValue("Content-Security-Policy").orElseThrow();
			assertThat(policy).contains("default-src 'self'")
				.contains("script-src 'self'")
				.contains("frame-ancestors 'none'")
				.contains("object-src 'none'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval");
			assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
			assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
		}
		browser.logIn(Logins.OFFICE, Logins.PASSWORD);
		var page = browser.get("/progress");
		assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
	}

	private String newUser(Role role) {
		var name = "khoa-" + UUID.randomUUID().toString().substring(0, 8);
		Long unit = (role == Role.SCHOOL)
				? this.jdbc.queryForObject("select id from org_unit where code = 'TH-BODE'", Long.class) : null;
		this.users.create(new NewUser(name, "right-password-1", "Thử khóa đăng nhập", role, unit, false), "test");
		return name;
	}

	private HttpResponse<String> api(HttpClient client, String user, String password) throws Exception {
		var basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/plans"))
			.header("Authorization", "Basic " + basic)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
