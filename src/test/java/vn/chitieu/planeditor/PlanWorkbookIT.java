package vn.chitieu.planeditor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.chitieu.dataentry.HostileFiles;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.PlanStatus;
import vn.chitieu.planning.PlanVersions;
import vn.chitieu.platform.sheets.XlsxFiles;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;
import vn.chitieu.testsupport.PlanWorkbookFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The plan workbook through the application: a published plan downloaded and uploaded
 * back becomes a draft equal to it; an empty workbook filled with a new plan becomes its
 * draft (never published); a bad workbook is refused with every problem by sheet, row and
 * column in Vietnamese, and the plan tables are left as they were.
 */
@IntegrationTest
class PlanWorkbookIT {

	private static final String CODE = "KH-TEST-BOOK";

	private static final String SHIPPED = "KH-NH-2019-2020";

	static final String[] HEADER = { CODE, "12/KH-UBND", "Kế hoạch thử từ Excel", "Plan from Excel",
			"UBND quận Long Biên", "2025-09-05", "2021-2022", "2024-2025" };

	static final String[] RATIO = { "T-01", "TH", "1.1", "Ít nhất 90% giáo viên tiểu học đạt trình độ đại học",
			"Tỷ lệ giáo viên tiểu học có trình độ đại học", "Primary teachers with a degree", "percent",
			"{kind: ratio, numerator: teachers_university_plus, denominator: teachers}", "{at_least: 90}" };

	static final String[] SHARE = { "T-02", "MN", "1.2", "100% trường mầm non công lập có thư viện",
			"Tỷ lệ trường mầm non công lập có thư viện", "Public preschools with a library", "percent",
			"{kind: share, condition: has_library, ownership: public}", "{at_least: 100}" };

	static final String[] MILESTONES = { "T-03", "THCS", "1.3", "Tỷ lệ giáo viên THCS đạt trên chuẩn tăng dần",
			"Tỷ lệ giáo viên THCS có trình độ thạc sĩ", "Lower-secondary teachers with a master's degree", "percent",
			"{kind: ratio, numerator: teachers_masters_plus, denominator: teachers}", "{at_least: 30}",
			"2022-2023: 20, 2023-2024: 25" };

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
	void removeTheTestPlans() {
		this.jdbc.update("delete from plan where code = ?", CODE);
		this.jdbc.update("delete from plan where code = ? and status = 'DRAFT'", SHIPPED);
		this.catalog.refresh();
	}

