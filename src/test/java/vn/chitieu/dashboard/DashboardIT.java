package vn.chitieu.dashboard;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.Plans;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.ProgressFormat;
import vn.chitieu.progress.ProgressStatus;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboards in the running application with the sample district: what each role
 * reaches, what the pages say, and the JSON API.
 */
@IntegrationTest
class DashboardIT {

	private static final String PLAN = "KH-157-UBND-2022";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	OrgUnits units;

	@Autowired
	Plans plans;

	@Autowired
	Progress progress;

	@Autowired
	ProgressFormat format;

	@Autowired
	OverviewRows overviewRows;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	// ------------------------------------------------------------------ overview

	@Test
	void shouldShowTheOfficeEveryIndicatorWithItsStatus() throws Exception {
		for (var user : new String[] { Logins.OFFICE, Logins.VIEWER }) {
			var html = page("/progress/" + PLAN + "?year=2023-2024", user);
			assertThat(html).contains("Dữ liệu mẫu", "Tình hình thực hiện chỉ tiêu", "Số chỉ tiêu theo đánh giá")
				.contains("I. Giáo dục mầm non", "IV. Toàn ngành")
				.contains("Đạt", "Đúng tiến độ", "Chậm tiến độ", "Chưa có số liệu");
			var plan = this.plans.find(PLAN).orElseThrow().definition();
			for (var indicator : plan.indicators()) {
				assertThat(html).contains(">" + indicator.code() + "<");
			}
			// Vietnamese numbers: a decimal comma and a space before the percent sign.
			assertThat(Pattern.compile("\\d+,\\d %").matcher(html).find()).isTrue();
			// Every status badge carries a word, not only a colour.
			assertThat(html).doesNotContain("class=\"pstatus pstatus-ACHIEVED\"></span>");
		}
	}

	@Test
	void shouldShowAnUndecidedShareWithItsEstimateRangeAndTheSchoolsNotReported() throws Exception {
		var year = SchoolYear.of(2024);
		var detail = this.progress.indicator(PLAN, "THCS-04", year, false).orElseThrow();
		var latest = detail.progress().latest();
		var indicator = detail.progress().indicator();
		var vi = this.format.in(java.util.Locale.forLanguageTag("vi"));
		var html = page("/progress/" + PLAN + "/indicators/THCS-04?year=2024-2025", Logins.OFFICE);
		// The sample district has public lower-secondary schools not yet approved.
		assertThat(latest.status()).isEqualTo(ProgressStatus.UNDECIDED);
		assertThat(html).contains("tạm tính")
			.contains("Khoảng có thể")
			.contains(vi.bounds(latest.result().bounds(), indicator))
			.contains(">Chưa đủ số liệu (" + latest.result().used() + "/22 trường)<")
			.contains(latest.result().unknown() + " trường chưa có số liệu");
		for (var unit : latest.main().gap().unknownUnits()) {
			assertThat(html).contains(unit.name());
		}
		assertThat(vi.bounds(latest.result().bounds(), indicator)).startsWith("từ ").contains(" đến 100 %");
	}

	@Test
	void shouldFilterByLevelAndStatus() throws Exception {
		var html = page("/progress/" + PLAN + "?level=TH", Logins.OFFICE);
		assertThat(html).contains(">TH-01<").doesNotContain(">MN-01<").doesNotContain(">THCS-01<");
		html = page("/progress/" + PLAN + "?status=ACHIEVED&year=2024-2025", Logins.OFFICE);
		assertThat(html).contains("Đang hiện").doesNotContain("pstatus pstatus-OFF_TRACK\">Chưa đạt</span>\n");
		var rows = Pattern.compile("class=\"pstatus pstatus-([A-Z_]+)\">[^<]+</span>\\s*</td>").matcher(html);
		int shown = 0;
		while (rows.find()) {
			assertThat(rows.group(1)).isEqualTo("ACHIEVED");
			shown++;
		}
		assertThat(shown).isPositive();
	}

