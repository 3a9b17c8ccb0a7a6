package vn.chitieu.report;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.ProgressStatus;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;
import vn.chitieu.testsupport.SampleOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The exported workbooks read back with POI: the layout of the official report, its
 * number formats, every value equal to the engine's, and who may download what.
 */
@IntegrationTest
class ReportIT {

	static final String PLAN = "KH-157-UBND-2022";

	static final SchoolYear YEAR = SchoolYear.of(2023);

	static final String REPORT = "/reports/progress.xlsx?plan=" + PLAN + "&year=" + YEAR.label();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Progress progress;

	@Autowired
	OrgUnits units;

	@Autowired
	JdbcTemplate jdbc;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@Test
	void shouldLayTheReportOutAsAnAdministrativeDocument() throws Exception {
		try (var workbook = download(REPORT, Logins.OFFICE)) {
			var sheet = workbook.getSheet(OfficialReport.MAIN_SHEET);
			assertThat(text(sheet, 0, 0)).isEqualTo("UBND QUẬN LONG BIÊN");
			assertThat(text(sheet, 1, 0)).isEqualTo("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO");
			assertThat(rowTexts(sheet.getRow(0))).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
			assertThat(rowTexts(sheet.getRow(1))).contains("Độc lập - Tự do - Hạnh phúc");
			var all = sheetTexts(sheet);
			assertThat(all).contains("BÁO CÁO",
					"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THEO KẾ HOẠCH SỐ 157/KH-UBND, NĂM HỌC " + YEAR.label(),
					"I. GIÁO DỤC MẦM NON", "II. GIÁO DỤC TIỂU HỌC", "III. GIÁO DỤC TRUNG HỌC CƠ SỞ", "IV. TOÀN NGÀNH",
					"TRƯỞNG PHÒNG", "Nơi nhận:");
			assertThat(all).anyMatch((t) -> t.startsWith("DỮ LIỆU MẪU"));
			assertThat(all).anyMatch((t) -> t.matches("Long Biên, ngày \\d+ tháng \\d+ năm \\d{4}"));
			assertThat(all).containsSubsequence("• UBND quận Long Biên;", "• Sở GD&ĐT Hà Nội;", "• Lưu: VT.");
			var header = headerRow(sheet);
			assertThat(rowTexts(sheet.getRow(header))).containsSubsequence("STT", "Chỉ tiêu", "Đơn vị tính",
					"Chỉ tiêu kế hoạch", "Thực hiện", "So sánh / tỷ lệ hoàn thành", "Đánh giá", "Ghi chú");
			assertThat(rowTexts(sheet.getRow(header + 1))).contains("2020-2021", "2023-2024");
			// Times New Roman, A4 landscape fitted to the width, heading repeated and
			// frozen.
			var font = workbook.getFontAt(sheet.getRow(header).getCell(0).getCellStyle().getFontIndex());
			assertThat(font.getFontName()).isEqualTo("Times New Roman");
			assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
			assertThat(sheet.getFitToPage()).isTrue();
			assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(header);
			assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(header + 1);
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header + 2));
			assertThat(workbook.getSheetIndex("Mầm non theo trường")).isPositive();
			assertThat(workbook.getSheetIndex("Tiểu học theo trường")).isPositive();
			assertThat(workbook.getSheetIndex("THCS theo trường")).isPositive();
			assertThat(workbook.getSheetIndex("Toàn ngành theo trường")).isPositive();
			assertThat(workbook.getSheetIndex(OfficialReport.WARDS_SHEET)).isPositive();
			assertThat(workbook.getSheetIndex(OfficialReport.COMPLETENESS_SHEET)).isPositive();
			assertThat(workbook.getSheetIndex(OfficialReport.DEFINITIONS_SHEET)).isPositive();
		}
	}

	@Test
	void shouldHoldTheDashboardsValuesAsNumbers() throws Exception {
		var plan = this.progress.plan(PLAN, YEAR, false).orElseThrow();
		try (var workbook = download(REPORT, Logins.OFFICE)) {
			var sheet = workbook.getSheet(OfficialReport.MAIN_SHEET);
			var rows = indicatorRows(sheet);
			assertThat(rows).hasSize(80);
			int checked = 0;
			for (var indicator : plan.indicators()) {
				var row = sheet.getRow(rows.get(indicator.indicator().code()));
				var years = indicator.years();
				for (int i = 0; i < years.size(); i++) {
					var cell = row.getCell(OfficialReport.FIRST_YEAR + i);
					var value = years.get(i).result().value();
					if (value == null) {
						assertThat(cell.getCellType()).as(indicator.indicator().code()).isEqualTo(CellType.BLANK);
						continue;
					}
					assertThat(cell.getCellType()).as(indicator.indicator().code()).isEqualTo(CellType.NUMERIC);
					boolean percent = indicator.indicator().unit().isPercent();
					var expected = percent ? value.movePointLeft(2) : value;
					assertThat(cell.getNumericCellValue()).as(indicator.indicator().code() + " " + years.get(i).year())
						.isCloseTo(expected.doubleValue(), within(1e-9));
					assertThat(cell.getCellStyle().getDataFormatString().contains("%")).isEqualTo(percent);
					checked++;
				}
				var latest = indicator.latest();
				var assessment = row.getCell(OfficialReport.FIRST_YEAR + years.size() + 1).getStringCellValue();
				assertThat(assessment).isEqualTo(label(latest.status()));
			}
			assertThat(checked).isGreaterThan(250);
		}
	}

	@Test
	void shouldGiveEachSchoolsOwnValuesAndEachWardsRates() throws Exception {
		var detail = this.progress.indicator(PLAN, "TH-15", YEAR, false).orElseThrow();
		var wards = this.progress.wards(PLAN, YEAR, false, (w) -> true).orElseThrow();
		try (var workbook = download(REPORT, Logins.VIEWER)) {
			var sheet = workbook.getSheet("Tiểu học theo trường");
			int column = columnOf(sheet, "TH-15");
			var rowsByCode = new HashMap<String, Row>();
			for (var row : sheet) {
				var code = row.getCell(1);
				if (code != null && code.getCellType() == CellType.STRING) {
					rowsByCode.put(code.getStringCellValue(), row);
				}
			}
			int checked = 0;
			for (var standing : detail.breakdown()) {
				var row = rowsByCode.get(standing.unit().code());
				assertThat(row).as(standing.unit().code()).isNotNull();
				var value = standing.part().value();
				if (value != null) {
					assertThat(row.getCell(column).getNumericCellValue())
						.isCloseTo(value.movePointLeft(2).doubleValue(), within(1e-9));
					checked++;
				}
			}
			assertThat(checked).isGreaterThan(20);
			var wardSheet = workbook.getSheet(OfficialReport.WARDS_SHEET);
			var district = lastRow(wardSheet);
			assertThat(district.getCell(1).getStringCellValue()).isEqualTo("Toàn quận");
			assertThat(district.getCell(2).getNumericCellValue())
				.isCloseTo(wards.district().get("MN-01").value().movePointLeft(2).doubleValue(), within(1e-9));
		}
	}

	@Test
	void shouldNeverLetAUsersTextBeTakenForAFormula() throws Exception {
		long unit = this.units.schoolByCode("TH-MAU-20").orElseThrow().id();
		var before = this.jdbc.queryForObject("select comment from submission where unit_id = ? and school_year = ?",
				String.class, unit, YEAR.startYear());
		this.jdbc.update("update submission set comment = ? where unit_id = ? and school_year = ?",
				"=HYPERLINK(\"http://evil.example\",\"bấm\")", unit, YEAR.startYear());
		try (var workbook = download(REPORT, Logins.OFFICE)) {
			var texts = sheetTexts(workbook.getSheet(OfficialReport.COMPLETENESS_SHEET));
			assertThat(texts).contains("'=HYPERLINK(\"http://evil.example\",\"bấm\")");
			for (var sheet : workbook) {
				for (var row : sheet) {
					for (var cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
					}
				}
			}
		}
		finally {
			this.jdbc.update("update submission set comment = ? where unit_id = ? and school_year = ?", before, unit,
					YEAR.startYear());
		}
	}

	@Test
	void shouldExportEveryFigureOfAYear() throws Exception {
		var expected = this.jdbc.queryForObject("""
				select f.value from figure f join submission s on s.id = f.submission_id
				join org_unit u on u.id = s.unit_id
				where u.code = 'THCS-AIMO' and s.school_year = ? and f.metric_code = 'pupils'
				""", BigDecimal.class, YEAR.startYear());
		try (var workbook = download("/reports/figures.xlsx?year=" + YEAR.label(), Logins.VIEWER)) {
			var sheet = workbook.getSheet(RawFigures.SCHOOLS_SHEET);
			int column = -1;
			for (var cell : sheet.getRow(RawFigures.HEADER)) {
				if (cell.getStringCellValue().endsWith("[pupils]")) {
					column = cell.getColumnIndex();
				}
			}
			assertThat(column).isPositive();
			Row aimo = null;
			int schools = 0;
			for (var row : sheet) {
				if (row.getRowNum() > RawFigures.HEADER) {
					schools++;
					if ("THCS-AIMO".equals(row.getCell(1).getStringCellValue())) {
						aimo = row;
					}
				}
			}
			// A row per school and level, for every school open that year.
			int expectedRows = this.units.schools()
				.stream()
				.filter((school) -> school.isOpenIn(YEAR))
				.mapToInt((school) -> school.levels().size())
				.sum();
			assertThat(schools).isEqualTo(expectedRows);
			assertThat(aimo).isNotNull();
			assertThat(aimo.getCell(column).getNumericCellValue()).isEqualTo(expected.doubleValue());
			assertThat(workbook.getSheet(RawFigures.WARDS_SHEET).getLastRowNum() - RawFigures.HEADER)
				.isEqualTo(this.units.wards().size());
		}
	}

	@Test
	void shouldPrintTheIssuingBodyPlaceSignerAndRecipientsTheOfficeSet() throws Exception {
		var version = this.jdbc.queryForObject("select version from organisation", Long.class);
		try {
			this.mvc
				.perform(post("/admin/organisation").with(this.logins.as(Logins.OFFICE))
					.with(csrf())
					.param("name", "Phòng Giáo dục và Đào tạo huyện Gia Lâm")
					.param("parentBody", "UBND HUYỆN GIA LÂM")
					.param("issuingBody", "PHÒNG GD&ĐT HUYỆN GIA LÂM")
					.param("place", "Gia Lâm")
					.param("signerTitle", "KT. TRƯỞNG PHÒNG")
					.param("recipients", "Văn phòng HĐND-UBND huyện;\nLưu: VT, PGD.")
					.param("version", version.toString()))
				.andExpect(redirectedUrl("/admin/organisation"));
			try (var workbook = download(REPORT, Logins.VIEWER)) {
				var sheet = workbook.getSheet(OfficialReport.MAIN_SHEET);
				assertThat(text(sheet, 0, 0)).isEqualTo("UBND HUYỆN GIA LÂM");
				assertThat(text(sheet, 1, 0)).isEqualTo("PHÒNG GD&ĐT HUYỆN GIA LÂM");
				var all = sheetTexts(sheet);
				assertThat(all).anyMatch((t) -> t.matches("Gia Lâm, ngày \\d+ tháng \\d+ năm \\d{4}"));
				assertThat(all).contains("KT. TRƯỞNG PHÒNG")
					.containsSubsequence("Nơi nhận:", "• Văn phòng HĐND-UBND huyện;", "• Lưu: VT, PGD.")
					.doesNotContain("TRƯỞNG PHÒNG", "UBND QUẬN LONG BIÊN", "• UBND quận Long Biên;")
					.noneMatch((t) -> t.startsWith("Long Biên, ngày"));
			}
			long school = this.units.schoolByCode("TH-GIATHUY").orElseThrow().id();
			try (var workbook = download("/schools/" + school + "/progress.xlsx?plan=" + PLAN + "&year=" + YEAR.label(),
					"th-giathuy")) {
				var sheet = workbook.getSheet(SchoolReport.SHEET);
				assertThat(text(sheet, 0, 0)).isEqualTo("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN GIA LÂM");
				assertThat(sheetTexts(sheet)).contains("• Phòng Giáo dục và Đào tạo huyện Gia Lâm;")
					.anyMatch((t) -> t.matches("Gia Lâm, ngày \\d+ tháng \\d+ năm \\d{4}"));
			}
		}
		finally {
			SampleOrganisation.restore(this.jdbc);
		}
	}

	@Test
	void shouldPrintPlaceholdersNotAnotherOfficesNamesWhileTheOrganisationIsNotSetUp() throws Exception {
		SampleOrganisation.empty(this.jdbc);
		try (var workbook = download(REPORT, Logins.OFFICE)) {
			var sheet = workbook.getSheet(OfficialReport.MAIN_SHEET);
			assertThat(text(sheet, 0, 0)).isEqualTo("[CƠ QUAN CHỦ QUẢN]");
			assertThat(text(sheet, 1, 0)).isEqualTo("[TÊN CƠ QUAN BAN HÀNH]");
			var all = sheetTexts(sheet);
			assertThat(all).anyMatch((t) -> t.matches("\\[Địa danh\\], ngày \\d+ tháng \\d+ năm \\d{4}"));
			assertThat(all).contains("[CHỨC VỤ NGƯỜI KÝ]", "• [Nơi nhận — chưa thiết lập]")
				.doesNotContain("TRƯỞNG PHÒNG", "UBND QUẬN LONG BIÊN");
		}
		finally {
			SampleOrganisation.restore(this.jdbc);
		}
	}

	@Test
	void shouldGiveASchoolItsOwnSheetOnly() throws Exception {
		long own = this.units.schoolByCode("TH-GIATHUY").orElseThrow().id();
		long other = this.units.schoolByCode("TH-BODE").orElseThrow().id();
		var standing = this.progress.school(PLAN, own, YEAR, false).orElseThrow();
		var path = "/schools/" + own + "/progress.xlsx?plan=" + PLAN + "&year=" + YEAR.label();
		try (var workbook = download(path, "th-giathuy")) {
			var sheet = workbook.getSheet(SchoolReport.SHEET);
			var texts = sheetTexts(sheet);
			assertThat(texts).contains("TRƯỜNG TIỂU HỌC GIA THỤY", "HIỆU TRƯỞNG",
					"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN LONG BIÊN", "• Phòng Giáo dục và Đào tạo quận Long Biên;",
					"• Lưu: VT.");
			var rows = indicatorRows(sheet);
			assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
					standing.indicators().stream().map((i) -> i.indicator().code()).toList());
			var th15 = standing.indicators()
				.stream()
				.filter((i) -> i.indicator().code().equals("TH-15"))
				.findFirst()
				.orElseThrow();
			var cell = sheet.getRow(rows.get("TH-15")).getCell(OfficialReport.FIRST_YEAR + th15.years().size() - 1);
			assertThat(cell.getNumericCellValue())
				.isCloseTo(th15.latest().result().value().movePointLeft(2).doubleValue(), within(1e-9));
		}
		var school = this.logins.as("th-giathuy");
		this.mvc.perform(get("/schools/" + other + "/progress.xlsx").with(school)).andExpect(status().isForbidden());
		this.mvc.perform(get(REPORT).with(school)).andExpect(status().isForbidden());
		this.mvc.perform(get("/reports/figures.xlsx?year=" + YEAR.label()).with(school))
			.andExpect(status().isForbidden());
		var ward = this.logins.as("p-giathuy");
		this.mvc.perform(get(REPORT).with(ward)).andExpect(status().isForbidden());
		this.mvc.perform(get(path).with(ward)).andExpect(status().isForbidden());
		this.mvc.perform(get(REPORT)).andExpect(status().is3xxRedirection());
		// The Office and leaders reach every school's sheet.
		this.mvc.perform(get("/schools/" + other + "/progress.xlsx").with(this.logins.as(Logins.VIEWER)))
			.andExpect(status().isOk());
	}

	@Test
	void shouldRefuseWhatDoesNotExist() throws Exception {
		var office = this.logins.as(Logins.OFFICE);
		this.mvc.perform(get("/reports/progress.xlsx?plan=NOPE").with(office)).andExpect(status().isNotFound());
		this.mvc.perform(get("/reports/progress.xlsx?plan=" + PLAN + "&year=2024").with(office))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/reports/figures.xlsx?year=abc").with(office)).andExpect(status().isBadRequest());
	}

	// ------------------------------------------------------------------ helpers

	XSSFWorkbook download(String path, String user) throws Exception {
		var bytes = this.mvc.perform(get(path).with(this.logins.as(user)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX))
			.andExpect(
					header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static String label(ProgressStatus status) {
		return switch (status) {
			case ACHIEVED -> "Đạt";
			case ON_TRACK -> "Đúng tiến độ";
			case AT_RISK -> "Có nguy cơ chậm";
			case OFF_TRACK -> "Chậm tiến độ";
			case UNDECIDED -> "Chưa đủ số liệu để kết luận";
			case NO_DATA -> "Chưa có số liệu";
		};
	}

	/** The rows of indicators, by code ("MN-01. …" in the second column). */
	static Map<String, Integer> indicatorRows(Sheet sheet) {
		var rows = new HashMap<String, Integer>();
		for (var row : sheet) {
			var cell = row.getCell(OfficialReport.NAME);
			if (cell != null && cell.getCellType() == CellType.STRING) {
				var text = cell.getStringCellValue();
				var dot = text.indexOf(". ");
				if (dot > 0 && text.substring(0, dot).matches("[A-Z0-9]+-\\d+")) {
					rows.put(text.substring(0, dot), row.getRowNum());
				}
			}
		}
		return rows;
	}

	static int headerRow(Sheet sheet) {
		for (var row : sheet) {
			var cell = row.getCell(0);
			if (cell != null && cell.getCellType() == CellType.STRING && "STT".equals(cell.getStringCellValue())) {
				return row.getRowNum();
			}
		}
		throw new AssertionError("no heading");
	}

	static int columnOf(Sheet sheet, String heading) {
		for (var row : sheet) {
			for (var cell : row) {
				if (cell.getCellType() == CellType.STRING && heading.equals(cell.getStringCellValue())) {
					return cell.getColumnIndex();
				}
			}
		}
		throw new AssertionError("no column " + heading);
	}

	static Row lastRow(Sheet sheet) {
		return sheet.getRow(sheet.getLastRowNum());
	}

	static String text(Sheet sheet, int row, int column) {
		return sheet.getRow(row).getCell(column).getStringCellValue();
	}

	static List<String> rowTexts(Row row) {
		var texts = new ArrayList<String>();
		for (Cell cell : row) {
			if (cell.getCellType() == CellType.STRING) {
				texts.add(cell.getStringCellValue());
			}
		}
		return texts;
	}

	static List<String> sheetTexts(Sheet sheet) {
		var texts = new ArrayList<String>();
		for (var row : sheet) {
			texts.addAll(rowTexts(row));
		}
		return texts;
	}

}
