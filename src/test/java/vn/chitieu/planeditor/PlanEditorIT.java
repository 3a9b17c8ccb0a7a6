package vn.chitieu.planeditor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.PlanVersions;
import vn.chitieu.platform.Formats;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Office writes a plan in the browser: the header, then an indicator whose measure
 * and target are read by the definition file's own reader, each problem shown beside its
 * field in Vietnamese with nothing stored; a valid indicator is saved in the draft; the
 * preview shows the value the indicator would have on the figures in the database.
 */
@IntegrationTest
class PlanEditorIT {

	private static final String CODE = "KH-TEST-EDITOR";

	private static final String MEASURE = "{kind: ratio, numerator: teachers_university_plus, denominator: teachers}";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlanVersions versions;

	@Autowired
	MetricCatalog catalog;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@AfterEach
	void removeTheTestPlan() {
		this.jdbc.update("delete from plan where code = ?", CODE);
		this.jdbc.update("delete from plan_metric_start where plan_code = ?", CODE);
		this.catalog.refresh();
	}

	@Test
	void shouldCheckTheHeaderAndCreateADraft() throws Exception {
		this.mvc
			.perform(post("/plans/new").param("code", "KH TEST")
				.param("titleVi", "Kế hoạch")
				.param("titleEn", "Plan")
				.param("issuer", "UBND")
				.param("baselineYear", "2024-2025")
				.param("targetYear", "2020")
				.with(office())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"code-error\""),
					containsString("id=\"targetYear-error\""), containsString("không phải năm học"))));
		assertThat(count()).isZero();
		createPlan();
		assertThat(this.versions.draft(CODE)).isPresent();
		assertThat(this.jdbc.queryForObject("select status from plan where code = ?", String.class, CODE))
			.isEqualTo("DRAFT");
	}

	@Test
	void shouldShowTheReadersMessageBesideTheFieldAndStoreNothing() throws Exception {
		createPlan();
		long audits = audits();
		// A malformed measure.
		saveIndicator("save", "{kind: ratio, numerator: teachers_university_plus +, denominator: teachers}",
				"{at_least: 80}", "")
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"measure-error\""),
					containsString("Không đọc được biểu thức “teachers_university_plus +”"),
					not(containsString("id=\"target-error\"")))));
		// An unknown metric.
		saveIndicator("save", "{kind: ratio, numerator: teacher_count, denominator: teachers}", "{at_least: 80}", "")
			.andExpect(content().string(allOf(containsString("id=\"measure-error\""),
					containsString("Chỉ số “teacher_count” không có trong danh mục."))));
		// A target text not understood.
		saveIndicator("save", MEASURE, "{at_least: tám mươi}", "").andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"target-error\""), containsString("tám mươi"),
					not(containsString("id=\"measure-error\"")))));
		saveIndicator("save", MEASURE, "{about: 80}", "")
			.andExpect(content().string(containsString("id=\"target-error\"")));
		// Milestones outside the plan's period.
		saveIndicator("save", MEASURE, "{at_least: 80}", "2019-2020: 50")
			.andExpect(content().string(containsString("id=\"target-error\"")));
		assertThat(this.versions.draft(CODE).orElseThrow().definition().indicators()).isEmpty();
		assertThat(audits()).as("nothing stored, nothing audited").isEqualTo(audits);
	}

	@Test
	void shouldSaveAValidIndicatorAndPreviewItsValueOnTheFiguresInTheDatabase() throws Exception {
		createPlan();
		// "Check" reads and previews without storing.
		saveIndicator("check", MEASURE, "{at_least: 80}", "2023-2024: 75").andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"checked\""), containsString("id=\"preview\""),
					containsString(expectedValue(2023)))));
		assertThat(this.versions.draft(CODE).orElseThrow().definition().indicators()).isEmpty();

		long lastAudit = this.jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
		saveIndicator("save", MEASURE, "{at_least: 80}", "2023-2024: 75")
			.andExpect(redirectedUrl("/plans/" + CODE + "/draft/indicators/E-01"));
		var saved = this.versions.draft(CODE).orElseThrow().indicator("E-01").orElseThrow();
		assertThat(saved.targets().get(0).value()).isEqualByComparingTo("80");
		assertThat(saved.targets().get(0).milestones()).hasSize(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'INDICATOR_ADDED' and entity_id = ? and id > ?",
				Long.class, CODE + "/E-01", lastAudit))
			.isEqualTo(1);

		// The indicator's page shows the preview of every year of the plan, with the
		// value computed from the approved figures.
		this.mvc.perform(get("/plans/" + CODE + "/draft/indicators/E-01").with(office()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("data-year=\"2022-2023\""), containsString("data-year=\"2023-2024\""),
						containsString(expectedValue(2022)), containsString(expectedValue(2023)),
						containsString("{at_least: 80}</textarea>"), containsString("2023-2024: 75"))));

		// Changed: the code may change too; removed.
		saveIndicator("save", MEASURE, "{at_least: 85}", "").andExpect(status().is3xxRedirection());
		assertThat(this.versions.draft(CODE).orElseThrow().indicator("E-01").orElseThrow().targets().get(0).value())
			.isEqualByComparingTo("85");
		var revision = revision();
		this.mvc
			.perform(post("/plans/" + CODE + "/draft/indicators/E-01/remove").param("number", "1")
				.param("revision", String.valueOf(revision))
				.with(office())
				.with(csrf()))
			.andExpect(redirectedUrl("/plans/" + CODE + "/draft"));
		assertThat(this.versions.draft(CODE).orElseThrow().definition().indicators()).isEmpty();
	}

	@Test
	void shouldRefuseAnEditOverSomeoneElsesChange() throws Exception {
		createPlan();
		var stale = revision();
		saveIndicator("save", MEASURE, "{at_least: 80}", "").andExpect(status().is3xxRedirection());
		this.mvc
			.perform(indicator(post("/plans/" + CODE + "/draft/indicators/new"), "save", MEASURE, "{at_least: 70}", "",
					stale)
				.param("code", "E-02"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("vừa được người khác thay đổi")));
		assertThat(this.versions.draft(CODE).orElseThrow().definition().indicators()).hasSize(1);
	}

	/**
	 * The ratio computed here straight from the database: Σ graduates ÷ Σ teachers × 100
	 * over the primary level of the approved reports that have both figures.
	 */
	private String expectedValue(int year) {
		var sums = this.jdbc.queryForMap(
				"""
						select sum(n.value) as num, sum(d.value) as den
						from submission s
						join figure n on n.submission_id = s.id and n.metric_code = 'teachers_university_plus' and n.level = 'TH'
						join figure d on d.submission_id = s.id and d.metric_code = 'teachers' and d.level = 'TH'
						where s.school_year = ? and s.status = 'APPROVED'""",
				year);
		var value = ((BigDecimal) sums.get("num")).multiply(BigDecimal.valueOf(100))
			.divide((BigDecimal) sums.get("den"), MathContext.DECIMAL64);
		assertThat(value).isPositive();
		return Formats.number(value, 1, Locale.forLanguageTag("vi")) + " %";
	}

	private void createPlan() throws Exception {
		this.mvc
			.perform(post("/plans/new").param("code", CODE)
				.param("titleVi", "Kế hoạch thử soạn trên trình duyệt")
				.param("titleEn", "Editor test plan")
				.param("issuer", "UBND quận Long Biên")
				.param("baselineYear", "2021-2022")
				.param("targetYear", "2025-2026")
				.with(office())
				.with(csrf()))
			.andExpect(redirectedUrl("/plans/" + CODE + "/draft"));
	}

	private ResultActions saveIndicator(String action, String measure, String target, String milestones)
			throws Exception {
		boolean exists = this.versions.draft(CODE).orElseThrow().indicator("E-01").isPresent();
		var url = exists ? "/plans/" + CODE + "/draft/indicators/E-01" : "/plans/" + CODE + "/draft/indicators/new";
		return this.mvc.perform(indicator(post(url), action, measure, target, milestones, revision()));
	}

	private MockHttpServletRequestBuilder indicator(MockHttpServletRequestBuilder request, String action,
			String measure, String target, String milestones, int revision) {
		return request.param("number", "1")
			.param("revision", String.valueOf(revision))
			.param("action", action)
			.param("code", "E-01")
			.param("level", "TH")
			.param("clause", "2.1")
			.param("quote", "Tỷ lệ giáo viên tiểu học có trình độ đại học trở lên đạt 80%")
			.param("nameVi", "Giáo viên tiểu học trình độ đại học trở lên")
			.param("nameEn", "Primary teachers with a degree")
			.param("unit", "percent")
			.param("measure", measure)
			.param("target", target)
			.param("milestones", milestones)
			.with(office())
			.with(csrf());
	}

	private int revision() {
		return this.versions.draft(CODE).orElseThrow().summary().revision();
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from plan where code = ?", Long.class, CODE);
	}

	private long audits() {
		return this.jdbc.queryForObject("select count(*) from audit_event", Long.class);
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor office() {
		return this.logins.as(Logins.OFFICE);
	}

}
