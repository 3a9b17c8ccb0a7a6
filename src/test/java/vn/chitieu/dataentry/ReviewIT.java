package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

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
 * The Office's review: the summary of what needs a look, approving with a confirmation
 * and on to the next report, the conversation that stays with a report, and ward reports
 * counted with the schools'.
 */
@IntegrationTest
class ReviewIT {

	/** Primary schools of the sample district that only this test touches. */
	private static final String SCHOOL = "TH-MAU-10";

	private static final String OTHER = "TH-MAU-11";

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
	void shouldKeepTheConversationWithTheReportAndMarkTheReturnAnsweredWhenSentAgain() throws Exception {
		var school = this.logins.as(SCHOOL.toLowerCase());
		var office = this.logins.as(Logins.OFFICE);
		var path = this.support.schoolPath(SCHOOL);
		var values = this.support.complete(SCHOOL);
		this.mvc.perform(FormSupport.post(path, values, -1, "submit").with(school))
			.andExpect(flash().attribute("flash", containsString("Đã gửi báo cáo")));
		long id = submissionId(SCHOOL);
		var comment = "Số học sinh chưa khớp sổ theo dõi, đề nghị kiểm tra lại.";
		this.mvc.perform(review(id, "return", comment, version(SCHOOL)).with(office))
			.andExpect(flash().attribute("flash", containsString("trả lại")));

		// The school sees the comment, not answered yet, and may reply.
		this.mvc.perform(get(path).with(school))
			.andExpect(content().string(allOf(containsString("Trao đổi về báo cáo"), containsString(comment),
					containsString("Chưa trả lời"), containsString("name=\"text\""))));
		this.mvc.perform(post(path + "/messages").param("text", "   ").with(school).with(csrf()))
			.andExpect(flash().attribute("threadProblem", containsString("Vui lòng ghi nội dung trả lời")));
		var reply = "Trường đã đối chiếu lại sổ theo dõi; số học sinh đã sửa.";
		this.mvc.perform(post(path + "/messages").param("text", reply).with(school).with(csrf()))
			.andExpect(redirectedUrl(path + "#thread"))
			.andExpect(flash().attribute("flash", containsString("Đã gửi trả lời")));

		// Another school may neither write in it nor read it; the viewer reads it only.
		this.mvc
			.perform(post(path + "/messages").param("text", "Xen vào.")
				.with(this.logins.as(OTHER.toLowerCase()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(path).with(this.logins.as(OTHER.toLowerCase()))).andExpect(status().isForbidden());
		this.mvc.perform(
				post(path + "/messages").param("text", "Xem thôi.").with(this.logins.as(Logins.VIEWER)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(path).with(this.logins.as(Logins.VIEWER)))
			.andExpect(content()
				.string(allOf(containsString(comment), containsString(reply), not(containsString("name=\"text\"")))));
		assertThat(
				this.jdbc.queryForObject("select count(*) from report_message where submission_id = ?", Long.class, id))
			.as("nothing written by others")
			.isEqualTo(2);

		// The reviewer sees the thread with who wrote what (the name; the login in a
		// tooltip).
		var schoolName = this.jdbc.queryForObject("select display_name from app_user where username = ?", String.class,
				SCHOOL.toLowerCase());
		this.mvc.perform(get(path).with(office))
			.andExpect(content().string(allOf(containsString(reply), containsString(schoolName),
					containsString("title=\"" + SCHOOL.toLowerCase() + "\""))));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'REPORT_REPLIED' and entity_id = ? and actor = ?",
				Long.class, String.valueOf(id), SCHOOL.toLowerCase()))
			.as("audited")
			.isEqualTo(1);

		// Sent again: the return comment is marked as answered.
		var corrected = new LinkedHashMap<>(values);
		this.mvc.perform(FormSupport.post(path, corrected, version(SCHOOL), "submit").with(school))
			.andExpect(flash().attribute("flash", containsString("Đã gửi báo cáo")));
		assertThat(this.jdbc.queryForObject(
				"select answered_at is not null from report_message where submission_id = ? and kind = 'RETURN'",
				Boolean.class, id))
			.isTrue();
		this.mvc.perform(get(path).with(office))
			.andExpect(content().string(allOf(containsString("Đã trả lời: báo cáo đã được gửi lại lúc"),
					not(containsString("Chưa trả lời")))));
	}

	@Test
	void shouldAskToConfirmAnApprovalAndMoveOnToTheNextReportInTheQueue() throws Exception {
		var office = this.logins.as(Logins.OFFICE);
		this.mvc.perform(FormSupport.post(this.support.schoolPath(SCHOOL), this.support.complete(SCHOOL), -1, "submit")
			.with(this.logins.as(SCHOOL.toLowerCase())));
		long id = submissionId(SCHOOL);
		this.mvc.perform(get(this.support.schoolPath(SCHOOL)).with(office))
			.andExpect(content().string(allOf(containsString("id=\"approve-confirm\""), containsString("required"),
					containsString("Duyệt và mở báo cáo tiếp theo"))));

		// Without the tick (no JavaScript, or a forged request), nothing is approved.
		this.mvc
			.perform(post("/submissions/{id}/review", id).param("decision", "approve")
				.param("version", String.valueOf(version(SCHOOL)))
				.with(office)
				.with(csrf()))
			.andExpect(flash().attribute("problem", containsString("hãy đánh dấu ô xác nhận")));
		assertThat(reportStatus(SCHOOL)).isEqualTo("SUBMITTED");

		// Approved with the tick, on to the oldest report still waiting.
		var waiting = this.jdbc.queryForList("""
				select s.unit_id, u.kind from submission s join org_unit u on u.id = s.unit_id
				where s.school_year = 2024 and s.status = 'SUBMITTED' and s.id <> ? order by s.submitted_at limit 1
				""", id);
		assertThat(waiting).as("the sample district has reports waiting").isNotEmpty();
		var next = waiting.get(0);
		var nextPath = ("WARD".equals(next.get("kind")) ? "/wards/" : "/schools/") + next.get("unit_id")
				+ "/figures/2024-2025";
		this.mvc.perform(review(id, "approve", "", version(SCHOOL)).param("next", "1").with(office))
			.andExpect(redirectedUrl(nextPath))
			.andExpect(flash().attribute("flash", containsString("Đã duyệt báo cáo của")));
		assertThat(reportStatus(SCHOOL)).isEqualTo("APPROVED");
	}

	@Test
	void shouldStartTheReviewWithTheLargestChangesAndTheRulesCloseToTheirLimits() throws Exception {
		var values = new LinkedHashMap<>(this.support.complete(SCHOOL));
		var pupils = new FigureKey("pupils", EducationLevel.TH);
		var teachers = new FigureKey("teachers", EducationLevel.TH);
		var university = new FigureKey("teachers_university_plus", EducationLevel.TH);
		var lastPupils = new BigDecimal(values.get(pupils));
		values.put(pupils,
				lastPupils.multiply(new BigDecimal("1.3")).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString());
		values.put(university, values.get(teachers));
		this.mvc
			.perform(FormSupport.post(this.support.schoolPath(SCHOOL), values, -1, "submit")
				.with(this.logins.as(SCHOOL.toLowerCase())))
			.andExpect(flash().attribute("flash", containsString("Đã gửi báo cáo")));
		var html = this.mvc.perform(get(this.support.schoolPath(SCHOOL)).with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var summary = html.substring(html.indexOf("id=\"review-summary\""), html.indexOf("id=\"approve-form\""));
		assertThat(summary).contains("Thay đổi lớn nhất so với năm trước", "Tổng số học sinh")
			.containsPattern(
					"Tổng số học sinh</span>:\\s*<span>[\\d.]+ → [\\d.]+</span>\\s*<span[^>]*>\\(\\+[\\d.]+; \\+(29,9|30) %\\)");
		assertThat(summary).contains("Ràng buộc giữa các số liệu sát giới hạn");
		// Each rule listed holds, its two sides no more than 5 % apart.
		var near = Pattern.compile("<li>«[^<]*\\((\\d[\\d.,]*)\\) (≤|<|≥|>) [^<]*\\((\\d[\\d.,]*)\\)</li>")
			.matcher(summary.substring(summary.indexOf("id=\"near-limits\"")));
		int listed = 0;
		while (near.find()) {
			var left = new BigDecimal(near.group(1).replace(".", "").replace(',', '.'));
			var right = new BigDecimal(near.group(3).replace(".", "").replace(',', '.'));
			assertThat(left.subtract(right).abs().doubleValue()).as(near.group())
				.isLessThanOrEqualTo(0.05 * left.abs().max(right.abs()).doubleValue());
			assertThat(near.group(2).equals("≤") || near.group(2).equals("<") ? left.compareTo(right) <= 0
					: left.compareTo(right) >= 0)
				.as("%s holds", near.group())
				.isTrue();
			listed++;
		}
		assertThat(listed).as("rules listed near their limit").isPositive();
		assertThat(html.indexOf("id=\"review-summary\"")).as("the summary comes before the figures")
			.isLessThan(html.indexOf("id=\"figures-form\""));
	}

	@Test
	void shouldCountWardReportsOnTheOfficeHomeAsTheQueueDoesAndListThemOnTheCompletenessPage() throws Exception {
		var office = this.logins.as(Logins.OFFICE);
		var queue = this.mvc.perform(get("/review").with(office)).andReturn().getResponse().getContentAsString();
		var home = this.mvc.perform(get("/").with(office)).andReturn().getResponse().getContentAsString();
		var inQueue = number(queue, "(\\d+) báo cáo năm học");
		assertThat(queue).as("the queue holds ward reports").contains("/wards/");
		assertThat(number(home, "Duyệt báo cáo \\((\\d+) chờ duyệt\\)")).isEqualTo(inQueue);
		var completeness = this.mvc.perform(get("/completeness").with(office))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var wardReports = completeness.substring(completeness.indexOf("id=\"ward-reports\""));
		for (var ward : this.units.wards(FormSupport.YEAR)) {
			assertThat(wardReports).contains(ward.name(), "/wards/" + ward.id() + "/figures/2024-2025");
		}
	}

	@Test
	void shouldWordTheAuditTrailInTheLanguageOfThePageWithPeoplesNames() throws Exception {
		var school = this.logins.as(OTHER.toLowerCase());
		var path = this.support.schoolPath(OTHER);
		var land = new FigureKey("land_area_m2", EducationLevel.TH);
		var eSchool = new FigureKey("is_e_school", EducationLevel.TH);
		var values = new LinkedHashMap<>(this.support.complete(OTHER));
		values.put(land, "14773");
		values.put(eSchool, "1");
		this.mvc.perform(FormSupport.post(path, values, -1, "save").with(school))
			.andExpect(flash().attribute("flash", containsString("nháp")));
		values.put(land, "14773,5");
		values.put(eSchool, "0");
		this.mvc.perform(FormSupport.post(path, values, version(OTHER), "submit").with(school))
			.andExpect(flash().attribute("flash", containsString("Đã gửi báo cáo")));
		var html = this.mvc
			.perform(get("/audit").param("unit", String.valueOf(this.support.id(OTHER)))
				.param("year", "2024")
				.with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
		assertThat(text).as("numbers in Vietnamese, the thousands grouped").contains("14.773 → 14.773,5");
		assertThat(text).as("yes/no in words").contains("Có → Không");
		assertThat(text).as("the status in words").contains("Tình trạng báo cáo", "Nháp → Đã gửi, chờ duyệt");
		assertThat(html).doesNotContain(">status<", "figures changed", "<code>" + OTHER.toLowerCase() + "</code>");
		var name = this.jdbc.queryForObject("select display_name from app_user where username = ?", String.class,
				OTHER.toLowerCase());
		assertThat(html).as("the name, the login on hover")
			.contains("title=\"" + OTHER.toLowerCase() + "\">" + name + "</span>");

		// The viewer may not read the audit trail: no link to it on a report.
		this.mvc.perform(get(path).with(this.logins.as(Logins.VIEWER)))
			.andExpect(content().string(not(containsString("Nhật ký thay đổi của báo cáo này"))));
		this.mvc.perform(get("/audit").with(this.logins.as(Logins.VIEWER))).andExpect(status().isForbidden());
		this.mvc.perform(get(path).with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(containsString("Nhật ký thay đổi của báo cáo này")));
	}

	@Test
	void shouldNotCallAWardASchoolWhenItSubmits() throws Exception {
		var ward = this.units.wards(FormSupport.YEAR).get(0);
		var html = this.mvc
			.perform(get("/wards/" + ward.id() + "/figures/2024-2025").with(this.logins.as(Logins.OFFICE)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("nhà trường không sửa");
		var form = this.mvc.perform(get(this.support.schoolPath(SCHOOL)).with(this.logins.as(SCHOOL.toLowerCase())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Gửi báo cáo cho Phòng GD&amp;ĐT? Sau khi gửi, đơn vị không sửa được")
			.doesNotContain("nhà trường không sửa");
	}

	private static int number(String html, String pattern) {
		var matcher = Pattern.compile(pattern).matcher(html);
		assertThat(matcher.find()).as(pattern).isTrue();
		return Integer.parseInt(matcher.group(1));
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
		return this.jdbc.queryForMap("select * from submission where unit_id = ? and school_year = 2024",
				this.support.id(code));
	}

	private long submissionId(String code) {
		return ((Number) submission(code).get("id")).longValue();
	}

	private int version(String code) {
		return (Integer) submission(code).get("version");
	}

	private String reportStatus(String code) {
		return (String) submission(code).get("status");
	}

}
