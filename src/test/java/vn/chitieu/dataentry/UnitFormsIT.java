package vn.chitieu.dataentry;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.testsupport.FormSupport;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ward form, the Office's own district figures, and the pages around review: the
 * queue, completeness, the audit trail.
 */
@IntegrationTest
class UnitFormsIT {

	private static final String WARD = "P-LONGBIEN";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrgUnits units;

	@Autowired
	FigureForms forms;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	Logins logins;

	FormSupport support;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
		this.support = new FormSupport(this.units, this.forms, this.userDetails, this.jdbc);
		this.support.reset(WARD);
	}

	@Test
	void shouldLetAWardEnterItsPopulationWithTheCohortsAddingUp() throws Exception {
		var ward = this.logins.as("p-longbien");
		var values = new LinkedHashMap<>(this.support.complete(WARD));
		values.put(new FigureKey("population_age_3_5", null), "1000");
		values.put(new FigureKey("population_age_3_4", null), "700");
		values.put(new FigureKey("population_age_5", null), "350");
		this.mvc.perform(FormSupport.post(this.support.wardPath(WARD), values, -1, "submit").with(ward))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("Dân số 3-4 tuổi cộng dân số 5 tuổi phải bằng dân số 3-5 tuổi.")));
		values.put(new FigureKey("population_age_5", null), "300");
		this.mvc.perform(FormSupport.post(this.support.wardPath(WARD), values, -1, "submit").with(ward))
			.andExpect(flash().attribute("flash", containsString("Đã gửi")));
		assertThat(this.support.form(WARD).submission().orElseThrow().status()).isEqualTo(SubmissionStatus.SUBMITTED);
		this.mvc.perform(get(this.support.wardPath("P-GIATHUY")).with(ward)).andExpect(status().isForbidden());
		this.mvc.perform(FormSupport.post(this.support.wardPath("P-GIATHUY"), values, -1, "save").with(ward))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(this.support.schoolPath("TH-MAU-05")).with(ward)).andExpect(status().isForbidden());
	}

	@Test
	void shouldLetTheOfficeEnterDistrictFiguresWithEvidence() throws Exception {
		var office = this.logins.as(Logins.OFFICE);
		var path = "/district/figures/2024-2025";
		var form = this.forms.open(this.support.user(Logins.OFFICE), this.units.district().orElseThrow().id(),
				FormSupport.YEAR);
		var key = new FigureKey("city_grade10_pass_rate", null);
		this.mvc
			.perform(post(path).param(key.fieldName(), "67,2")
				.param("n" + key.fieldName().substring(1), "")
				.param("version", String.valueOf(form.version()))
				.param("openedAt", String.valueOf(System.currentTimeMillis()))
				.with(office)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hãy ghi chú minh chứng cho số liệu này")));
		this.mvc
			.perform(post(path).param(key.fieldName(), "67,2")
				.param("f.-.region5_grade10_pass_rate", "71,5")
				.param("n" + key.fieldName().substring(1), "Công văn 1234/SGDĐT ngày 10/7/2025")
				.param("n.-.region5_grade10_pass_rate", "Công văn 1234/SGDĐT ngày 10/7/2025")
				.param("version", String.valueOf(form.version()))
				.param("openedAt", String.valueOf(System.currentTimeMillis()))
				.with(office)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		var saved = this.forms.open(this.support.user(Logins.OFFICE), this.units.district().orElseThrow().id(),
				FormSupport.YEAR);
		assertThat(saved.values().get(key)).isEqualByComparingTo("67.2");
		assertThat(saved.notes().get(key)).isEqualTo("Công văn 1234/SGDĐT ngày 10/7/2025");
		assertThat(saved.submission().orElseThrow().status()).as("counts at once").isEqualTo(SubmissionStatus.APPROVED);
		// A leader reads them; a school does not reach them at all.
		this.mvc.perform(get(path).with(this.logins.as(Logins.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Công văn 1234/SGDĐT"),
					not(containsString("name=\"f.-.city_grade10_pass_rate\"")))));
		this.mvc.perform(post(path).param(key.fieldName(), "1").with(this.logins.as(Logins.VIEWER)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(path).with(this.logins.as("th-mau-05"))).andExpect(status().isForbidden());
	}

	@Test
	void shouldListTheReportsWaitingForReviewAndWhoHasNotReported() throws Exception {
		var office = this.logins.as(Logins.OFFICE);
		var waiting = this.jdbc.queryForList("""
				select u.name from submission s join org_unit u on u.id = s.unit_id
				where s.school_year = 2024 and s.status = 'SUBMITTED'""", String.class);
		assertThat(waiting).isNotEmpty();
		var queue = this.mvc.perform(get("/review").with(office))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(queue).contains(waiting);
		var notStarted = this.jdbc.queryForList("""
				select u.name from org_unit u where u.kind = 'SCHOOL'
				and (u.opened_year is null or u.opened_year <= 2024)
				and not exists (select 1 from submission s where s.unit_id = u.id and s.school_year = 2024)""",
				String.class);
		var page = this.mvc.perform(get("/completeness").param("status", "NONE").with(office))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(notStarted).contains("Theo cấp học").contains("Theo phường");
		this.mvc.perform(get("/completeness").with(this.logins.as("th-mau-05"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/review").with(this.logins.as(Logins.VIEWER))).andExpect(status().isForbidden());
	}

	@Test
	void shouldShowASchoolItsOwnHistoryOnlyWhateverItAsks() throws Exception {
		var school = "TH-MAU-09";
		this.support.reset(school);
		this.mvc.perform(FormSupport
			.post(this.support.schoolPath(school),
					Map.of(new FigureKey("pupils", vn.chitieu.orgunit.EducationLevel.TH), "777"), -1, "save")
			.with(this.logins.as("th-mau-09")));
		var otherId = this.support.id("TH-MAU-05");
		this.mvc.perform(get("/audit").param("unit", String.valueOf(otherId)).with(this.logins.as("th-mau-09")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Tiểu học — Tổng số học sinh"), containsString("777"),
					not(containsString("Trường Tiểu học Mẫu 05")))));
		this.mvc.perform(get("/audit").param("actor", "th-mau-09").with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(allOf(containsString("Trường Tiểu học Mẫu 09"), containsString("777"))));
		this.mvc.perform(get("/audit").with(this.logins.as(Logins.VIEWER))).andExpect(status().isForbidden());
	}

}
