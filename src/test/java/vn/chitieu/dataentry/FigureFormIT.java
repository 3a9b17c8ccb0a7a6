package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.orgunit.EducationLevel;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A school's yearly form: drafts, checks, submission, the Office's review, the locks, and
 * two people saving the same form.
 */
@IntegrationTest
class FigureFormIT {

	/**
	 * Single-level primary schools of the sample district that only this test touches.
	 */
	private static final String SCHOOL = "TH-MAU-05";

	private static final String OTHER = "TH-MAU-06";

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
		this.support.reset(SCHOOL);
		this.support.reset(OTHER);
	}

	@Test
	void shouldShowTheSchoolItsFormWithLastYearsValues() throws Exception {
		var form = this.support.form(SCHOOL);
		assertThat(form.sections()).isNotEmpty().allSatisfy((s) -> assertThat(s.level()).isEqualTo(EducationLevel.TH));
		assertThat(form.sections().stream().flatMap((s) -> s.metrics().stream()))
			.allSatisfy((m) -> assertThat(m.appliesTo(EducationLevel.TH)).isTrue())
			.anySatisfy((m) -> assertThat(m.code()).isEqualTo("pupils"));
		var lastPupils = form.lastYear().get(new FigureKey("pupils", EducationLevel.TH));
		assertThat(lastPupils).isNotNull();
		this.mvc.perform(get(this.support.schoolPath(SCHOOL)).with(this.logins.as(username(SCHOOL))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Tổng số học sinh"), containsString("Năm trước"),
					containsString("name=\"f.TH.pupils\""), containsString("Lưu nháp"),
					containsString("Gửi Phòng GD&amp;ĐT duyệt"))));
	}

	@Test
	void shouldKeepASchoolOutOfAnotherSchoolsForm() throws Exception {
		var intruder = this.logins.as(username(OTHER));
		this.mvc.perform(get(this.support.schoolPath(SCHOOL)).with(intruder)).andExpect(status().isForbidden());
		this.mvc
			.perform(FormSupport.post(this.support.schoolPath(SCHOOL), Map.of(pupils(), "123"), -1, "save")
				.with(intruder))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(this.support.schoolPath(SCHOOL) + "/template.xlsx").with(intruder))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/audit").param("unit", String.valueOf(this.support.id(SCHOOL))).with(intruder))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("TH/pupils"))));
		assertThat(submission(SCHOOL)).isNull();
	}

	@Test
	void shouldRefuseBadValuesWithAMessageNextToTheFieldAndSaveNothing() throws Exception {
		var school = this.logins.as(username(SCHOOL));
		var values = new LinkedHashMap<FigureKey, String>();
		values.put(pupils(), "abc");
		values.put(key("classes"), "12,5");
		values.put(key("managers"), "-1");
		values.put(key("teachers"), "100000");
		values.put(key("land_area_m2"), "12.000");
		this.mvc.perform(FormSupport.post(this.support.schoolPath(SCHOOL), values, -1, "save").with(school))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Chưa lưu được"),
					containsString("Chỉ nhập số, ví dụ 1234 hoặc 12,5."),
					containsString("Chỉ nhập số nguyên (không có phần thập phân)."),
					containsString("Giá trị phải từ 0 trở lên."), containsString("Giá trị không được lớn hơn 1.000."),
					// What the user typed stays in the fields.
					containsString("value=\"abc\""), containsString("value=\"12.000\""))));
		assertThat(submission(SCHOOL)).as("nothing saved").isNull();
	}

	@Test
	void shouldReportRangeErrorsBesideAFormatErrorInTheSameSave() throws Exception {
		var school = this.logins.as(username(SCHOOL));
		var values = new LinkedHashMap<FigureKey, String>();
		values.put(pupils(), "abc");
		values.put(key("managers"), "-5");
		values.put(key("teachers"), "20.000");
		var html = this.mvc.perform(FormSupport.post(this.support.schoolPath(SCHOOL), values, -1, "save").with(school))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The server's own list, each item leading to its field: the format error and
		// both
		// range errors at once.
		var list = section(html, "id=\"problems-values\"");
		assertThat(list).contains("3 ô có giá trị chưa đúng")
			.contains("href=\"#f-TH-pupils\"")
			.contains("Chỉ nhập số")
			.contains("href=\"#f-TH-managers\"")
			.contains("Giá trị phải từ 0 trở lên.")
			.contains("href=\"#f-TH-teachers\"")
			.contains("Giá trị không được lớn hơn");
		assertThat(submission(SCHOOL)).as("nothing saved").isNull();
	}

	@Test
	void shouldListBlanksAndBrokenRulesApartOnSubmit() throws Exception {
		var school = this.logins.as(username(SCHOOL));
		var values = new LinkedHashMap<>(this.support.complete(SCHOOL));
		values.put(key("classes"), "");
		values.put(key("managers"), "");
		values.put(key("teachers"), "40");
		values.put(key("teachers_university_plus"), "45");
		var html = this.mvc
			.perform(FormSupport.post(this.support.schoolPath(SCHOOL), values, -1, "submit").with(school))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var blanks = section(html, "id=\"problems-blanks\"");
		assertThat(blanks).contains("2 ô chưa nhập")
			.contains("href=\"#f-TH-classes\"")
			.contains("href=\"#f-TH-managers\"")
			.doesNotContain("không được lớn hơn");
		var rules = section(html, "id=\"problems-rules\"");
		assertThat(rules).contains("1 quy tắc chưa thỏa")
			.contains("«GV có trình độ đại học trở lên» (45) không được lớn hơn «Số giáo viên» (40).")
			.contains("href=\"#f-TH-teachers")
			.doesNotContain("#f-TH-classes");
		assertThat(html).doesNotContain("id=\"problems-values\"");
		assertThat(submission(SCHOOL)).isNull();
	}

	/** The element that starts with a marker, up to its list's end. */
	private static String section(String html, String marker) {
		int start = html.indexOf(marker);
		assertThat(start).as(marker).isNotNegative();
		return html.substring(start, html.indexOf("</ul>", start));
	}

	@Test
	void shouldSaveAnIncompleteDraftAndAuditEveryChange() throws Exception {
		var school = this.logins.as(username(SCHOOL));
		var values = Map.of(pupils(), "1.234", key("classes"), "30", key("land_area_m2"), "12500,5");
		this.mvc.perform(FormSupport.post(this.support.schoolPath(SCHOOL), values, -1, "save").with(school))
			.andExpect(redirectedUrl(this.support.schoolPath(SCHOOL)))
			.andExpect(flash().attribute("flash", containsString("3 số liệu thay đổi")));
		var saved = submission(SCHOOL);
		assertThat(saved.get("status")).isEqualTo("DRAFT");
		assertThat(figure(SCHOOL, "pupils")).isEqualByComparingTo("1234");
		assertThat(figure(SCHOOL, "land_area_m2")).isEqualByComparingTo("12500.5");
		int version = (Integer) saved.get("version");

		// A second save changes one figure and clears another.
		var changed = Map.of(pupils(), "1240", key("classes"), "30", key("land_area_m2"), "");
		this.mvc.perform(FormSupport.post(this.support.schoolPath(SCHOOL), changed, version, "save").with(school))
			.andExpect(flash().attribute("flash", containsString("2 số liệu thay đổi")));
		assertThat(figure(SCHOOL, "land_area_m2")).isNull();
		var audit = this.jdbc.queryForList("""
				select field, old_value, new_value, actor from audit_event
				where action = 'FIGURE_CHANGED' and unit_id = ? and school_year = 2024 and field = 'TH/pupils'
				order by id""", this.support.id(SCHOOL));
		assertThat(audit).hasSizeGreaterThanOrEqualTo(2);
		var last = audit.get(audit.size() - 1);
		assertThat(last).containsEntry("old_value", "1234")
			.containsEntry("new_value", "1240")
			.containsEntry("actor", username(SCHOOL));
	}

	@Test
	void shouldIgnoreFieldsThatAreNotOnTheSchoolsForm() throws Exception {
		var values = Map.of(pupils(), "1000", new FigureKey("children_enrolled", EducationLevel.MN), "999",
				new FigureKey("city_grade10_pass_rate", null), "99");
		this.mvc
			.perform(FormSupport.post(this.support.schoolPath(SCHOOL), values, -1, "save")
				.with(this.logins.as(username(SCHOOL))))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("""
				select metric_code from figure f join submission s on s.id = f.submission_id
				where s.unit_id = ? and s.school_year = 2024""", String.class, this.support.id(SCHOOL)))
			.containsExactly("pupils");
	}

	@Test
	void shouldSubmitOnlyACompleteAndValidReport() throws Exception {
		var school = this.logins.as(username(SCHOOL));
		var incomplete = new LinkedHashMap<>(this.support.complete(SCHOOL));
		incomplete.put(key("teachers"), "");
		this.mvc.perform(FormSupport.post(this.support.schoolPath(SCHOOL), incomplete, -1, "submit").with(school))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vui lòng nhập số liệu này trước khi gửi.")));
		assertThat(submission(SCHOOL)).as("a refused submission saves nothing").isNull();

		var contradictory = new LinkedHashMap<>(this.support.complete(SCHOOL));
		contradictory.put(key("teachers"), "40");
		contradictory.put(key("teachers_university_plus"), "45");
		this.mvc.perform(FormSupport.post(this.support.schoolPath(SCHOOL), contradictory, -1, "submit").with(school))
			.andExpect(content().string(
					containsString("«GV có trình độ đại học trở lên» (45) không được lớn hơn «Số giáo viên» (40).")));
		assertThat(submission(SCHOOL)).isNull();

		this.mvc
			.perform(FormSupport.post(this.support.schoolPath(SCHOOL), this.support.complete(SCHOOL), -1, "submit")
				.with(school))
			.andExpect(flash().attribute("flash", containsString("Đã gửi báo cáo")));
		assertThat(submission(SCHOOL).get("status")).isEqualTo("SUBMITTED");
	}

	@Test
	void shouldGoThroughReturnCorrectionAndApproval() throws Exception {
		var school = this.logins.as(username(SCHOOL));
		var office = this.logins.as(Logins.OFFICE);
		var path = this.support.schoolPath(SCHOOL);
		this.mvc.perform(FormSupport.post(path, this.support.complete(SCHOOL), -1, "submit").with(school));
		var submitted = submission(SCHOOL);
		long id = ((Number) submitted.get("id")).longValue();
		int version = (Integer) submitted.get("version");

		// Locked for the school while it waits.
		this.mvc.perform(FormSupport.post(path, Map.of(pupils(), "1"), version, "save").with(school))
			.andExpect(flash().attribute("problem", containsString("đang chờ duyệt")));
		this.mvc.perform(get(path).with(school))
			.andExpect(content()
				.string(allOf(containsString("đang chờ duyệt"), not(containsString("name=\"f.TH.pupils\"")))));

		// The school cannot review itself.
		this.mvc.perform(review(id, "approve", "", version).with(school)).andExpect(status().isForbidden());

		// Returning needs a comment.
		this.mvc.perform(review(id, "return", "  ", version).with(office))
			.andExpect(flash().attribute("problem", containsString("Vui lòng ghi ý kiến")));
		assertThat(submission(SCHOOL).get("status")).isEqualTo("SUBMITTED");
		this.mvc.perform(review(id, "return", "Kiểm tra lại số học sinh.", version).with(office))
			.andExpect(flash().attribute("flash", containsString("trả lại")));
		assertThat(submission(SCHOOL).get("status")).isEqualTo("RETURNED");

		// The school sees the comment where it edits, corrects, and the report is a draft
		// again.
		this.mvc.perform(get(path).with(school))
			.andExpect(content()
				.string(allOf(containsString("Kiểm tra lại số học sinh."), containsString("name=\"f.TH.pupils\""))));
		int returned = (Integer) submission(SCHOOL).get("version");
		var corrected = new LinkedHashMap<>(this.support.complete(SCHOOL));
		corrected.put(pupils(), new BigDecimal(corrected.get(pupils())).add(BigDecimal.ONE).toPlainString());
		this.mvc.perform(FormSupport.post(path, corrected, returned, "save").with(school));
		assertThat(submission(SCHOOL).get("status")).isEqualTo("DRAFT");
		assertThat(submission(SCHOOL).get("comment")).isEqualTo("Kiểm tra lại số học sinh.");
		this.mvc.perform(
				FormSupport.post(path, corrected, (Integer) submission(SCHOOL).get("version"), "submit").with(school));
		assertThat(submission(SCHOOL).get("status")).isEqualTo("SUBMITTED");

		// The Office approves; the figures are locked.
		this.mvc.perform(review(id, "approve", "", (Integer) submission(SCHOOL).get("version")).with(office))
			.andExpect(flash().attribute("flash", containsString("Đã duyệt")));
		assertThat(submission(SCHOOL).get("status")).isEqualTo("APPROVED");
		assertThat(submission(SCHOOL).get("comment")).isNull();
		this.mvc
			.perform(
					FormSupport.post(path, corrected, (Integer) submission(SCHOOL).get("version"), "save").with(school))
			.andExpect(flash().attribute("problem", containsString("đã được duyệt")));

		// Approving twice is refused; reopening needs a reason.
		int approved = (Integer) submission(SCHOOL).get("version");
		this.mvc.perform(review(id, "approve", "", approved).with(office))
			.andExpect(flash().attribute("problem", containsString("chỉ có thể mở lại")));
		this.mvc.perform(review(id, "reopen", "Sai diện tích đất", approved).with(office))
			.andExpect(flash().attribute("flash", containsString("mở lại")));
		assertThat(submission(SCHOOL).get("status")).isEqualTo("RETURNED");
		assertThat(this.jdbc.queryForList("""
				select new_value from audit_event where action = 'STATUS_CHANGED' and entity_id = ? order by id""",
				String.class, String.valueOf(id)))
			.containsSubsequence("SUBMITTED", "RETURNED", "DRAFT", "SUBMITTED", "APPROVED", "RETURNED");
	}

	@Test
	void shouldNeverLetASecondSaveOverwriteTheFirstSilently() throws Exception {
		var school = this.logins.as(username(OTHER));
		var path = this.support.schoolPath(OTHER);
		// Both open the form: no report yet (version -1).
		long opened = System.currentTimeMillis() - 1000;
		this.mvc.perform(FormSupport.post(path, Map.of(pupils(), "900"), -1, "save", opened).with(school));
		var second = this.mvc.perform(FormSupport.post(path, Map.of(pupils(), "950"), -1, "save", opened).with(school))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("sau khi bạn mở trang này"), containsString("CHƯA được lưu"),
							containsString("Tổng số học sinh: — → 900"), containsString("value=\"950\""))))
			.andReturn();
		assertThat(figure(OTHER, "pupils")).as("the first save stands").isEqualByComparingTo("900");
		// The refused page carries the current version: saving again now goes through.
		var html = second.getResponse().getContentAsString();
		var version = Integer.parseInt(html.replaceAll("(?s).*name=\"version\" value=\"(-?\\d+)\".*", "$1"));
		this.mvc.perform(FormSupport.post(path, Map.of(pupils(), "950"), version, "save").with(school))
			.andExpect(status().is3xxRedirection());
		assertThat(figure(OTHER, "pupils")).isEqualByComparingTo("950");
	}

	@Test
	void shouldKeepAClosedYearReadOnly() throws Exception {
		var school = this.logins.as(username(SCHOOL));
		var path = "/schools/" + this.support.id(SCHOOL) + "/figures/2023-2024";
		this.mvc.perform(get(path).with(school))
			.andExpect(content().string(allOf(containsString("Năm học này đã khóa"), not(containsString("Lưu nháp")))));
		this.mvc.perform(FormSupport.post(path, Map.of(pupils(), "1"), 0, "save").with(school))
			.andExpect(flash().attribute("problem", containsString("đã khóa")));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder review(long id, String decision,
			String comment, int version) {
		return post("/submissions/{id}/review", id).param("decision", decision)
			.param("comment", comment)
			.param("confirm", "1")
			.param("version", String.valueOf(version))
			.with(csrf());
	}

	private Map<String, Object> submission(String code) {
		var rows = this.jdbc.queryForList("select * from submission where unit_id = ? and school_year = 2024",
				this.support.id(code));
		return rows.isEmpty() ? null : rows.get(0);
	}

	private BigDecimal figure(String code, String metric) {
		var rows = this.jdbc.queryForList("""
				select f.value from figure f join submission s on s.id = f.submission_id
				where s.unit_id = ? and s.school_year = 2024 and f.metric_code = ?""", BigDecimal.class,
				this.support.id(code), metric);
		return rows.isEmpty() ? null : rows.get(0);
	}

	private static FigureKey pupils() {
		return key("pupils");
	}

	private static FigureKey key(String metric) {
		return new FigureKey(metric, EducationLevel.TH);
	}

	private static String username(String code) {
		return code.toLowerCase(java.util.Locale.ROOT);
	}

}
