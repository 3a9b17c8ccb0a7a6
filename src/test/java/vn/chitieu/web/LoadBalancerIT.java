package vn.chitieu.web;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.ChiTieuApplication;
import vn.chitieu.security.NewUser;
import vn.chitieu.security.Role;
import vn.chitieu.security.Users;
import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.HtmlForm;
import vn.chitieu.testsupport.Logins;
import vn.chitieu.testsupport.SampleDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two instances of the application on one database behind a real HAProxy, with the
 * configuration the repository ships ({@code deploy/haproxy/haproxy.cfg}, its addresses
 * given through the environment as in docker compose), round-robin: a school keeps
 * working while one instance is stopped and started again, the Office approves on one
 * instance and the other's dashboard shows it on the next request, and five wrong
 * passwords spread over both instances lock the account. HAProxy must be installed
 * ({@code .ci/run} installs it); without it the test fails, it is never skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancerIT {

	private static final Path CONFIG = Path.of("deploy", "haproxy", "haproxy.cfg");

	/** Set by each instance on every answer, in this test only. */
	private static final String SERVED_BY = "X-Test-Instance";

	private static final Duration WAIT = Duration.ofSeconds(120);

	private final List<String> arguments = new ArrayList<>();

	private final int[] ports = new int[2];

	private final int[] managementPorts = new int[2];

	private final ConfigurableApplicationContext[] instances = new ConfigurableApplicationContext[2];

	private int balancerPort;

	private Process haproxy;

	private JdbcTemplate jdbc;

	@BeforeAll
	void startTwoInstancesBehindHaproxy() throws Exception {
		var executable = haproxyExecutable();
		SampleDatabase.create("lb").forEach((key, value) -> this.arguments.add("--" + key + "=" + value));
		this.arguments.addAll(List.of("--chitieu.embedded-db.enabled=false", "--chitieu.sample-data=true",
				"--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1",
				"--chitieu.backup.schedule=-", "--chitieu.backup.directory=target/test-backups",
				// HAProxy connects from the loopback address: its X-Forwarded-* are
				// believed.
				"--chitieu.trusted-proxies=127.0.0.1/32"));
		for (int i = 0; i < 2; i++) {
			this.ports[i] = freePort();
			this.managementPorts[i] = freePort();
		}
		// One after the other: the first migrates the database and loads the sample
		// district, as the compose profile starts the second once the first is healthy.
		start(0);
		start(1);
		// The second instance is never stopped.
		this.jdbc = this.instances[1].getBean(JdbcTemplate.class);

		this.balancerPort = freePort();
		Files.createDirectories(Path.of("target"));
		var builder = new ProcessBuilder(executable, "-db", "-f", CONFIG.toAbsolutePath().toString())
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "haproxy-loadbalancerit.log").toFile());
		var environment = builder.environment();
		environment.put("CHITIEU_HAPROXY_BIND", "127.0.0.1:" + this.balancerPort);
		environment.put("CHITIEU_APP1", "127.0.0.1:" + this.ports[0]);
		environment.put("CHITIEU_APP2", "127.0.0.1:" + this.ports[1]);
		environment.put("CHITIEU_APP1_MANAGEMENT_PORT", String.valueOf(this.managementPorts[0]));
		environment.put("CHITIEU_APP2_MANAGEMENT_PORT", String.valueOf(this.managementPorts[1]));
		this.haproxy = builder.start();
		awaitBothServing();
	}

	@AfterAll
	void stopEverything() {
		if (this.haproxy != null) {
			this.haproxy.destroy();
		}
		for (var instance : this.instances) {
			if (instance != null) {
				instance.close();
			}
		}
	}

	/**
	 * A school logs in through HAProxy and saves its figures again and again while the
	 * first instance is stopped and started again: it is never sent to the login page and
	 * every save is kept.
	 */
	@Test
	@Order(1)
	void aSchoolKeepsWorkingWhileAnInstanceIsStoppedAndStartedAgain() throws Exception {
		var schoolCode = this.jdbc.queryForObject("""
				select u.code from org_unit u join submission s on s.unit_id = u.id
				where s.school_year = 2024 and s.status = 'DRAFT' and u.code like 'TH-%'
				order by u.code limit 1""", String.class);
		long schoolId = this.jdbc.queryForObject("select id from org_unit where code = ?", Long.class, schoolCode);
		var formPath = "/schools/" + schoolId + "/figures/2024-2025";
		var school = balanced();
		assertThat(location(school.logIn(schoolCode.toLowerCase(Locale.ROOT), Logins.PASSWORD))).endsWith("/");
		var field = numberField(school.get(formPath).body());
		var servedBy = new HashSet<String>();

		int value = 30;
		save(school, formPath, field, value++, servedBy);
		save(school, formPath, field, value++, servedBy);
		assertThat(servedBy).as("saves served by both instances").hasSize(2);

		// The first instance stops; HAProxy notices within seconds and, meanwhile, sends
		// a request it could not deliver there to the other one.
		this.instances[0].close();
		this.instances[0] = null;
		servedBy.clear();
		for (int i = 0; i < 4; i++) {
			save(school, formPath, field, value++, servedBy);
		}
		assertThat(servedBy).as("while the first instance is stopped").containsExactly("app2");

		// It starts again on the same ports; HAProxy sends it requests again once its
		// readiness check passes.
		start(0);
		awaitBothServing();
		servedBy.clear();
		for (int i = 0; i < 4; i++) {
			save(school, formPath, field, value++, servedBy);
		}
		assertThat(servedBy).as("once the first instance is back").containsExactlyInAnyOrder("app1", "app2");
		assertThat(HtmlForm.of(school.get(formPath).body(), "figures-form").get(field))
			.isEqualTo(String.valueOf(value - 1));
	}

	/**
	 * The Office approves a report on one instance; the other's dashboard (the same
	 * figures through the JSON API) counts the school on its very next request, though it
	 * had the year in its cache.
	 */
	@Test
	@Order(2)
	void theOfficeApprovesOnOneInstanceAndTheOthersDashboardShowsItAtOnce() throws Exception {
		var submitted = this.jdbc.queryForMap("""
				select s.id, s.unit_id from submission s join org_unit u on u.id = s.unit_id
				where s.school_year = 2024 and s.status = 'SUBMITTED' and u.kind = 'SCHOOL'
				order by u.code limit 1""");
		long submissionId = ((Number) submitted.get("id")).longValue();
		long unitId = ((Number) submitted.get("unit_id")).longValue();
		var api = HttpClient.newHttpClient();
		var before = new java.util.HashMap<String, Integer>();
		// Both instances compute the open year, and keep it in their cache.
		for (int i = 0; i < 10 && before.size() < 2; i++) {
			var answer = progress(api);
			before.put(servedBy(answer), unitsWithFigures(answer.body()));
		}
		assertThat(before).as("the dashboard served by both instances").hasSize(2);
		assertThat(before.get("app1")).isEqualTo(before.get("app2"));

		var office = balanced();
		office.logIn(Logins.OFFICE, Logins.PASSWORD);
		var page = office.get("/schools/" + unitId + "/figures/2024-2025").body();
		int review = page.indexOf("/submissions/" + submissionId + "/review");
		assertThat(review).as("the review of the report on the Office's page").isNotNegative();
		var version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(version.find(review)).as("the report's version in the approve form").isTrue();
		var approved = office.post("/submissions/" + submissionId + "/review", "version=" + version.group(1)
				+ "&decision=approve&confirm=1&_csrf=" + FormClient.encode(FormClient.csrf(page)));
		assertThat(approved.statusCode()).isEqualTo(302);
		var approvedOn = servedBy(approved);
		assertThat(this.jdbc.queryForObject("select status from submission where id = ?", String.class, submissionId))
			.isEqualTo("APPROVED");

		var other = approvedOn.equals("app1") ? "app2" : "app1";
		HttpResponse<String> next;
		do {
			next = progress(api);
		}
		while (!servedBy(next).equals(other));
		assertThat(unitsWithFigures(next.body()))
			.as("figures counted by %s after the approval on %s", other, approvedOn)
			.isGreaterThan(before.get(other));
	}

	/**
	 * Five wrong passwords, spread by HAProxy over both instances, lock the account on
	 * both: the right password is refused next, whichever instance checks it.
	 */
	@Test
	@Order(3)
	void fiveWrongPasswordsSpreadOverBothInstancesLockTheAccount() throws Exception {
		var name = "lb-" + UUID.randomUUID().toString().substring(0, 8);
		long unit = this.jdbc.queryForObject("select id from org_unit where code = 'TH-BODE'", Long.class);
		this.instances[1].getBean(Users.class)
			.create(new NewUser(name, "right-password-1", "Thử hai máy chủ", Role.SCHOOL, unit, false), "test");
		var checkedBy = new HashSet<String>();
		// A login is two requests (the page, then the form): one more request every other
		// time lets round-robin send the forms to both instances.
		for (int i = 0; i < 5; i++) {
			var browser = balanced();
			if (i % 2 == 1) {
				browser.get("/login");
			}
			var answer = browser.logIn(name, "wrong-password-" + i);
			assertThat(location(answer)).endsWith("/login?error");
			checkedBy.add(servedBy(answer));
		}
		assertThat(checkedBy).as("wrong passwords checked by both instances").containsExactlyInAnyOrder("app1", "app2");
		var refusedBy = new HashSet<String>();
		for (int i = 0; i < 2; i++) {
			var browser = balanced();
			if (i == 1) {
				browser.get("/login");
			}
			var refused = browser.logIn(name, "right-password-1");
			assertThat(location(refused)).endsWith("/login?locked");
			refusedBy.add(servedBy(refused));
		}
		assertThat(refusedBy).as("the right password refused by both").containsExactlyInAnyOrder("app1", "app2");
	}

	private void save(FormClient school, String formPath, String field, int value, Set<String> servedBy)
			throws Exception {
		var page = school.get(formPath);
		assertThat(page.statusCode()).as("the form, still logged in").isEqualTo(200);
		var form = HtmlForm.of(page.body(), "figures-form").set(field, String.valueOf(value));
		var saved = school.post(form.action(), form.encoded("action=save"));
		assertThat(saved.statusCode()).as("saving %s", value).isEqualTo(302);
		assertThat(location(saved)).as("saving %s", value).endsWith(formPath);
		servedBy.add(servedBy(saved));
		assertThat(HtmlForm.of(school.get(formPath).body(), "figures-form").get(field)).as("saved %s", value)
			.isEqualTo(String.valueOf(value));
	}

	private HttpResponse<String> progress(HttpClient api) throws Exception {
		var basic = Base64.getEncoder()
			.encodeToString((Logins.VIEWER + ":" + Logins.PASSWORD).getBytes(StandardCharsets.UTF_8));
		var answer = api.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.balancerPort + "/api/v1/plans/KH-157-UBND-2022/progress"))
			.header("Authorization", "Basic " + basic)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return answer;
	}

	/** The schools and wards with figures, added up over every indicator and year. */
	private static int unitsWithFigures(String json) {
		var matcher = Pattern.compile("\"unitsWithFigures\"\\s*:\\s*(\\d+)").matcher(json);
		int total = 0;
		while (matcher.find()) {
			total += Integer.parseInt(matcher.group(1));
		}
		assertThat(total).as("figures counted in %s", json.substring(0, Math.min(200, json.length()))).isPositive();
		return total;
	}

	private static String numberField(String page) {
		var matcher = Pattern.compile("<input\\b[^>]*\\bname=\"([^\"]+)\"[^>]*\\binputmode=\"numeric\"").matcher(page);
		assertThat(matcher.find()).as("a whole-number field on the form").isTrue();
		return matcher.group(1);
	}

	private FormClient balanced() {
		return new FormClient(this.balancerPort);
	}

	/** Waits until HAProxy sends requests to both instances. */
	private void awaitBothServing() throws Exception {
		var seen = new HashSet<String>();
		var client = HttpClient.newHttpClient();
		var deadline = Instant.now().plus(WAIT);
		while (seen.size() < 2) {
			if (Instant.now().isAfter(deadline)) {
				fail("HAProxy did not send requests to both instances within %s (served by: %s); see "
						+ "target/haproxy-loadbalancerit.log", WAIT, seen);
			}
			if (!this.haproxy.isAlive()) {
				fail("HAProxy stopped: %s", Files.readString(Path.of("target", "haproxy-loadbalancerit.log")));
			}
			try {
				var answer = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.balancerPort + "/login")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200) {
					seen.add(servedBy(answer));
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
	}

	private void start(int i) {
		var name = "app" + (i + 1);
		var args = new ArrayList<>(this.arguments);
		args.add("--server.port=" + this.ports[i]);
		args.add("--management.server.port=" + this.managementPorts[i]);
		// Before every other filter: a login answered by Spring Security carries it too.
		var servedBy = new FilterRegistrationBean<Filter>((request, response, chain) -> {
			((HttpServletResponse) response).setHeader(SERVED_BY, name);
			chain.doFilter(request, response);
		});
		servedBy.setOrder(Ordered.HIGHEST_PRECEDENCE);
		this.instances[i] = new SpringApplicationBuilder(ChiTieuApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("servedByHeader", servedBy))
			.run(args.toArray(String[]::new));
	}

	private static String servedBy(HttpResponse<?> answer) {
		return answer.headers()
			.firstValue(SERVED_BY)
			.orElseThrow(() -> new AssertionError(
					"no " + SERVED_BY + " header: " + answer.statusCode() + " " + answer.headers().map()));
	}

	private static String location(HttpResponse<?> answer) {
		return answer.headers().firstValue("Location").orElse("");
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static String haproxyExecutable() {
		var path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
				+ "/usr/local/sbin";
		for (var directory : path.split(File.pathSeparator)) {
			var candidate = Path.of(directory, "haproxy");
			if (!directory.isEmpty() && Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return fail("HAProxy is not installed: this test runs two instances behind it. Install it "
				+ "(Debian: apt-get install haproxy; .ci/run does so) and run the test again.");
	}

}
