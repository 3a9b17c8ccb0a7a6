package vn.chitieu.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.security.NewUser;
import vn.chitieu.security.Role;
import vn.chitieu.security.Users;
import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.Logins;
import vn.chitieu.testsupport.StoredSessions;

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
		assertThat(browser.session()).as("no session before login").isNull();
		browser.logIn("thcs-aimo", Logins.PASSWORD);
		var before = browser.session();
		assertThat(before).isNotNull();
		// Logging in again over a session gives it a new id (no session fixation).
		var token = FormClient.csrf(browser.get("/account/password").body());
		browser.post("/login", "username=thcs-aimo&password=" + Logins.PASSWORD + "&_csrf=" + FormClient.encode(token));
		var after = browser.session();
		assertThat(after).isNotNull().isNotEqualTo(before);

		// Someone holding the id from before the login holds nothing.
		var attacker = new FormClient(this.port);
		attacker.useSession(before);
		var page = attacker.get("/schools");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login");

		// The session store keeps the session 30 minutes after the last request.
		var sessions = new StoredSessions(this.context);
		assertThat(sessions.find(after).getMaxInactiveInterval()).isEqualTo(java.time.Duration.ofMinutes(30));

		// An ended session (here: ended at once) sends the next page to the login page,
		// which says why.
		sessions.expire(after);
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

	@Test
	void shouldThrottleLoginsPostedToAnySpellingOfTheLoginPath() throws Exception {
		var name = newUser(Role.SCHOOL);
		var browser = new FormClient(this.port);
		for (int i = 0; i < 5; i++) {
			var token = FormClient.csrf(browser.get("/login").body());
			browser.post("/%6Cogin",
					"username=" + name + "&password=wrong-password-" + i + "&_csrf=" + FormClient.encode(token));
		}
		var token = FormClient.csrf(browser.get("/login").body());
		var refused = browser.post("/%6Cogin",
				"username=" + name + "&password=right-password-1&_csrf=" + FormClient.encode(token));
		assertThat(location(refused)).endsWith("/login?locked");
		assertThat(location(new FormClient(this.port).logIn(name, "right-password-1"))).endsWith("/login?locked");
	}

	@Test
	void shouldNotLetParallelGuessesCheckMorePasswordsThanTheLimit() throws Exception {
		var name = newUser(Role.SCHOOL);
		int guesses = 16;
		var browsers = new ArrayList<FormClient>();
		var tokens = new ArrayList<String>();
		for (int i = 0; i < guesses; i++) {
			var browser = new FormClient(this.port);
			tokens.add(FormClient.csrf(browser.get("/login").body()));
			browsers.add(browser);
		}
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(guesses);
		try {
			var answers = new ArrayList<Future<String>>();
			for (int i = 0; i < guesses; i++) {
				var browser = browsers.get(i);
				var form = "username=" + name + "&password=wrong-password-" + i + "&_csrf="
						+ FormClient.encode(tokens.get(i));
				answers.add(pool.submit(() -> {
					start.await();
					return location(browser.post("/login", form));
				}));
			}
			start.countDown();
			var checked = 0;
			var locked = 0;
			for (var answer : answers) {
				var location = answer.get();
				checked += location.endsWith("/login?error") ? 1 : 0;
				locked += location.endsWith("/login?locked") ? 1 : 0;
			}
			assertThat(checked).as("passwords checked").isEqualTo(5);
			assertThat(locked).as("guesses refused unchecked").isEqualTo(guesses - 5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void shouldEndEveryOtherSessionOfAUserWhenAnAdministratorResetsThePassword() throws Exception {
		var name = newUser(Role.SCHOOL);
		var first = new FormClient(this.port);
		var second = new FormClient(this.port);
		first.logIn(name, "right-password-1");
		second.logIn(name, "right-password-1");
		assertThat(first.get("/").statusCode()).isEqualTo(200);
		assertThat(second.get("/").statusCode()).isEqualTo(200);
		var firstSession = first.session();

		var admin = new FormClient(this.port);
		admin.logIn(Logins.ADMIN, Logins.PASSWORD);
		long id = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, name);
		var reset = admin.post("/admin/users/" + id + "/password-reset",
				"_csrf=" + FormClient.encode(FormClient.csrf(admin.get("/admin/users").body())));
		assertThat(reset.statusCode()).isEqualTo(302);
		// Ended at once, before the old sessions make another request.
		assertThat(new StoredSessions(this.context).find(firstSession)).as("the old session, ended").isNull();

		for (var old : List.of(first, second)) {
			var page = old.get("/");
			assertThat(page.statusCode()).isEqualTo(302);
			assertThat(location(page)).endsWith("/login?ended");
			assertThat(old.get("/login?ended").body()).contains("mật khẩu của tài khoản vừa được đổi hoặc đặt lại");
			assertThat(old.get("/schools/1").statusCode()).isEqualTo(302);
			assertThat(old.session()).as("the ended session's cookie, deleted").isNull();
		}
		// The administrator's own session goes on.
		assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldEndASessionWhenItsUserIsDisabled() throws Exception {
		var name = newUser(Role.SCHOOL);
		var browser = new FormClient(this.port);
		browser.logIn(name, "right-password-1");
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		this.jdbc.update("update app_user set enabled = false where username = ?", name);
		var page = browser.get("/");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(location(page)).contains("/login");
	}

	@Test
	void shouldEndTheOtherSessionsButKeepTheCurrentOneWhenUsersChangeTheirOwnPassword() throws Exception {
		var name = newUser(Role.SCHOOL);
		var current = new FormClient(this.port);
		var other = new FormClient(this.port);
		current.logIn(name, "right-password-1");
		other.logIn(name, "right-password-1");
		var otherSession = other.session();
		var form = current.get("/account/password").body();
		var changed = current.post("/account/password",
				"currentPassword=right-password-1&newPassword=brand-new-pass-1&confirmation=brand-new-pass-1&_csrf="
						+ FormClient.encode(FormClient.csrf(form)));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(location(changed)).doesNotContain("/login");
		assertThat(new StoredSessions(this.context).find(otherSession)).as("the other session, ended").isNull();
		var home = current.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Đã đổi mật khẩu");
		var ended = other.get("/");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(location(ended)).contains("/login");
		assertThat(location(new FormClient(this.port).logIn(name, "brand-new-pass-1"))).endsWith("/");
	}

	@Test
	void shouldThrottleTheCurrentPasswordCheckOfAPasswordChange() throws Exception {
		var name = newUser(Role.SCHOOL);
		var browser = new FormClient(this.port);
		browser.logIn(name, "right-password-1");
		for (int i = 0; i < 5; i++) {
			var answer = changePassword(browser, "wrong-password-" + i);
			assertThat(answer.body()).contains("Mật khẩu hiện tại không đúng.");
		}
		var refused = changePassword(browser, "right-password-1");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Nhập sai mật khẩu quá nhiều lần").contains("15 phút");
		assertThat(location(new FormClient(this.port).logIn(name, "right-password-1"))).endsWith("/login?locked");
	}

	@Test
	void shouldCreateNoSessionBeforeLoginAndStillRequireTheCsrfTokenToLogIn() throws Exception {
		var anonymous = new FormClient(this.port);
		for (var path : List.of("/login", "/login?lang=en", "/login?error", "/", "/schools/1", "/no-such-page",
				"/css/app.css")) {
			var page = anonymous.get(path);
			assertThat(page.headers().allValues("Set-Cookie")).as("cookies set by %s", path)
				.noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		}
		assertThat(anonymous.session()).isNull();
		// Many visits to the login page keep nothing on the server.
		var stored = new StoredSessions(this.context);
		int sessions = stored.count();
		for (int i = 0; i < 200; i++) {
			new FormClient(this.port).get("/login");
		}
		assertThat(stored.count()).isEqualTo(sessions);
		// Nor does a failed login.
		var mistaken = new FormClient(this.port);
		assertThat(location(mistaken.logIn("thcs-aimo", "not-the-password"))).endsWith("/login?error");
		assertThat(mistaken.session()).isNull();
		var browser = new FormClient(this.port);

		// Without the token the login is refused, and no session is made for it either.
		var forged = new FormClient(this.port);
		var refused = forged.post("/login", "username=thcs-aimo&password=" + Logins.PASSWORD);
		assertThat(refused.statusCode()).isIn(302, 403);
		assertThat(location(forged.get("/"))).contains("/login");
		assertThat(forged.session()).isNull();
		// A token from another browser does not do either.
		var stolen = FormClient.csrf(browser.get("/login").body());
		var elsewhere = new FormClient(this.port);
		elsewhere.get("/login");
		elsewhere.post("/login",
				"username=thcs-aimo&password=" + Logins.PASSWORD + "&_csrf=" + FormClient.encode(stolen + "x"));
		assertThat(location(elsewhere.get("/"))).contains("/login");

		var login = browser.logIn("thcs-aimo", Logins.PASSWORD);
		assertThat(location(login)).endsWith("/");
		assertThat(browser.session()).isNotNull();
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}

	private String newUser(Role role) {
		var name = "khoa-" + UUID.randomUUID().toString().substring(0, 8);
		Long unit = (role == Role.SCHOOL)
				? this.jdbc.queryForObject("select id from org_unit where code = 'TH-BODE'", Long.class) : null;
		this.users.create(new NewUser(name, "right-password-1", "Thử khóa đăng nhập", role, unit, false), "test");
		return name;
	}

	private HttpResponse<String> changePassword(FormClient browser, String current) throws Exception {
		var form = browser.get("/account/password").body();
		return browser.post("/account/password",
				"currentPassword=" + FormClient.encode(current)
						+ "&newPassword=brand-new-pass-1&confirmation=brand-new-pass-1&_csrf="
						+ FormClient.encode(FormClient.csrf(form)));
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private HttpResponse<String> api(HttpClient client, String user, String password) throws Exception {
		var basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/plans"))
			.header("Authorization", "Basic " + basic)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
