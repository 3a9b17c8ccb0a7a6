package vn.chitieu.orgunit;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.dataentry.FigureKey;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Office runs the school years: opens the next one, sets its deadlines, closes and
 * reopens it; the completeness page counts the days left and lists the late schools.
 * Every test that changes something runs in a transaction rolled back at its end, so the
 * sample district's years (2024-2025 open, the others closed) stay as other tests expect.
 */
@IntegrationTest
class SchoolYearsIT {

	/** A single-level primary school of the sample district. */
	private static final String SCHOOL = "TH-MAU-05";

	private static final String NEXT = "2025-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrgUnits units;

	@Autowired
	SchoolYears years;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@Test
	void shouldLetOnlyTheOfficeManageSchoolYears() throws Exception {
		long before = changes();
		this.mvc.perform(get("/admin/school-years").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Mở năm học " + NEXT), containsString("2024-2025"),
					containsString("Đang mở"), containsString("Đã khóa"))));
		for (var user : new String[] { Logins.ADMIN, Logins.VIEWER, "thcs-aimo", "p-bode" }) {
			this.mvc.perform(get("/admin/school-years").with(this.logins.as(user))).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/school-years").param("startYear", "2025").with(this.logins.as(user)).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/school-years/2024-2025/close").param("version", "0")
					.with(this.logins.as(user))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		// Without its CSRF token, even the Office's request is refused.
		this.mvc.perform(post("/admin/school-years").param("startYear", "2025").with(this.logins.as(Logins.OFFICE)))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isIn(302, 403));
		assertThat(exists(2025)).isFalse();
		assertThat(changes()).isEqualTo(before);
	}

	@Test
	void shouldShowTheSchoolYearsInEnglishToo() throws Exception {
		this.mvc
			.perform(get("/admin/school-years").cookie(new jakarta.servlet.http.Cookie("chitieu-lang", "en"))
				.with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(allOf(containsString("Open school year " + NEXT), containsString("Closed"),
					not(containsString("Mở năm học")))));
		this.mvc
			.perform(get("/admin/school-years/2023-2024").cookie(new jakarta.servlet.http.Cookie("chitieu-lang", "en"))
				.with(this.logins.as(Logins.OFFICE)))
			.andExpect(content()
				.string(allOf(containsString("Reopen school year 2023-2024"), containsString("Reason for reopening"))));
	}

	@Test
	void shouldRefuseChangesAtTheServiceToAnyoneButTheOffice() {
		// The URL rule is not the only guard: the service itself asks for the Office.
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.years.close(SchoolYear.of(2024), 0, "intruder"))
			.isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
		assertThat(this.jdbc.queryForObject("select open from school_year where start_year = 2024", Boolean.class))
			.isTrue();
	}

	@Test
	@Transactional
	void shouldOpenTheNextYearOnceAndShowItsFormToEverySchool() throws Exception {
		long versionBefore = dataVersion();
		this.mvc.perform(open("2025"))
			.andExpect(redirectedUrl("/admin/school-years"))
			.andExpect(flash().attribute("flash", "Đã mở năm học " + NEXT + ". Biểu mẫu đã sẵn sàng cho các đơn vị."));
		var row = this.jdbc.queryForMap("select * from school_year where start_year = 2025");
		assertThat(row).containsEntry("open", true).containsEntry("opened_by", Logins.OFFICE);
		assertThat(row.get("opened_at")).isNotNull();
		assertThat(audit("SCHOOL_YEAR_OPENED", 2025)).isEqualTo(1);
		assertThat(dataVersion()).as("the dashboards' change counter moved").isGreaterThan(versionBefore);
		this.mvc.perform(get(formPath()).with(this.logins.as(username())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(NEXT), containsString("Lưu nháp"))));

		// Sent again (a double click, the back button): refused, nothing opened twice.
		long before = changes();
		this.mvc.perform(open("2025"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Năm học " + NEXT + " đã có rồi.")));
		// Only the year after the latest.
		this.mvc.perform(open("2030"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Chỉ mở được năm học tiếp theo (2026-2027), không phải 2030-2031.")));
		this.mvc.perform(open(""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hãy chọn năm học cần mở.")));
		this.mvc.perform(open("abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Giá trị không hợp lệ.")));
		assertThat(exists(2026)).isFalse();
		assertThat(exists(2030)).isFalse();
		assertThat(changes()).isEqualTo(before);
	}

	@Test
	void shouldRefuseBadDeadlinesBesideTheirFieldsAndChangeNothing() throws Exception {
		long before = changes();
		var row = this.jdbc.queryForMap("select * from school_year where start_year = 2024");
		this.mvc
			.perform(
					post("/admin/school-years/2024-2025/deadlines").param("version", String.valueOf(row.get("version")))
						.param("deadline", "2024-08-31")
						.param("deadlineMN", "not-a-date")
						.param("deadlineTH", "2026-01-01")
						.param("deadlineTHCS", "2024-12-20")
						.with(this.logins.as(Logins.OFFICE))
						.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Hạn nộp không được trước ngày bắt đầu năm học 2024-2025 (01/09)."),
						containsString("Ngày không hợp lệ; hãy nhập ngày dạng dd/mm/yyyy."),
						containsString("Hạn nộp không được sau 31/12 của năm kết thúc năm học 2024-2025."),
						containsString("id=\"deadline-error\""), containsString("id=\"deadlineMN-error\""),
						containsString("id=\"deadlineTH-error\""), not(containsString("id=\"deadlineTHCS-error\"")))));
		// An out-of-date page (no version) is refused as a whole.
		this.mvc
			.perform(post("/admin/school-years/2024-2025/deadlines").param("deadline", "2024-10-15")
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Trang này đã cũ.")));
		assertThat(this.jdbc.queryForMap("select * from school_year where start_year = 2024")).isEqualTo(row);
		assertThat(changes()).isEqualTo(before);
		this.mvc.perform(get("/admin/school-years/2031-2032").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isNotFound());
	}

	@Test
	@Transactional
	void shouldShowTheDeadlineTheDaysOverdueAndTheLateSchoolsAndExportThem() throws Exception {
		this.mvc.perform(get("/completeness").param("year", "2024-2025").with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(containsString("Năm học này chưa có hạn nộp.")));
		this.mvc
			.perform(post("/admin/school-years/2024-2025/deadlines").param("version", String.valueOf(version(2024)))
				.param("deadline", "2024-10-15")
				.param("deadlineTHCS", "2024-11-30")
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/school-years/2024-2025"))
			.andExpect(flash().attribute("flash", "Đã lưu hạn nộp của năm học 2024-2025."));
		assertThat(this.jdbc.query("""
				select field, old_value, new_value, actor from audit_event
				where action = 'DEADLINE_CHANGED' and school_year = 2024 order by field""",
				(rs, n) -> rs.getString(1) + ": " + rs.getString(2) + " → " + rs.getString(3) + " by "
						+ rs.getString(4)))
			.containsExactly("deadline: null → 2024-10-15 by phonggd", "deadline/THCS: null → 2024-11-30 by phonggd");

		long overdue = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2024, 10, 15),
				LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
		var expected = expectedLate();
		assertThat(expected).as("the sample district has schools not done with 2024-2025").isNotEmpty();
		var page = this.mvc.perform(get("/completeness").param("year", "2024-2025").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("15/10/2024"), containsString("30/11/2024"),
					containsString("quá hạn " + overdue + " ngày"),
					containsString("Đơn vị chậm nộp: " + expected.size()), containsString("late.xlsx?year=2024-2025"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var oneLate = this.units.schoolByCode(expected.iterator().next()).orElseThrow();
		assertThat(page).contains(oneLate.name());

		var file = this.mvc
			.perform(get("/completeness/late.xlsx").param("year", "2024-2025").with(this.logins.as(Logins.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("don-vi-cham-nop-2024-2025.xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			var sheet = workbook.getSheetAt(0);
			var text = new DataFormatter();
			assertThat(text.formatCellValue(sheet.getRow(0).getCell(0)))
				.isEqualTo("Danh sách đơn vị chậm nộp báo cáo năm học 2024-2025");
			int header = -1;
			for (int r = 0; r <= sheet.getLastRowNum() && header < 0; r++) {
				if (sheet.getRow(r) != null && "Mã đơn vị".equals(text.formatCellValue(sheet.getRow(r).getCell(0)))) {
					header = r;
				}
			}
			assertThat(header).as("the heading row").isPositive();
			var headings = new ArrayList<String>();
			sheet.getRow(header).forEach((c) -> headings.add(c.getStringCellValue()));
			assertThat(headings).containsExactly("Mã đơn vị", "Tên đơn vị", "Cấp học", "Phường", "Tình trạng",
					"Hạn nộp", "Cập nhật lần cuối");
			var codes = new HashSet<String>();
			for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
				var row = sheet.getRow(r);
				var code = row.getCell(0).getStringCellValue();
				codes.add(code);
				var school = this.units.schoolByCode(code).orElseThrow();
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(school.name());
				assertThat(row.getCell(3).getStringCellValue()).isEqualTo(school.wardName());
				assertThat(row.getCell(5).getCellType()).as("the deadline is a date").isEqualTo(CellType.NUMERIC);
				var deadline = row.getCell(5).getLocalDateTimeCellValue().toLocalDate();
				// A school teaching several levels is due by the earliest of their
				// deadlines.
				assertThat(deadline).isEqualTo(school.levels().equals(Set.of(EducationLevel.THCS))
						? LocalDate.of(2024, 11, 30) : LocalDate.of(2024, 10, 15));
				assertThat(row.getCell(4).getStringCellValue()).isIn("Chưa bắt đầu", "Nháp", "Trả lại để sửa",
						"Đã gửi, chờ duyệt (gửi sau hạn)", "Đã duyệt (gửi sau hạn)");
			}
			assertThat(codes).isEqualTo(expected);
		}
	}

	@Test
	@Transactional
	void shouldRefuseFiguresOfAClosedYearAndAcceptThemOnceReopenedWithAReason() throws Exception {
		this.mvc.perform(open("2025")).andExpect(redirectedUrl("/admin/school-years"));
		var school = this.logins.as(username());
		this.mvc.perform(FormSupport.post(formPath(), Map.of(pupils(), "300"), -1, "save").with(school))
			.andExpect(redirectedUrl(formPath()))
			.andExpect(flash().attribute("flash", containsString("1 số liệu thay đổi")));

		long versionBefore = dataVersion();
		this.mvc
			.perform(post("/admin/school-years/" + NEXT + "/close").param("version", String.valueOf(version(2025)))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/school-years"))
			.andExpect(flash().attribute("flash", "Đã khóa năm học " + NEXT + "."));
		assertThat(this.jdbc.queryForMap("select open, closed_by from school_year where start_year = 2025"))
			.containsEntry("open", false)
			.containsEntry("closed_by", Logins.OFFICE);
		assertThat(audit("SCHOOL_YEAR_CLOSED", 2025)).isEqualTo(1);
		assertThat(dataVersion()).as("a closed year's verdicts differ: the counter moved").isGreaterThan(versionBefore);
		int submission = submissionVersion();
		this.mvc.perform(FormSupport.post(formPath(), Map.of(pupils(), "301"), submission, "save").with(school))
			.andExpect(flash().attribute("problem", containsString("đã khóa")));
		assertThat(pupilsSaved()).isEqualByComparingTo("300");

		// Closing twice, or with the version of a page opened before the close: refused.
		long before = changes();
		this.mvc
			.perform(post("/admin/school-years/" + NEXT + "/close").param("version", String.valueOf(version(2025)))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Năm học " + NEXT + " đã khóa rồi.")));
		this.mvc
			.perform(post("/admin/school-years/" + NEXT + "/reopen").param("version", String.valueOf(version(2025) - 1))
				.param("reason", "Sửa số liệu")
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/school-years/" + NEXT))
			.andExpect(flash().attribute("problem", containsString("vừa được người khác thay đổi")));
		// A reopening needs its reason.
		this.mvc
			.perform(post("/admin/school-years/" + NEXT + "/reopen").param("version", String.valueOf(version(2025)))
				.param("reason", "   ")
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Hãy ghi lý do mở lại năm học."), containsString("id=\"reason-error\""))));
		assertThat(this.jdbc.queryForObject("select open from school_year where start_year = 2025", Boolean.class))
			.isFalse();
		assertThat(changes()).isEqualTo(before);

		this.mvc
			.perform(post("/admin/school-years/" + NEXT + "/reopen").param("version", String.valueOf(version(2025)))
				.param("reason", "Trường TH Mẫu 05 báo sai số học sinh")
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/school-years"))
			.andExpect(flash().attribute("flash", "Đã mở lại năm học " + NEXT + "."));
		assertThat(this.jdbc
			.queryForMap("select open, reopened_by, reopen_reason from school_year where start_year = 2025"))
			.containsEntry("open", true)
			.containsEntry("reopened_by", Logins.OFFICE)
			.containsEntry("reopen_reason", "Trường TH Mẫu 05 báo sai số học sinh");
		assertThat(this.jdbc.queryForObject(
				"select detail from audit_event where action = 'SCHOOL_YEAR_REOPENED' and school_year = 2025",
				String.class))
			.isEqualTo("Trường TH Mẫu 05 báo sai số học sinh");
		this.mvc.perform(FormSupport.post(formPath(), Map.of(pupils(), "301"), submission, "save").with(school))
			.andExpect(redirectedUrl(formPath()))
			.andExpect(flash().attribute("flash", containsString("1 số liệu thay đổi")));
		assertThat(pupilsSaved()).isEqualByComparingTo("301");
		this.mvc.perform(get("/admin/school-years").with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(allOf(containsString("Mở lại bởi phonggd"),
					containsString("Trường TH Mẫu 05 báo sai số học sinh"))));
	}

	/** The schools late with 2024-2025 against 15/10/2024 (THCS: 30/11/2024), by SQL. */
	private Set<String> expectedLate() {
		return new HashSet<>(this.jdbc.queryForList(
				"""
						select u.code from org_unit u
						left join submission s on s.unit_id = u.id and s.school_year = 2024
						where u.kind = 'SCHOOL' and u.active and (u.opened_year is null or u.opened_year <= 2024)
						  and (s.id is null or s.status in ('DRAFT', 'RETURNED')
						       or (s.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date >
						          case when not exists (select 1 from school_level l where l.school_id = u.id and l.level <> 'THCS')
						               then date '2024-11-30' else date '2024-10-15' end)
						""",
				String.class));
	}

	private MockHttpServletRequestBuilder open(String startYear) {
		return post("/admin/school-years").param("startYear", startYear)
			.with(this.logins.as(Logins.OFFICE))
			.with(csrf());
	}

	private String formPath() {
		return "/schools/" + this.units.schoolByCode(SCHOOL).orElseThrow().id() + "/figures/" + NEXT;
	}

	private static String username() {
		return SCHOOL.toLowerCase(java.util.Locale.ROOT);
	}

	private static FigureKey pupils() {
		return new FigureKey("pupils", EducationLevel.TH);
	}

	private java.math.BigDecimal pupilsSaved() {
		return this.jdbc.queryForObject(
				"""
						select f.value from figure f join submission s on s.id = f.submission_id join org_unit u on u.id = s.unit_id
						where u.code = ? and s.school_year = 2025 and f.metric_code = 'pupils'""",
				java.math.BigDecimal.class, SCHOOL);
	}

	private int submissionVersion() {
		return this.jdbc.queryForObject("""
				select s.version from submission s join org_unit u on u.id = s.unit_id
				where u.code = ? and s.school_year = 2025""", Integer.class, SCHOOL);
	}

	private int version(int startYear) {
		return this.jdbc.queryForObject("select version from school_year where start_year = ?", Integer.class,
				startYear);
	}

	private boolean exists(int startYear) {
		return this.jdbc.queryForObject("select count(*) from school_year where start_year = ?", Long.class,
				startYear) > 0;
	}

	private long audit(String action, int year) {
		return this.jdbc.queryForObject("select count(*) from audit_event where action = ? and school_year = ?",
				Long.class, action, year);
	}

	private long dataVersion() {
		return this.jdbc.queryForObject("select n from data_version where scope = 'all'", Long.class);
	}

	/**
	 * Everything a request could have changed: the change counters and the audit trail.
	 */
	private long changes() {
		return this.jdbc.queryForObject(
				"select coalesce((select sum(n) from data_version), 0) + (select count(*) from audit_event)",
				Long.class);
	}

}
