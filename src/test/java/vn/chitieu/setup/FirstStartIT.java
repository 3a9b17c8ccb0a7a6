package vn.chitieu.setup;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The very first start, on an empty database: the administrator logs in with the one-time
 * password printed in the log, changes it, lands on the setup guide where every step is
 * missing and every page says so; the organisation, a ward, a school, an Office user, a
 * school year and its deadline are set up through the ordinary pages, each step turning
 * done on the guide, until the banner disappears.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class FirstStartIT {

	private static final FreshDatabase DATABASE = FreshDatabase.create("firststart");

	/**
	 * Everything the application prints, from before it starts (the password is logged).
	 */
	private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

	private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("password:\\s+(\\S+)");

	private static final Pattern OFFICE_PASSWORD = Pattern
		.compile("id=\"password-reset\"[^>]*>[^<]*?: ([A-Za-z0-9]{16}) —");

	private static final List<String> STEPS = List.of("ORGANISATION", "WARDS", "SCHOOLS", "USERS", "SCHOOL_YEAR",
			"DEADLINE");

	static {
		var original = System.out;
		System.setOut(new PrintStream(new OutputStream() {
			@Override
			public void write(int b) {
				original.write(b);
				synchronized (LOG) {
					LOG.write(b);
				}
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				original.write(bytes, offset, length);
				synchronized (LOG) {
					LOG.write(bytes, offset, length);
				}
			}
		}, true, StandardCharsets.UTF_8));
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		DATABASE.register(registry);
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@Test
	void shouldLeadTheAdministratorThroughSettingUpAnEmptyInstallation() throws Exception {
		assertThat(this.jdbc.queryForObject("select current_database()", String.class)).isEqualTo(DATABASE.name());
		assertThat(this.jdbc.queryForObject("select count(*) from org_unit where kind <> 'DISTRICT'", Long.class))
			.as("no sample district")
			.isZero();

		// The one-time password, printed once in the log.
		String log;
		synchronized (LOG) {
			log = LOG.toString(StandardCharsets.UTF_8);
		}
		var matcher = ONE_TIME_PASSWORD.matcher(log.substring(log.indexOf("First administrator created")));
		assertThat(matcher.find()).as("the one-time password in the log").isTrue();
		var oneTime = matcher.group(1);

		var admin = new FormClient(this.port);
		assertThat(location(admin.logIn("admin", oneTime))).doesNotContain("/login");
		assertThat(location(admin.get("/"))).endsWith("/account/password");
		var changed = admin.post("/account/password", "currentPassword=" + FormClient.encode(oneTime)
				+ "&newPassword=quan-tri-2026&confirmation=quan-tri-2026&_csrf=" + csrf(admin, "/account/password"));
		assertThat(location(changed)).endsWith("/");
		// Landing on an empty installation: the guide.
		assertThat(location(admin.get("/"))).endsWith("/admin/setup");

		var guide = admin.get("/admin/setup");
		assertThat(guide.statusCode()).isEqualTo(200);
		assertThat(guide.body()).contains("Thiết lập ban đầu").contains("Đã có 0 phường").contains("Đã có 0 trường");
		assertSteps(guide.body(), 0);
		// Every page says what is missing and links to it.
		for (var page : List.of("/admin/setup", "/admin/organisation", "/admin/users", "/schools", "/audit")) {
			var body = admin.get(page).body();
			assertThat(body).as(page)
				.contains("id=\"setup-missing\"")
				.contains("Hệ thống chưa thiết lập xong")
				.contains("Chưa có phường nào.")
				.contains("href=\"/admin/units/wards/new\"")
				.contains("href=\"/admin/setup\"");
		}

		// 1. The organisation.
		var organisation = admin.post("/admin/organisation",
				form("name", "Phòng Giáo dục và Đào tạo huyện Thử", "parentBody", "UBND HUYỆN THỬ", "issuingBody",
						"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "place", "Thử", "signerTitle", "TRƯỞNG PHÒNG", "recipients",
						"UBND huyện;\nLưu: VT.", "version", "0") + "&_csrf=" + csrf(admin, "/admin/organisation"));
		assertThat(organisation.statusCode()).isEqualTo(302);
		assertSteps(admin.get("/admin/setup").body(), 1);

		// 2. A ward, 3. a school.
		assertThat(
				admin
					.post("/admin/units/wards/new",
							form("code", "P-THU", "name", "Phường Thử") + "&_csrf="
									+ csrf(admin, "/admin/units/wards/new"))
					.statusCode())
			.isEqualTo(302);
		assertSteps(admin.get("/admin/setup").body(), 2);
		long ward = this.jdbc.queryForObject("select id from org_unit where code = 'P-THU'", Long.class);
		assertThat(admin
			.post("/admin/units/schools/new",
					form("code", "TH-THU", "name", "Trường Tiểu học Thử", "wardId", String.valueOf(ward), "levels",
							"TH", "ownership", "PUBLIC", "openedYear", "2025") + "&_csrf="
							+ csrf(admin, "/admin/units/schools/new"))
			.statusCode()).isEqualTo(302);
		var afterSchool = admin.get("/admin/setup").body();
		assertSteps(afterSchool, 3);
		assertThat(afterSchool).contains("Đã có 1 phường").contains("Đã có 1 trường");

		// 4. A user for the Office.
		assertThat(admin
			.post("/admin/users/new",
					form("username", "phong-gd", "displayName", "Nguyễn Văn Phòng", "role", "OFFICE", "unitId", "",
							"contact", "phong@example.vn") + "&_csrf=" + csrf(admin, "/admin/users/new"))
			.statusCode()).isEqualTo(302);
		var users = OFFICE_PASSWORD.matcher(admin.get("/admin/users").body());
		assertThat(users.find()).as("the Office user's one-time password").isTrue();
		var officePassword = users.group(1);
		assertSteps(admin.get("/admin/setup").body(), 4);
		// The administrator is no longer sent to the guide; the school years are the
		// Office's to open, and the banner says so.
		assertThat(admin.get("/").statusCode()).isEqualTo(200);
		assertThat(admin.get("/admin/users").body()).contains("Chưa mở năm học nào.")
			.contains("Việc này do Phòng Giáo dục làm")
			.doesNotContain("Chưa có phường nào.");

		// 5. The Office opens a school year, 6. sets its deadline.
		var office = new FormClient(this.port);
		office.logIn("phong-gd", officePassword);
		assertThat(office
			.post("/account/password",
					"currentPassword=" + FormClient.encode(officePassword)
							+ "&newPassword=phong-gd-2026&confirmation=phong-gd-2026&_csrf="
							+ csrf(office, "/account/password"))
			.statusCode()).isEqualTo(302);
		var officeGuide = office.get("/admin/setup").body();
		assertSteps(officeGuide, 4);
		assertThat(officeGuide).contains("href=\"/admin/school-years\"");
		assertThat(office.post("/admin/school-years", "startYear=2025&_csrf=" + csrf(office, "/admin/school-years"))
			.statusCode()).isEqualTo(302);
		var opened = office.get("/admin/setup").body();
		assertSteps(opened, 5);
		assertThat(opened).contains("Năm học đang mở chưa có hạn nộp báo cáo.");
		assertThat(
				office
					.post("/admin/school-years/2025-2026/deadlines",
							"version="
									+ this.jdbc.queryForObject(
											"select version from school_year where start_year = 2025", Integer.class)
									+ "&deadline=2026-05-31&_csrf=" + csrf(office, "/admin/school-years/2025-2026"))
					.statusCode())
			.isEqualTo(302);

		// Done: no banner anywhere, the guide says so.
		var done = office.get("/admin/setup").body();
		assertSteps(done, 6);
		assertThat(done).contains("id=\"setup-complete\"");
		for (var client : List.of(admin, office)) {
			for (var page : List.of("/", "/admin/organisation", "/schools")) {
				var body = client.get(page).body();
				assertThat(body).as(page)
					.doesNotContain("setup-missing")
					.doesNotContain("Hệ thống chưa thiết lập xong");
			}
		}
		assertThat(location(admin.get("/"))).as("home again").isNull();
	}

	/**
	 * Asserts that the first {@code done} steps of the guide are done and the others not.
	 */
	private static void assertSteps(String guide, int done) {
		for (int i = 0; i < STEPS.size(); i++) {
			assertThat(guide).as("step %s", STEPS.get(i))
				.contains("id=\"step-" + STEPS.get(i) + "\" data-done=\"" + (i < done) + "\"");
		}
	}

	private static String form(String... pairs) {
		var form = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (i > 0) {
				form.append('&');
			}
			form.append(pairs[i]).append('=').append(FormClient.encode(pairs[i + 1]));
		}
		return form.toString();
	}

	private static String csrf(FormClient client, String page) throws Exception {
		return FormClient.encode(FormClient.csrf(client.get(page).body()));
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse(null);
	}

}
