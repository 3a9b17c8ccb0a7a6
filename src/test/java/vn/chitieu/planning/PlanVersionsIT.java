package vn.chitieu.planning;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.progress.Progress;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan's versions: a draft is seen by the Office only and used by nothing; publishing
 * it makes it the version the dashboards, the API and the reports use; editing the
 * published plan makes a new draft, version 1 staying readable; a draft can be discarded;
 * every step is audited; a metric the plan brings appears on the forms from the next
 * school year, not silently in the open one.
 */
@IntegrationTest
class PlanVersionsIT {

	static final String CODE = "KH-TEST-VERSIONS";

	static final String PLAN = """
			format: chitieu/1
			plan:
			  code: KH-TEST-VERSIONS
			  title_vi: "Kế hoạch thử phiên bản"
			  title_en: "Versions test plan"
			  issuer: "UBND quận Long Biên"
			  baseline_year: 2022-2023
			  target_year: 2024-2025
			metrics:
			  - {code: test_versions_chess, reported_by: school, levels: [TH], type: yes_no, section: activities,
			     name_vi: "Có câu lạc bộ cờ tướng", name_en: "Has a xiangqi club"}
			indicators:
			  - code: V-01
			    level: TH
			    clause: "1"
			    quote: "Tỷ lệ học sinh tiểu học có máy tính"
			    name_vi: "Tỷ lệ thử nghiệm"
			    name_en: "Test ratio"
			    unit: percent
			    measure: {kind: ratio, numerator: teachers_university_plus, denominator: teachers}
			    target: {at_least: 77}
			  - code: V-02
			    level: TH
			    clause: "2"
			    quote: "100% trường tiểu học có câu lạc bộ cờ tướng"
			    name_vi: "Tỷ lệ trường có câu lạc bộ cờ tướng"
			    name_en: "Schools with a xiangqi club"
			    unit: percent
			    measure: {kind: share, condition: test_versions_chess}
			    target: {at_least: 100}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Plans plans;

	@Autowired
	MetricCatalog catalog;

	@Autowired
	Progress progress;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@AfterEach
	void removeTheTestPlan() {
		remove(this.jdbc, this.catalog);
	}

	static void remove(JdbcTemplate jdbc, MetricCatalog catalog) {
		jdbc.update("delete from plan where code = ?", CODE);
		jdbc.update("delete from plan_metric_start where plan_code = ?", CODE);
		jdbc.update("delete from metric_rule where owner = ?", "plan:" + CODE);
		jdbc.update("delete from metric where code like 'test_versions_%'");
		catalog.refresh();
	}

	@Test
	void shouldKeepADraftFromEveryoneButTheOfficeUntilItIsPublished() throws Exception {
		importPlan(PLAN).andExpect(redirectedUrl("/plans/" + CODE + "/draft"));

		// The Office sees the draft, marked as such.
		this.mvc.perform(get("/plans/" + CODE + "/draft").with(as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Bản nháp phiên bản 1"), containsString("V-01"))));
		this.mvc.perform(get("/plans").with(as(Logins.OFFICE))).andExpect(content().string(containsString(CODE)));

		// Nobody else does, and nothing uses it.
		this.mvc.perform(get("/plans").with(as(Logins.VIEWER))).andExpect(content().string(not(containsString(CODE))));
		this.mvc.perform(get("/plans/" + CODE).with(as(Logins.VIEWER))).andExpect(status().isNotFound());
		this.mvc.perform(get("/plans/" + CODE + "/versions/1").with(as(Logins.VIEWER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/plans/" + CODE + "/draft").with(as(Logins.VIEWER))).andExpect(status().isForbidden());
		this.mvc.perform(get("/plans/" + CODE + "/draft").with(as("th-mau-07"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/progress/" + CODE).with(as(Logins.OFFICE))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/plans").with(httpBasic(Logins.VIEWER, Logins.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(CODE))));
		this.mvc.perform(get("/api/v1/plans/" + CODE + "/progress").with(httpBasic(Logins.VIEWER, Logins.PASSWORD)))
			.andExpect(status().isNotFound());
		this.mvc.perform(
				get("/reports/progress.xlsx").param("plan", CODE).param("year", "2024-2025").with(as(Logins.VIEWER)))
			.andExpect(status().isNotFound());
		assertThat(this.plans.find(CODE)).isEmpty();
		assertThat(this.catalog.find("test_versions_chess")).isEmpty();

		// The publish page says which new figure will be asked, on which forms, from
		// when.
		this.mvc.perform(get("/plans/" + CODE + "/draft/publish").with(as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Có câu lạc bộ cờ tướng"),
					containsString("Các trường cấp TH"), containsString("từ năm học 2025-2026"),
					containsString("Hỏi các chỉ số này ngay trong năm học đang mở 2024-2025"))));
		publish(1, false);

		// Published: the dashboards, the API and the report use it.
		this.mvc.perform(get("/progress/" + CODE).with(as(Logins.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỷ lệ thử nghiệm")));
		this.mvc.perform(get("/api/v1/plans").with(httpBasic(Logins.VIEWER, Logins.PASSWORD)))
			.andExpect(content().string(containsString(CODE)));
		this.mvc.perform(
				get("/reports/progress.xlsx").param("plan", CODE).param("year", "2024-2025").with(as(Logins.VIEWER)))
			.andExpect(status().isOk());
		assertThat(this.catalog.find("test_versions_chess")).isPresent();

		// Its new metric is asked from the next school year, not in the open one.
		assertThat(this.plans.metricsInUse(SchoolYear.of(2024))).doesNotContain("test_versions_chess")
			.contains("teachers");
		assertThat(this.plans.metricsInUse(SchoolYear.of(2025))).contains("test_versions_chess");
		this.mvc.perform(get("/schools/" + schoolId("TH-MAU-07") + "/figures/2024-2025").with(as("th-mau-07")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Có câu lạc bộ cờ tướng"))));
		assertThat(this.jdbc.queryForObject(
				"select from_year from plan_metric_start where plan_code = ? and metric_code = 'test_versions_chess'",
				Integer.class, CODE))
			.isEqualTo(2025);
	}

	@Test
	void shouldMakeAnEditAVersionTwoDraftKeepVersionOneReadableAndAuditEveryStep() throws Exception {
		importPlan(PLAN);
		publish(1, true);
		assertThat(this.plans.metricsInUse(SchoolYear.of(2024))).as("the Office asked for it in the open year")
			.contains("test_versions_chess");
		this.mvc.perform(get("/plans/" + CODE).with(as(Logins.OFFICE)))
			.andExpect(content().string(containsString("Sửa kế hoạch (tạo bản nháp mới)")));

		// Editing the published plan starts version 2; one draft at a time.
		start(1).andExpect(redirectedUrl("/plans/" + CODE + "/draft"));
		start(1).andExpect(redirectedUrl("/plans/" + CODE + "/draft"));
		assertThat(count("select count(*) from plan where code = ? and status = 'DRAFT'")).isEqualTo(1);
		var revision = this.jdbc.queryForObject("select version from plan where code = ? and number = 2", Integer.class,
				CODE);
		var form = this.mvc.perform(post("/plans/" + CODE + "/draft/indicators/V-01").param("number", "2")
			.param("revision", String.valueOf(revision))
			.param("action", "save")
			.param("code", "V-01")
			.param("level", "TH")
			.param("clause", "1")
			.param("quote", "Tỷ lệ học sinh tiểu học có máy tính")
			.param("nameVi", "Tỷ lệ thử nghiệm")
			.param("nameEn", "Test ratio")
			.param("unit", "percent")
			.param("measure", "{kind: ratio, numerator: teachers_university_plus, denominator: teachers}")
			.param("target", "{at_least: 80}")
			.with(as(Logins.OFFICE))
			.with(csrf()));
		form.andExpect(redirectedUrl("/plans/" + CODE + "/draft/indicators/V-01"));
		assertThat(target(this.plans.find(CODE).orElseThrow())).as("the version in use is unchanged")
			.isEqualByComparingTo("77");
		this.mvc.perform(get("/plans/" + CODE + "/versions/2").with(as(Logins.VIEWER)))
			.andExpect(status().isNotFound());

		publish(2, false);
		assertThat(target(this.plans.find(CODE).orElseThrow())).isEqualByComparingTo("80");
		var overview = this.progress.plan(CODE, SchoolYear.of(2024), false).orElseThrow();
		assertThat(overview.indicators().get(0).indicator().targets().get(0).value()).isEqualByComparingTo("80");

		// Version 1 stays readable, with its own target, by whoever reads plans.
		this.mvc.perform(get("/plans/" + CODE + "/versions/1").with(as(Logins.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("phiên bản 1 của kế hoạch, chỉ để xem"), containsString("≥ 77"))));
		this.mvc.perform(get("/plans/" + CODE).with(as(Logins.VIEWER)))
			.andExpect(content().string(allOf(containsString("Phiên bản 2"), containsString("Bản cũ"),
					// who published it, by name (HTML-escaped), not by login
					containsString("Chuyên viên Phòng GD&amp;ĐT (mẫu)"), containsString("≥ 80"))));

		// A third draft, discarded: nothing changes.
		start(2);
		this.mvc
			.perform(
					post("/plans/" + CODE + "/draft/discard").param("number", "3").with(as(Logins.OFFICE)).with(csrf()))
			.andExpect(redirectedUrl("/plans"));
		assertThat(count("select count(*) from plan where code = ?")).isEqualTo(2);
		assertThat(this.plans.find(CODE).orElseThrow().summary().number()).isEqualTo(2);

		// Starting from a version that is no longer the one in use is refused.
		start(1).andExpect(status().isConflict())
			.andExpect(content().string(containsString("Phiên bản 1 không còn là phiên bản đang dùng")));

		assertThat(this.jdbc.queryForList("""
				select action from audit_event where entity_id like ? and actor = ? order by id""", String.class,
				CODE + "%", Logins.OFFICE))
			.containsSubsequence("PLAN_DRAFTED", "PLAN_PUBLISHED", "PLAN_DRAFT_STARTED", "INDICATOR_CHANGED",
					"TARGET_CHANGED", "PLAN_PUBLISHED", "PLAN_DRAFT_STARTED", "PLAN_DRAFT_DISCARDED");
		var published = this.jdbc.queryForMap("""
				select old_value, new_value from audit_event where action = 'PLAN_PUBLISHED' and entity_id = ?
				order by id desc limit 1""", CODE);
		assertThat(published).containsEntry("old_value", "1").containsEntry("new_value", "2");
	}

	private static java.math.BigDecimal target(Plans.LoadedPlan plan) {
		return plan.indicator("V-01").orElseThrow().targets().get(0).value();
	}

	private ResultActions start(int from) throws Exception {
		return this.mvc.perform(post("/plans/" + CODE + "/draft/start").param("from", String.valueOf(from))
			.with(as(Logins.OFFICE))
			.with(csrf()));
	}

	private void publish(int number, boolean fromOpenYear) throws Exception {
		this.mvc
			.perform(post("/plans/" + CODE + "/draft/publish").param("number", String.valueOf(number))
				.param("fromOpenYear", String.valueOf(fromOpenYear))
				.with(as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(redirectedUrl("/plans/" + CODE));
	}

	private ResultActions importPlan(String text) throws Exception {
		return this.mvc.perform(
				multipart("/plans/import")
					.file(new MockMultipartFile("file", "versions.yaml", "application/yaml",
							text.getBytes(StandardCharsets.UTF_8)))
					.with(as(Logins.OFFICE))
					.with(csrf()));
	}

	private long schoolId(String code) {
		return this.jdbc.queryForObject("select id from org_unit where code = ?", Long.class, code);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class, CODE);
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
		return this.logins.as(user);
	}

}