	@Test
	void shouldSayWhatIsWrongWithAFilterAndShowTheRest() throws Exception {
		var html = page("/progress/" + PLAN + "?year=2024&level=XX", Logins.OFFICE);
		assertThat(html).contains("không phải là năm học").contains(">MN-01<");
		this.mvc.perform(get("/progress/NO-SUCH-PLAN").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldLeadThePlanSelectorToThePlanAsked() throws Exception {
		this.mvc
			.perform(get("/progress").param("plan", "KH-NH-2019-2020")
				.param("year", "2019-2020")
				.with(this.logins.as(Logins.OFFICE)))
			.andExpect(redirectedUrl("/progress/KH-NH-2019-2020?year=2019-2020"));
		this.mvc.perform(get("/progress").with(this.logins.as("p-giathuy")))
			.andExpect(redirectedUrl("/progress/" + PLAN + "/wards"));
	}

	@Test
	void shouldSpeakEnglishOnRequest() throws Exception {
		var html = page("/progress/" + PLAN + "?lang=en&year=2023-2024", Logins.OFFICE);
		assertThat(html).contains("Progress against the targets", "Achieved", "sample data");
		assertThat(Pattern.compile("\\d+\\.\\d %").matcher(html).find()).isTrue();
	}

	@Test
	void shouldRenderTheTablesOnceForEachLanguageFilterAndDataVersion() throws Exception {
		var path = "/progress/" + PLAN + "?year=2024-2025";
		var registry = io.micrometer.core.instrument.Metrics.globalRegistry;
		var first = tables(page(path, Logins.OFFICE));
		double hits = registry.counter("chitieu.fragment.cache", "fragment", "overview-groups", "result", "hit")
			.count();
		double summaryHits = registry.counter("chitieu.fragment.cache", "fragment", "overview-summary", "result", "hit")
			.count();
		// Another reader of the same page: the same tables, from the HTML kept.
		var again = tables(page(path, Logins.VIEWER));
		assertThat(again).isEqualTo(first).contains("I. Giáo dục mầm non", ">TH-15<");
		assertThat(registry.counter("chitieu.fragment.cache", "fragment", "overview-groups", "result", "hit").count())
			.isEqualTo(hits + 1);
		assertThat(registry.counter("chitieu.fragment.cache", "fragment", "overview-summary", "result", "hit").count())
			.isEqualTo(summaryHits + 1);
		// In English, and filtered: each its own.
		var english = tables(page(path + "&lang=en", Logins.OFFICE));
		assertThat(english).contains("I. Preschool education", "(Target)").doesNotContain("I. Giáo dục mầm non");
		var primary = tables(page(path + "&level=TH", Logins.OFFICE));
		assertThat(primary).contains(">TH-15<").doesNotContain(">MN-01<").doesNotContain("I. Giáo dục mầm non");
		assertThat(tables(page(path, Logins.OFFICE))).isEqualTo(first);

		// A figure corrected: the next page shows the value computed now.
		var before = row(first, "TH-15");
		var change = """
				update figure set value = value + ?
				where metric_code = 'teachers' and level = 'TH' and submission_id = (
				  select s.id from submission s join org_unit u on u.id = s.unit_id
				  where u.code = 'TH-MAU-14' and s.school_year = 2024 and s.status = 'APPROVED')
				""";
		assertThat(this.jdbc.update(change, 60)).isEqualTo(1);
		try {
			var after = row(tables(page(path, Logins.OFFICE)), "TH-15");
			var now = this.overviewRows
				.build(this.progress.plan(PLAN, SchoolYear.of(2024), false).orElseThrow(),
						java.util.Locale.forLanguageTag("vi"))
				.stream()
				.filter((r) -> r.code().equals("TH-15"))
				.findFirst()
				.orElseThrow();
			var latest = now.cells().get(now.cells().size() - 1).value();
			assertThat(after).isNotEqualTo(before).contains(">" + latest + "<");
			assertThat(before).doesNotContain(">" + latest + "<");
		}
		finally {
			this.jdbc.update(change, -60);
		}
	}

	private static String tables(String page) {
		int start = page.indexOf("<h2 class=\"h4 level-heading\"");
		int end = page.indexOf("</section>", start);
		assertThat(start).as("the indicators' tables").isPositive();
		return page.substring(start, end);
	}

	private static String row(String tables, String code) {
		var matcher = Pattern.compile("<tr data-indicator=\"" + code + "\">(.*?)</tr>", Pattern.DOTALL).matcher(tables);
		assertThat(matcher.find()).as("the row of " + code).isTrue();
		return matcher.group(1);
	}

	// ------------------------------------------------------------------ one indicator

	@Test
	void shouldShowEveryIndicatorWithItsSourceChartAndWhoHoldsItBack() throws Exception {
		for (var summary : this.plans.all()) {
			var plan = this.plans.find(summary.code()).orElseThrow().definition();
			for (var indicator : plan.indicators()) {
				var html = page("/progress/" + summary.code() + "/indicators/" + indicator.code(), Logins.OFFICE);
				assertThat(html).as(indicator.code())
					.contains(indicator.clause())
					.contains(escape(indicator.quote()))
					.contains("data-chart=\"{")
					.contains("Dữ liệu mẫu");
				if (indicator.flaw() != null) {
					assertThat(html).as(indicator.code()).contains(escape(indicator.flaw().readingVi()));
				}
			}
		}
	}

	@Test
	void shouldListTheSchoolsHoldingAnIndicatorBackWithLinksToTheirFigures() throws Exception {
		// TH-04: public primary schools at the national standard; in 2024-2025 some have
		// no approved figures yet.
		var html = page("/progress/" + PLAN + "/indicators/TH-04?year=2024-2025", Logins.OFFICE);
		assertThat(html).contains("Đơn vị có kết quả thấp nhất")
			.contains("Chưa có số liệu")
			.contains("số liệu chưa đủ, kết quả chưa phải cuối cùng")
			.containsPattern("Tính từ \\d+/28 trường có số liệu đã duyệt")
			.containsPattern("href=\"/schools/\\d+/figures/2024-2025\"")
			.contains("/audit?unit=");
		// An enrolment rate breaks down by ward.
		html = page("/progress/" + PLAN + "/indicators/MN-01", Logins.OFFICE);
		assertThat(html).contains("Theo phường").contains("Phường Bồ Đề").contains("gần đúng");
		// A flawed target shows the other reading's value.
		html = page("/progress/" + PLAN + "/indicators/MN-15", Logins.OFFICE);
		assertThat(html).contains("Theo cách hiểu khác");
	}

	@Test
	void shouldCountSubmittedFiguresOnlyWhenAsked() throws Exception {
		var approved = page("/progress/" + PLAN + "/indicators/TH-15?year=2024-2025", Logins.OFFICE);
		var submitted = page("/progress/" + PLAN + "/indicators/TH-15?year=2024-2025&submitted=true", Logins.OFFICE);
		assertThat(approved).contains("có số liệu đã duyệt").doesNotContain("đã duyệt hoặc đã gửi");
		assertThat(submitted).contains("đã duyệt hoặc đã gửi");
	}

	// ------------------------------------------------------------------ school and ward

	@Test
	void shouldShowASchoolItsOwnPositionAndNothingElse() throws Exception {
		long own = this.units.schoolByCode("TH-GIATHUY").orElseThrow().id();
		long other = this.units.schoolByCode("TH-BODE").orElseThrow().id();
		var html = page("/schools/" + own + "/progress", "th-giathuy");
		assertThat(html).contains("Tiến độ của Trường Tiểu học Gia Thụy")
			.contains("TH-04")
			.contains("Dữ liệu mẫu")
			.doesNotContain("TH-01</span>")
			.doesNotContain("Trường Tiểu học Bồ Đề");
		this.mvc.perform(get("/schools/" + other + "/progress").with(this.logins.as("th-giathuy")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/schools/999999/progress").with(this.logins.as("th-giathuy")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/schools/" + own + "/progress").with(this.logins.as("p-giathuy")))
			.andExpect(status().isForbidden());
		// The Office reaches every school's page.
		assertThat(page("/schools/" + other + "/progress?year=2023-2024", Logins.OFFICE))
			.contains("Tiến độ của Trường Tiểu học Bồ Đề");
	}

	@Test
	void shouldKeepSchoolsAndWardsOutOfTheDistrictDashboards() throws Exception {
		for (var path : new String[] { "/progress/" + PLAN, "/progress/" + PLAN + "/indicators/TH-04",
				"/progress/" + PLAN + "/wards" }) {
			this.mvc.perform(get(path).with(this.logins.as("th-giathuy"))).andExpect(status().isForbidden());
		}
		for (var path : new String[] { "/progress/" + PLAN, "/progress/" + PLAN + "/indicators/TH-04" }) {
			this.mvc.perform(get(path).with(this.logins.as("p-giathuy"))).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/progress/" + PLAN).with(this.logins.as(Logins.ADMIN))).andExpect(status().isForbidden());
	}

	@Test
	void shouldShowEnrolmentByWardAndAWardOnlyItsOwn() throws Exception {
		var all = page("/progress/" + PLAN + "/wards", Logins.OFFICE);
		assertThat(all).contains("Tỷ lệ huy động theo phường")
			.contains("Phường Gia Thụy")
			.contains("Phường Bồ Đề")
			.contains("Toàn quận");
		var own = page("/progress/" + PLAN + "/wards", "p-giathuy");
		assertThat(own).contains("Phường Gia Thụy").doesNotContain("Phường Bồ Đề").doesNotContain("Phường Cự Khối");
	}

	// ------------------------------------------------------------------ JSON API

	@Test
	void shouldAnswerTheApiWithHttpBasicForTheOfficeAndLeaders() throws Exception {
		this.mvc.perform(get("/api/v1/plans"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
		for (var user : new String[] { Logins.OFFICE, Logins.VIEWER }) {
			var json = json(this.mvc
				.perform(get("/api/v1/plans/" + PLAN + "/progress?year=2023-2024")
					.with(httpBasic(user, Logins.PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("application/json"))
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(json.get("asOf").asString()).isEqualTo("2023-2024");
			assertThat(json.get("sampleData").asBoolean()).isTrue();
			assertThat(json.get("indicators")).hasSize(80);
			var first = json.get("indicators").get(0);
			assertThat(first.get("code").asString()).isEqualTo("MN-01");
			assertThat(first.get("years")).hasSize(4);
			var year = first.get("years").get(3);
			assertThat(year.get("year").asString()).isEqualTo("2023-2024");
			assertThat(year.get("value").isNumber()).isTrue();
			assertThat(year.get("completeness").get("unitsInScope").asInt()).isPositive();
		}
		var detail = json(this.mvc
			.perform(get("/api/v1/plans/" + PLAN + "/indicators/TH-04/progress")
				.with(httpBasic(Logins.OFFICE, Logins.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(detail.get("breakdown").size()).isGreaterThanOrEqualTo(28);
		assertThat(detail.get("indicator").get("code").asString()).isEqualTo("TH-04");
	}

	@Test
	void shouldRefuseTheApiToOthersAndAnythingButReading() throws Exception {
		this.mvc.perform(get("/api/v1/plans").with(httpBasic("th-giathuy", Logins.PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/plans").with(httpBasic(Logins.OFFICE, "wrong-password")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(post("/api/v1/plans").with(httpBasic(Logins.OFFICE, Logins.PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/plans").with(httpBasic(Logins.OFFICE, Logins.PASSWORD)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/plans/NOPE/progress").with(httpBasic(Logins.OFFICE, Logins.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Unknown plan")));
		this.mvc
			.perform(get("/api/v1/plans/" + PLAN + "/progress?year=2024")
				.with(httpBasic(Logins.OFFICE, Logins.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("school year"), not(containsString("Exception")))));
		this.mvc
			.perform(get("/api/v1/plans/" + PLAN + "/indicators/XX-99/progress")
				.with(httpBasic(Logins.OFFICE, Logins.PASSWORD)))
			.andExpect(status().isNotFound());
		// No session is created for API calls.
		var response = this.mvc.perform(get("/api/v1/plans").with(httpBasic(Logins.OFFICE, Logins.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("Set-Cookie")).isNull();
	}

	// ------------------------------------------------------------------ helpers

	private String page(String path, String user) throws Exception {
		return this.mvc.perform(get(path).with(this.logins.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
