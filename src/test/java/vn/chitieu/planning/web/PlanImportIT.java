package vn.chitieu.planning.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.dataentry.FigureForms;
import vn.chitieu.dataentry.FigureInput;
import vn.chitieu.dataentry.FigureKey;
import vn.chitieu.dataentry.SaveMode;
import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.PlanLoader;
import vn.chitieu.planning.Plans;
import vn.chitieu.testsupport.FormSupport;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Office imports a plan definition file: a bad one changes nothing and every problem
 * is listed with its line; a good one becomes a draft, used once published; a plan is
 * replaced only when asked.
 */
@IntegrationTest
class PlanImportIT {

	private static final String CODE = "KH-TEST-IMPORT";

	private static final String PLAN = """
			format: chitieu/1
			plan:
			  code: KH-TEST-IMPORT
			  title_vi: "Kế hoạch thử nghiệm nhập tệp"
			  title_en: "Import test plan"
			  issuer: "UBND quận Long Biên"
			  baseline_year: 2022-2023
			  target_year: 2024-2025
			metrics:
			  - {code: test_import_chess_clubs, reported_by: school, levels: [TH], type: yes_no, section: activities,
			     name_vi: "Có câu lạc bộ cờ vua", name_en: "Has a chess club"}
			indicators:
			  - code: T-01
			    level: TH
			    clause: "1"
			    quote: "100% trường tiểu học có câu lạc bộ cờ vua"
			    name_vi: "Tỷ lệ trường tiểu học có câu lạc bộ cờ vua"
			    name_en: "Primary schools with a chess club"
			    unit: percent
			    measure: {kind: share, condition: test_import_chess_clubs}
			    target: {at_least: 100}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Plans plans;

	@Autowired
	MetricCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlanLoader loader;

	@Autowired
	OrgUnits units;

	@Autowired
	FigureForms forms;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@AfterEach
	void removeTheTestPlan() {
		this.jdbc.update("delete from plan where code = ?", CODE);
		this.jdbc.update("delete from plan_metric_start where plan_code = ?", CODE);
		this.jdbc.update("delete from metric_rule where code like 'test_import_%'");
		this.jdbc.update("delete from metric where code like 'test_import_%'");
		this.catalog.refresh();
	}

	@Test
	void shouldKeepTheShippedRulesWhenAPlanIsImportedUnderTheNameOfAShippedFile() throws Exception {
		var before = this.catalog.rules().stream().map((r) -> r.rule().code()).toList();
		assertThat(before).contains("teachers_degrees");
		var withRule = PLAN.replace("indicators:", """
				rules:
				  - {code: test_import_rule, check: "test_import_chess_clubs <= 1"}
				indicators:""");
		try {
			this.mvc.perform(multipart("/plans/import")
				.file(new MockMultipartFile("file", "catalog.yaml", "application/yaml",
						withRule.getBytes(StandardCharsets.UTF_8)))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf())).andExpect(status().is3xxRedirection());
			assertThat(this.catalog.rules().stream().map((r) -> r.rule().code()))
				.as("a draft's rules wait for it to be published")
				.doesNotContain("test_import_rule");
			publish(1);
			assertThat(this.catalog.rules().stream().map((r) -> r.rule().code()))
				.as("every rule of the shipped files, and the new plan's own")
				.containsAll(before)
				.contains("test_import_rule");

			// A school that reports 45 graduates among 10 teachers is still refused.
			var support = new FormSupport(this.units, this.forms, this.userDetails, this.jdbc);
			var school = "TH-MAU-07";
			var values = new java.util.HashMap<>(support.complete(school));
			values.put(new FigureKey("teachers", EducationLevel.TH), "10");
			values.put(new FigureKey("teachers_university_plus", EducationLevel.TH), "45");
			values.put(new FigureKey("teachers_masters_plus", EducationLevel.TH), "0");
			var violations = this.forms.check(support.user(school.toLowerCase()), support.id(school), FormSupport.YEAR,
					new FigureInput(values, Map.of(), -1, Instant.now()), SaveMode.UPLOAD);
			assertThat(violations).anySatisfy((v) -> assertThat(v.rule()).isEqualTo("teachers_degrees"));
		}
		finally {
			// Whatever happened, the shipped files are whole again for the other tests.
			this.jdbc.update("delete from plan where code = ?", CODE);
			this.loader.loadAll();
		}
	}

	@Test
	void shouldRefuseABadFileListingEveryProblemWithItsLineAndChangeNothing() throws Exception {
		long metrics = count("metric");
		var bad = PLAN.replace("condition: test_import_chess_clubs", "condition: chess_clubs")
			.replace("    clause:", "    clauze:");
		this.mvc.perform(multipart("/plans/import").file(file(bad)).with(this.logins.as(Logins.OFFICE)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("không được nạp"),
					containsString("Dòng 20: Chỉ số “chess_clubs” không có trong danh mục."),
					containsString("Dòng 15: Khóa “clauze” không được hỗ trợ ở đây"))));
		assertThat(this.plans.find(CODE)).isEmpty();
		assertThat(count("metric")).as("the file's own metric is not kept either").isEqualTo(metrics);
	}

	@Test
	void shouldSpeakEnglishToAnEnglishReader() throws Exception {
		this.mvc
			.perform(multipart("/plans/import").file(file(PLAN.replace("2024-2025", "2019-2020")))
				.param("lang", "en")
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(content().string(
					containsString("Line 8: The target year 2019-2020 must come after the baseline year 2022-2023.")));
	}

	@Test
	void shouldLoadAGoodFileAndReplaceItOnlyWhenAsked() throws Exception {
		var office = this.logins.as(Logins.OFFICE);
		long loads = loads();
		this.mvc.perform(multipart("/plans/import").file(file(PLAN)).with(office).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/plans/" + CODE + "/draft"))
			.andExpect(flash().attribute("flash", containsString("1 chỉ tiêu")));
		assertThat(this.plans.find(CODE)).as("a draft is not a plan in use").isEmpty();
		assertThat(this.catalog.find("test_import_chess_clubs")).as("its new metric waits for the publication")
			.isEmpty();
		publish(1);
		var loaded = this.plans.find(CODE).orElseThrow();
		assertThat(loaded.definition().indicators()).hasSize(1);
		assertThat(loaded.summary().source()).isEqualTo("plan-test.yaml");
		assertThat(this.catalog.find("test_import_chess_clubs")).isPresent();
		assertThat(loads()).isEqualTo(loads + 1);

		// The same file again changes nothing.
		this.mvc.perform(multipart("/plans/import").file(file(PLAN)).with(office).with(csrf()))
			.andExpect(flash().attribute("flash", containsString("giống hệt")));

		// A changed file is refused unless the Office asks to replace.
		var changed = PLAN.replace("{at_least: 100}", "{at_least: 90}");
		this.mvc.perform(multipart("/plans/import").file(file(changed)).with(office).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("đã được nạp từ tệp plan-test.yaml")));
		assertThat(this.plans.find(CODE).orElseThrow().definition().indicators().get(0).targets().get(0).value())
			.isEqualByComparingTo("100");
		this.mvc
			.perform(multipart("/plans/import").file(file(changed)).param("replace", "true").with(office).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.plans.find(CODE).orElseThrow().definition().indicators().get(0).targets().get(0).value())
			.as("the plan in use changes only when the new draft is published")
			.isEqualByComparingTo("100");
		publish(2);
		assertThat(this.plans.find(CODE).orElseThrow().definition().indicators().get(0).targets().get(0).value())
			.isEqualByComparingTo("90");
		var change = this.jdbc.queryForMap("""
				select field, old_value, new_value from audit_event
				where action = 'TARGET_CHANGED' and entity_id = ? order by id desc limit 1""", CODE + "/T-01#1");
		assertThat(change).containsEntry("field", "T-01")
			.containsEntry("old_value", "AT_LEAST 100 by 2024-2025")
			.containsEntry("new_value", "AT_LEAST 90 by 2024-2025");
	}

	@Test
	void shouldRefuseAnEmptyUpload() throws Exception {
		this.mvc
			.perform(multipart("/plans/import").file(new MockMultipartFile("file", "x.yaml", "text/yaml", new byte[0]))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(content().string(containsString("Chưa chọn tệp nào.")));
	}

	private long loads() {
		return this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'PLAN_DRAFTED' and entity_id = ? and actor = ?",
				Long.class, CODE, Logins.OFFICE);
	}

	private void publish(int number) throws Exception {
		this.mvc
			.perform(post("/plans/" + CODE + "/draft/publish").param("number", String.valueOf(number))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/plans/" + CODE));
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private static MockMultipartFile file(String content) {
		return new MockMultipartFile("file", "plan-test.yaml", "application/yaml",
				content.getBytes(StandardCharsets.UTF_8));
	}

}
