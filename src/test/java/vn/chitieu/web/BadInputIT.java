package vn.chitieu.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.dataentry.FigureForms;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.planning.Plans;
import vn.chitieu.testsupport.FormSupport;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests a hostile afternoon sent that ended in a server error: each now gets a clear
 * answer and changes nothing.
 */
@IntegrationTest
class BadInputIT {

	private static final String SCHOOL = "TH-MAU-09";

	@Autowired
	vn.chitieu.planning.PlanVersions versions;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	OrgUnits units;

	@Autowired
	FigureForms forms;

	@Autowired
	Plans plans;

	@Autowired
	JdbcTemplate jdbc;

	Logins logins;

	FormSupport support;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
		this.support = new FormSupport(this.units, this.forms, this.userDetails, this.jdbc);
		this.support.reset(SCHOOL);
	}

	@Test
	void shouldShowAnEmptyPageForAnAuditPageFarBeyondTheEnd() throws Exception {
		for (var page : new String[] { "42949673", "2147483647", "-2147483648" }) {
			this.mvc.perform(get("/audit").param("page", page).with(this.logins.as(Logins.OFFICE)))
				.andExpect(status().isOk());
		}
	}

	@Test
	void shouldRefuseAFormPostWithAVersionButNoReportYetAndSaveNothing() throws Exception {
		var values = this.support.complete(SCHOOL);
		this.mvc
			.perform(FormSupport.post(this.support.schoolPath(SCHOOL), values, 3, "save")
				.with(this.logins.as(SCHOOL.toLowerCase())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", containsString("Không có gì được lưu")));
		// No version at all is as stale.
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post(this.support.schoolPath(SCHOOL))
			.param("action", "save")
			.with(csrf())
			.with(this.logins.as(SCHOOL.toLowerCase()));
		values.forEach((key, value) -> request.param(key.fieldName(), value));
		this.mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", containsString("Không có gì được lưu")));
		assertThat(this.support.form(SCHOOL).submission()).as("nothing saved").isEmpty();
	}

	@Test
	void shouldRefuseAPlanFileWithAFieldTooLongForTheDatabaseNamingItsLine() throws Exception {
		var plan = """
				format: chitieu/1
				plan:
				  code: KH-TEST-BAD-INPUT
				  title_vi: "Kế hoạch thử"
				  title_en: "Test plan"
				  issuer: "UBND quận Long Biên"
				  baseline_year: 2022-2023
				  target_year: 2024-2025
				indicators:
				  - code: T-01
				    level: TH
				    clause: "%s"
				    quote: "%s"
				    name_vi: "Tỷ lệ giáo viên"
				    name_en: "Teachers"
				    unit: percent
				    measure: {kind: ratio, numerator: teachers_university_plus, denominator: teachers}
				    target: {at_least: 90}
				""";
		importPlan("kh.yaml", plan.formatted("I".repeat(41), "trích dẫn"))
			.andExpect(content().string(containsString("Dòng 12: Giá trị này quá dài: 41 ký tự, tối đa 40.")));
		importPlan("kh.yaml", plan.formatted("1", "trích\\0dẫn"))
			.andExpect(content().string(containsString("Dòng 13: Đoạn chữ này chứa ký tự điều khiển")));
		assertThat(this.plans.find("KH-TEST-BAD-INPUT")).isEmpty();

		// A file name longer than any column, with a NUL in it, is loaded under a name
		// that fits.
		try {
			this.mvc.perform(multipart("/plans/import")
				.file(new MockMultipartFile("file", "k\0" + "h".repeat(300) + ".yaml", "application/yaml",
						plan.formatted("1", "trích dẫn").getBytes(StandardCharsets.UTF_8)))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf())).andExpect(status().is3xxRedirection());
			assertThat(this.versions.draft("KH-TEST-BAD-INPUT").orElseThrow().summary().source()).hasSizeLessThan(201)
				.doesNotContain("\0");
		}
		finally {
			this.jdbc.update("delete from plan where code = 'KH-TEST-BAD-INPUT'");
			this.jdbc.update("delete from metric_rule where owner = 'plan:KH-TEST-BAD-INPUT'");
		}
	}

	@Test
	void shouldAnswerANullCharacterInAnyTextWithAMessageNotAServerError() throws Exception {
		// The audit trail's filter by user.
		this.mvc.perform(get("/audit").param("actor", "phong\0gd").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk());
		// A login name.
		this.mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
				.formLogin("/login")
				.user("thcs\0aimo")
				.password(Logins.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers
				.unauthenticated());
		// A reviewer's comment.
		var submitted = this.jdbc.queryForMap(
				"select id, version from submission where status = 'SUBMITTED' and school_year = ? order by id limit 1",
				FormSupport.YEAR.startYear());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/submissions/" + submitted.get("id") + "/review")
				.param("decision", "return")
				.param("comment", "Sai số\0liệu")
				.param("version", String.valueOf(submitted.get("version")))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", containsString("ký tự điều khiển")));
		assertThat(this.jdbc.queryForObject("select status from submission where id = ?", String.class,
				submitted.get("id")))
			.isEqualTo("SUBMITTED");
		// A note beside a figure.
		var values = this.support.complete(SCHOOL);
		var key = values.keySet().iterator().next();
		var request = FormSupport.post(this.support.schoolPath(SCHOOL), values, -1, "save")
			.param("n." + key.fieldName().substring(2), "ghi\0chú")
			.with(this.logins.as(SCHOOL.toLowerCase()));
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ký tự điều khiển")));
		assertThat(this.support.form(SCHOOL).submission()).as("nothing saved").isEmpty();
	}

	private org.springframework.test.web.servlet.ResultActions importPlan(String name, String text) throws Exception {
		return this.mvc
			.perform(multipart("/plans/import")
				.file(new MockMultipartFile("file", name, "application/yaml", text.getBytes(StandardCharsets.UTF_8)))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().isOk());
	}

}