	@Test
	void shouldTurnAPublishedPlansWorkbookBackIntoAnEqualDraft() throws Exception {
		var published = this.versions.versions(SHIPPED)
			.stream()
			.filter((v) -> v.status() == PlanStatus.PUBLISHED)
			.findFirst()
			.orElseThrow();
		var path = "/plans/" + SHIPPED + "/versions/" + published.number() + "/workbook.xlsx";
		var bytes = this.mvc.perform(get(path).with(this.logins.as(Logins.VIEWER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		// Without "replace", a plan that exists is not given a draft.
		refused(bytes, false, "Kế hoạch “" + SHIPPED + "” đã được nạp");
		upload(bytes, true).andExpect(redirectedUrl("/plans/" + SHIPPED + "/draft"));
		var draft = this.versions.draft(SHIPPED).orElseThrow();
		assertThat(draft.summary().number()).isEqualTo(published.number() + 1);
		assertThat(draft.definition())
			.isEqualTo(this.versions.version(SHIPPED, published.number()).orElseThrow().definition());
		// A draft's workbook is the Office's only.
		var draftPath = "/plans/" + SHIPPED + "/versions/" + draft.summary().number() + "/workbook.xlsx";
		this.mvc.perform(get(draftPath).with(this.logins.as(Logins.VIEWER))).andExpect(status().isNotFound());
		this.mvc.perform(get(draftPath).with(this.logins.as(Logins.OFFICE))).andExpect(status().isOk());
	}

	@Test
	void shouldMakeADraftOfANewPlanFromAFilledEmptyWorkbook() throws Exception {
		var filled = PlanWorkbookFiles.fill(empty(), HEADER, List.of(RATIO, SHARE, MILESTONES),
				List.<String[]>of(new String[] { "Kế hoạch", "has_reading_corner", "Có góc đọc sách",
						"Has a reading corner", "school", "MN", "yes_no", "facilities" }));
		upload(filled, false).andExpect(redirectedUrl("/plans/" + CODE + "/draft"));
		var draft = this.versions.draft(CODE).orElseThrow();
		assertThat(draft.summary().status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(draft.summary().number()).isEqualTo(1);
		assertThat(draft.definition().indicators()).extracting((i) -> i.code()).containsExactly("T-01", "T-02", "T-03");
		assertThat(draft.definition().indicators().get(2).targets().get(0).milestones()).hasSize(2);
		assertThat(draft.definition().issued()).hasToString("2025-09-05");
		// The new metric waits on the draft, out of the catalog until it is published.
		assertThat(this.catalog.find("has_reading_corner")).isEmpty();
		assertThat(this.versions.knownMetrics(CODE).apply("has_reading_corner")).isPresent();
		assertThat(this.jdbc.queryForObject("select count(*) from plan where code = ? and status <> 'DRAFT'",
				Integer.class, CODE))
			.isZero();
	}

	@Test
	void shouldCheckTheMeasureAndTargetWhileTheyAreTypedAndStoreNothing() throws Exception {
		upload(fill(RATIO), false).andExpect(redirectedUrl("/plans/" + CODE + "/draft"));
		var before = snapshot();
		this.mvc
			.perform(post("/plans/" + CODE + "/draft/indicators/live").param("code", "T-09")
				.param("level", "TH")
				.param("measure", "{kind: ratio, numerator: chess_clubs, denominator: teachers}")
				.param("target", "{at_least: 90}")
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"measure-live\""),
					containsString("Chỉ số “chess_clubs” không có trong danh mục."),
					containsString("Chỉ tiêu phải đạt đọc được."), not(containsString("Cách tính đọc được.")))));
		this.mvc
			.perform(post("/plans/" + CODE + "/draft/indicators/live").param("code", "T-09")
				.param("level", "TH")
				.param("measure", RATIO[7])
				.param("target", "{at_least: tám mươi}")
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Cách tính đọc được."), containsString("tám mươi"),
					not(containsString("Chỉ tiêu phải đạt đọc được.")))));
		// The editor's page asks for it while typing.
		this.mvc.perform(get("/plans/" + CODE + "/draft/indicators/T-01").with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(allOf(containsString("hx-post=\"/plans/" + CODE + "/draft/indicators/live\""),
					containsString("htmx.min.js"))));
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void shouldRefuseABadWorkbookWithEveryProblemWhereItIsAndStoreNothing() throws Exception {
		var before = snapshot();
		var unknown = RATIO.clone();
		unknown[7] = "{kind: ratio, numerator: chess_clubs, denominator: teachers}";
		var malformed = SHARE.clone();
		malformed[7] = "{kind: ratio, numerator: teachers_university_plus +, denominator: teachers}";
		var target = MILESTONES.clone();
		target[8] = "{at_least: tám mươi}";
		refused(fill(unknown, malformed, target), false,
				"Trang “Chỉ tiêu”, dòng 2, cột H (Cách tính): Chỉ số “chess_clubs” không có trong danh mục.",
				"Trang “Chỉ tiêu”, dòng 3, cột H (Cách tính): Không đọc được biểu thức “teachers_university_plus +”",
				"Trang “Chỉ tiêu”, dòng 4, cột I (Chỉ tiêu phải đạt): “tám mươi” không phải là số");
		var twice = SHARE.clone();
		twice[0] = "T-01";
		refused(fill(RATIO, twice), false, "Trang “Chỉ tiêu”, dòng 3, cột A (Mã chỉ tiêu): Mã chỉ tiêu “T-01” đã dùng");
		refused(PlanWorkbookFiles.edit(fill(RATIO),
				(book) -> book.getSheet("Kế hoạch").getRow(7).getCell(1).setCellValue("2020")), false,
				"Trang “Kế hoạch”, dòng 8, cột B (Giá trị):");
		refused(PlanWorkbookFiles.edit(fill(RATIO),
				(book) -> book.getSheet("Chỉ tiêu").getRow(1).getCell(8).setCellFormula("\"{at_least: \"&90&\"}\"")),
				false, "Trang “Chỉ tiêu”, dòng 2, cột I (Chỉ tiêu phải đạt): Ô có công thức");
		refused(fill(), false, "Kế hoạch chưa có chỉ tiêu nào.");
		// Another workbook of the application.
		var units = this.mvc.perform(get("/admin/units/import/template.xlsx").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		refused(units, false, "Đây là tệp mẫu danh sách phường và trường, không phải tệp Excel của một kế hoạch.");
		// Huge: too many rows, a zip bomb, a file too large.
		var many = new ArrayList<String[]>();
		for (int i = 0; i <= PlanWorkbook.MAX_ROWS; i++) {
			var row = RATIO.clone();
			row[0] = "T-" + i;
			many.add(row);
		}
		refused(fill(many.toArray(String[][]::new)), false, "Trang “Chỉ tiêu”: Quá nhiều dòng (tối đa 1.000)");
		var bomb = HostileFiles.zipBomb(fill(RATIO), 60 * 1024 * 1024);
		assertThat(bomb.length).as("small on the wire").isLessThan(PlanWorkbook.MAX_BYTES);
		refused(bomb, false, "nén quá mức");
		var large = new byte[PlanWorkbook.MAX_BYTES + 1];
		large[0] = 'P';
		large[1] = 'K';
		large[2] = 3;
		large[3] = 4;
		refused(large, false, "Tệp quá lớn (tối đa 2 MB).");
		// Not an .xlsx at all.
		refused("format: chitieu/1\nplan: {}\n".getBytes(StandardCharsets.UTF_8), false,
				"Đây không phải tệp Excel (.xlsx).");
		assertThat(snapshot()).isEqualTo(before);
		assertThat(XlsxFiles.META_SHEET).isEqualTo("_meta");
	}

	private byte[] fill(String[]... indicators) throws Exception {
		return PlanWorkbookFiles.fill(empty(), HEADER, List.<String[]>of(indicators), List.of());
	}

	private byte[] empty() throws Exception {
		return this.mvc.perform(get("/plans/import/workbook/empty.xlsx").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private ResultActions upload(byte[] bytes, boolean replace) throws Exception {
		return this.mvc.perform(multipart("/plans/import/workbook/upload")
			.file(new MockMultipartFile("file", "ke-hoach.xlsx", "application/octet-stream", bytes))
			.param("replace", String.valueOf(replace))
			.with(this.logins.as(Logins.OFFICE))
			.with(csrf()));
	}

	private void refused(byte[] bytes, boolean replace, String... expected) throws Exception {
		var result = upload(bytes, replace).andExpect(status().isOk()).andExpect(model().attributeExists("problems"));
		for (var text : expected) {
			result.andExpect(model().attribute("problems", hasItem(containsString(text))));
		}
	}

	private List<Map<String, Object>> snapshot() {
		var all = new ArrayList<Map<String, Object>>();
		all.addAll(this.jdbc.queryForList("select id, code, number, status, version, checksum from plan order by id"));
		all.addAll(this.jdbc.queryForList("select count(*) as indicators from indicator"));
		all.addAll(this.jdbc.queryForList("select count(*) as targets from target"));
		all.addAll(this.jdbc.queryForList("select code, source from metric order by code"));
		all.addAll(this.jdbc.queryForList("select code, source from metric_rule order by code"));
		return all;
	}

}
