package vn.chitieu.dataentry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.platform.Formats;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminder e-mails to the late schools, through a real SMTP server (GreenMail) started by
 * the test on a free port: the messages received, the record of each, the note on the
 * completeness page, a double click, a refused user, and the server gone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReminderMailIT {

	private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private static final SchoolYear YEAR = SchoolYear.of(2024);

	private static final LocalDate DEADLINE = LocalDate.of(2024, 10, 15);

	private static final String BASE = "https://chitieu.example.vn";

	static {
		SMTP.start();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	LateUnits lateUnits;

	Logins logins;

	/** The 2024-2025 deadlines before the test, put back after it. */
	Map<String, Object> deadlinesBefore;

	/** Users made by this test: e-mail address to the school they belong to. */
	final Map<String, Long> reachable = new HashMap<>();

	final List<String> usernames = new ArrayList<>();

	String prefix;

	long first;

	long second;

	long third;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> SMTP.getSmtp().getBindTo());
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "3000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "3000");
		registry.add("chitieu.base-url", () -> BASE + "/");
		registry.add("chitieu.mail.from", () -> "phonggd@example.vn");
	}

	@BeforeAll
	void setUp() {
		this.logins = new Logins(this.userDetails);
		this.deadlinesBefore = this.jdbc.queryForMap(
				"select deadline, deadline_mn, deadline_th, deadline_thcs from school_year where start_year = 2024");
		this.jdbc.update(
				"update school_year set deadline = ?, deadline_mn = null, deadline_th = null, deadline_thcs = null where start_year = 2024",
				DEADLINE);
		var owing = owing();
		assertThat(owing).as("late schools in the sample district").hasSizeGreaterThanOrEqualTo(4);
		this.first = owing.get(0).school().id();
		this.second = owing.get(1).school().id();
		this.third = owing.get(2).school().id();
		this.prefix = "nhac-" + UUID.randomUUID().toString().substring(0, 6);
		// The first school: two people with an e-mail; the second: one, and one with a
		// telephone number; the third: only a disabled user. An Office user with an
		// e-mail gets nothing.
		user("a1", "SCHOOL", this.first, this.prefix + ".a1@truong.example.vn", true);
		user("a2", "SCHOOL", this.first, this.prefix + ".a2@truong.example.vn", true);
		user("b1", "SCHOOL", this.second, this.prefix + ".b1@truong.example.vn", true);
		user("b2", "SCHOOL", this.second, "0912 345 678", true);
		user("c1", "SCHOOL", this.third, this.prefix + ".c1@truong.example.vn", false);
		user("o1", "OFFICE", null, this.prefix + ".o1@phong.example.vn", true);
	}

	@AfterAll
	void tearDown() {
		this.jdbc.update(
				"update school_year set deadline = ?, deadline_mn = ?, deadline_th = ?, deadline_thcs = ? where start_year = 2024",
				this.deadlinesBefore.get("deadline"), this.deadlinesBefore.get("deadline_mn"),
				this.deadlinesBefore.get("deadline_th"), this.deadlinesBefore.get("deadline_thcs"));
		this.jdbc.update("delete from app_user where username like ?", this.prefix + "-%");
		SMTP.stop();
	}

	@Test
	@Order(1)
	void shouldEmailEveryLateSchoolsUsersOnceAndRecordIt() throws Exception {
		var expected = expectedRecipients();
		assertThat(expected.keySet()).containsAll(this.reachable.keySet())
			.doesNotContain(this.prefix + ".c1@truong.example.vn", this.prefix + ".o1@phong.example.vn");
		var page = this.mvc
			.perform(get("/completeness").param("year", YEAR.label()).with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"reminders\"")
			.doesNotContain("mail-not-configured")
			.contains("name=\"scope\" value=\"all\"")
			.contains("id=\"remind-" + this.first + "\"")
			.doesNotContain("id=\"remind-" + this.third + "\"")
			.contains("Chưa có địa chỉ e-mail");
		var token = token(page);
		long audited = audited();

		this.mvc.perform(send(Logins.OFFICE, token, "all"))
			.andExpect(redirectedUrl("/completeness?year=" + YEAR.label() + "#reminders"))
			.andExpect(flash().attribute("flash", containsString(expected.size() + " thư")));

		var received = SMTP.getReceivedMessages();
		var addresses = new ArrayList<String>();
		long daysLate = ChronoUnit.DAYS.between(DEADLINE, LocalDate.now(Formats.ZONE));
		for (var message : received) {
			var to = recipient(message);
			addresses.add(to);
			var school = expected.get(to);
			assertThat(school).as("a recipient of a late school: %s", to).isNotNull();
			assertThat(message.getSubject())
				.isEqualTo("Nhắc nộp báo cáo năm học 2024-2025: đã quá hạn " + daysLate + " ngày");
			assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("phonggd@example.vn");
			var body = (String) message.getContent();
			var name = this.jdbc.queryForObject("select name from org_unit where id = ?", String.class, school);
			assertThat(body).contains("Kính gửi " + name)
				.contains("Hạn nộp: ngày 15/10/2024 — đã quá hạn " + daysLate + " ngày.")
				.contains(BASE + "/schools/" + school + "/figures/2024-2025");
		}
		assertThat(addresses).as("one message per address, nobody else").hasSameElementsAs(expected.keySet());
		assertThat(new HashSet<>(addresses)).hasSize(addresses.size());

		// The record: one row per recipient, audited per school.
		var rows = this.jdbc.queryForList(
				"select address, unit_id, sent_by, outcome, error from reminder where batch = ?",
				UUID.fromString(token));
		assertThat(rows).hasSize(expected.size()).allSatisfy((row) -> {
			assertThat(row.get("outcome")).isEqualTo("SENT");
			assertThat(row.get("error")).isNull();
			assertThat(row.get("sent_by")).isEqualTo(Logins.OFFICE);
			assertThat(row.get("unit_id")).isEqualTo(expected.get((String) row.get("address")));
		});
		assertThat(audited()).isEqualTo(audited + 1);

		// The page says who was reminded, and when.
		var after = this.mvc
			.perform(get("/completeness").param("year", YEAR.label()).with(this.logins.as(Logins.OFFICE)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(section(after, "reminder-" + this.first)).contains("Đã nhắc lúc").contains("(2 người)");
		assertThat(section(after, "reminder-" + this.second)).contains("Đã nhắc lúc").contains("(1 người)");
		assertThat(section(after, "reminder-" + this.third)).doesNotContain("Đã nhắc lúc")
			.contains("Chưa có địa chỉ e-mail");

		// A double click: the same page's token sends nothing more.
		this.mvc.perform(send(Logins.OFFICE, token, "all"))
			.andExpect(flash().attribute("problem", containsString("đã được gửi rồi")));
		assertThat(SMTP.getReceivedMessages()).hasSize(received.length);
	}

	@Test
	@Order(2)
	void shouldRemindOnlyTheSchoolsTicked() throws Exception {
		SMTP.purgeEmailFromAllMailboxes();
		this.mvc.perform(
				send(Logins.OFFICE, UUID.randomUUID().toString(), "chosen").param("unit", String.valueOf(this.first)))
			.andExpect(flash().attribute("flash", containsString("1 đơn vị")));
		var received = SMTP.getReceivedMessages();
		var now = new ArrayList<String>();
		for (var message : received) {
			now.add(recipient(message));
		}
		var firstSchools = new ArrayList<String>();
		expectedRecipients().forEach((address, school) -> {
			if (school == this.first) {
				firstSchools.add(address);
			}
		});
		assertThat(now).hasSameElementsAs(firstSchools).contains(this.prefix + ".a1@truong.example.vn");
		// Ticking nothing sends nothing.
		this.mvc.perform(send(Logins.OFFICE, UUID.randomUUID().toString(), "chosen"))
			.andExpect(flash().attribute("problem", containsString("Không có đơn vị chậm nộp nào được chọn")));
		assertThat(SMTP.getReceivedMessages()).hasSize(received.length);
	}

	@Test
	@Order(3)
	void shouldRefuseEveryoneButTheOffice() throws Exception {
		long before = reminders();
		for (var user : List.of(Logins.VIEWER, Logins.ADMIN, "thcs-aimo", "p-bode")) {
			this.mvc.perform(send(user, UUID.randomUUID().toString(), "all")).andExpect(status().isForbidden());
		}
		assertThat(reminders()).isEqualTo(before);
		var page = this.mvc
			.perform(get("/completeness").param("year", YEAR.label()).with(this.logins.as(Logins.VIEWER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("id=\"reminders\"").doesNotContain("name=\"scope\"");
	}

	@Test
	@Order(4)
	void shouldRecordAndShowFailuresWhenTheMailServerIsDown() throws Exception {
		SMTP.stop();
		var token = UUID.randomUUID().toString();
		int expected = expectedRecipients().size();
		this.mvc.perform(send(Logins.OFFICE, token, "all"))
			.andExpect(redirectedUrl("/completeness?year=" + YEAR.label() + "#reminders"))
			.andExpect(flash().attribute("problem", containsString("Có " + expected + " thư không gửi được")))
			.andExpect(flash().attribute("problem", containsString(this.prefix + ".a1@truong.example.vn")));
		var rows = this.jdbc.queryForList("select outcome, error from reminder where batch = ?",
				UUID.fromString(token));
		assertThat(rows).hasSize(expected).allSatisfy((row) -> {
			assertThat(row.get("outcome")).isEqualTo("FAILED");
			assertThat((String) row.get("error")).isNotBlank();
		});
		var page = this.mvc
			.perform(get("/completeness").param("year", YEAR.label()).with(this.logins.as(Logins.OFFICE)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(section(page, "reminder-" + this.first)).contains("Gửi lỗi 2 thư");
	}

	// ------------------------------------------------------------------ helpers

	private List<LateUnit> owing() {
		return this.lateUnits.find(YEAR, LocalDate.now(Formats.ZONE)).stream().filter((u) -> !u.sentLate()).toList();
	}

	/**
	 * Who should get a reminder, read straight from the tables: the e-mail addresses of
	 * the enabled users of the late schools still owing their report.
	 */
	private Map<String, Long> expectedRecipients() {
		var late = owing().stream().map((u) -> u.school().id()).toList();
		var expected = new HashMap<String, Long>();
		this.jdbc.query("select contact, unit_id from app_user where enabled and role in ('SCHOOL', 'WARD') "
				+ "and contact like '%@%'", (rs) -> {
					if (late.contains(rs.getLong("unit_id"))) {
						expected.put(rs.getString("contact").strip(), rs.getLong("unit_id"));
					}
				});
		return expected;
	}

	private void user(String name, String role, Long unit, String contact, boolean enabled) {
		var username = this.prefix + "-" + name;
		this.jdbc.update(
				"""
						insert into app_user (username, password_hash, display_name, role, unit_id, enabled, created_at, contact)
						values (?, 'x', ?, ?, ?, ?, now(), ?)
						""",
				username, "Người dùng " + name, role, unit, enabled, contact);
		this.usernames.add(username);
		if (enabled && "SCHOOL".equals(role) && contact.contains("@")) {
			this.reachable.put(contact, unit);
		}
	}

	private MockHttpServletRequestBuilder send(String user, String token, String scope) {
		return post("/completeness/reminders").param("year", YEAR.label())
			.param("token", token)
			.param("scope", scope)
			.with(this.logins.as(user))
			.with(csrf());
	}

	/**
	 * @return the audited reminders of the first school, two messages sent
	 */
	private long audited() {
		return this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'REMINDER_SENT' and unit_id = ? and actor = ? and detail = 'sent 2, failed 0'",
				Long.class, this.first, Logins.OFFICE);
	}

	private long reminders() {
		return this.jdbc.queryForObject("select count(*) from reminder", Long.class);
	}

	private static String recipient(MimeMessage message) throws Exception {
		return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
	}

	private static String token(String page) {
		var marker = "name=\"token\" value=\"";
		int at = page.indexOf(marker);
		assertThat(at).as("the page's token").isPositive();
		return page.substring(at + marker.length(), page.indexOf('"', at + marker.length()));
	}

	/**
	 * @return the table row of that id
	 */
	private static String section(String page, String id) {
		int at = page.indexOf("id=\"" + id + "\"");
		assertThat(at).as(id).isPositive();
		return page.substring(at, page.indexOf("</tr>", at));
	}

}
