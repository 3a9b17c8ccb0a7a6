package vn.chitieu.report;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The wide tables print so that a person can read them: the official report's sheets by
 * school (25 and more columns) and the raw figures (90 columns) are split over A4
 * landscape pages in groups of columns, the school repeated on every page, with the page
 * number; read back with POI, and printed to PDF by LibreOffice.
 */
@IntegrationTest
class PrintLayoutIT {

	static final String FIGURES = "/reports/figures.xlsx?year=2023-2024";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@Test
	void shouldPrintTheOfficialReportsSheetsBySchoolInGroupsOfColumnsWithTheSchoolOnEveryPage() throws Exception {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download(ReportIT.REPORT)))) {
			int checked = 0;
			for (var sheet : workbook) {
				if (!sheet.getSheetName().endsWith("theo trường")) {
					continue;
				}
				assertReadable((XSSFSheet) sheet, 3);
				checked++;
			}
			assertThat(checked).as("sheets by school").isPositive();
		}
	}

	@Test
	void shouldPrintTheRawFiguresInGroupsOfColumnsAndLibreOfficeMakesAPageForEachGroup(@TempDir Path dir)
			throws Exception {
		var bytes = download(FIGURES);
		int groups;
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			var schools = workbook.getSheet(RawFigures.SCHOOLS_SHEET);
			assertThat((int) schools.getRow(RawFigures.HEADER).getLastCellNum()).as("the wide table").isGreaterThan(80);
			groups = assertReadable(schools, 3);
		}
		var soffice = soffice();
		var file = dir.resolve("figures.xlsx");
		Files.write(file, bytes);
		var process = new ProcessBuilder(soffice, "--headless", "--norestore", "--nolockcheck",
				"-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir",
				dir.toString(), file.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("soffice finished").isTrue();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		var pdf = new String(Files.readAllBytes(dir.resolve("figures.pdf")), StandardCharsets.ISO_8859_1);
		var pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(pdf).results().count();
		// Every group of columns has its own pages (the rows of the schools' sheet run
		// over
		// several pages each), never one page squeezing all 90 columns.
		assertThat(pages).as("pages of the PDF").isGreaterThanOrEqualTo(groups * 2L);
	}

	@Test
	void shouldRepeatTheUnitsKeyColumnsOnEveryPageOfEverySheetThatSplitsOverPages() throws Exception {
		var split = new java.util.ArrayList<String>();
		for (var url : new String[] { ReportIT.REPORT, FIGURES }) {
			try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download(url)))) {
				for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
					var sheet = workbook.getSheetAt(i);
					boolean oneWide = sheet.getFitToPage() && sheet.getPrintSetup().getFitWidth() == 1;
					if (oneWide || width(sheet) <= Sheets.WIDE_PAGE_CHARACTERS) {
						// Fitted to one page's width, or narrower: it never splits
						// sideways.
						continue;
					}
					split.add(sheet.getSheetName());
					assertKeyColumnsOnEveryPage(workbook, i);
				}
			}
		}
		assertThat(split).as("the sheets wider than a page")
			.contains(RawFigures.SCHOOLS_SHEET)
			.anyMatch((name) -> name.endsWith("theo trường"));
	}

	/**
	 * The sheet's print titles: its own, naming its key columns (STT, then the unit's
	 * code and name when it has them) and its heading, which a spreadsheet prints on
	 * every page of the sheet, each group of columns included.
	 */
	private static void assertKeyColumnsOnEveryPage(XSSFWorkbook workbook, int index) {
		var sheet = workbook.getSheetAt(index);
		var name = sheet.getSheetName();
		assertThat(sheet.getColumnBreaks()).as("%s: printed in groups of columns", name).isNotEmpty();
		var repeated = sheet.getRepeatingColumns();
		assertThat(repeated).as("%s: key columns on every page", name).isNotNull();
		assertThat(sheet.getRepeatingRows()).as("%s: heading on every page", name).isNotNull();
		var headings = new java.util.ArrayList<String>();
		for (int c = 0; c <= repeated.getLastColumn(); c++) {
			headings.add(heading(sheet, c));
		}
		assertThat(repeated.getFirstColumn()).as(name).isZero();
		assertThat(headings.get(0)).as("%s: the first repeated column", name).isEqualTo("STT");
		int unitName = -1;
		for (int c = 0; c < 8; c++) {
			var text = heading(sheet, c);
			if (text.equals("Trường") || text.equals("Phường")) {
				unitName = c;
				break;
			}
		}
		if (unitName >= 0) {
			assertThat(repeated.getLastColumn()).as("%s: repeated up to the unit's name", name).isEqualTo(unitName);
			assertThat(headings).as("%s: the unit's code repeated", name).anyMatch((h) -> h.startsWith("Mã"));
		}
		// Stored as the sheet's own print titles, not another sheet's.
		var titles = workbook.getAllNames()
			.stream()
			.filter((n) -> n.getNameName().equals("_xlnm.Print_Titles") && n.getSheetIndex() == index)
			.toList();
		assertThat(titles).as("%s: its print titles", name).hasSize(1);
		var lastColumn = org.apache.poi.ss.util.CellReference.convertNumToColString(repeated.getLastColumn());
		assertThat(titles.get(0).getRefersToFormula()).as(name)
			.contains(name)
			.contains("$A:$" + lastColumn)
			.doesNotContain("#REF");
	}

	/** The heading of a column: the text of its cell in the repeated heading rows. */
	private static String heading(org.apache.poi.ss.usermodel.Sheet sheet, int column) {
		var rows = sheet.getRepeatingRows();
		for (int r = rows.getFirstRow(); r <= rows.getLastRow(); r++) {
			var row = sheet.getRow(r);
			var cell = (row != null) ? row.getCell(column) : null;
			if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
					&& !cell.getStringCellValue().isBlank()) {
				return cell.getStringCellValue().strip();
			}
		}
		return "";
	}

	/** How many characters wide the sheet's table is. */
	private static int width(org.apache.poi.ss.usermodel.Sheet sheet) {
		int last = 0;
		for (var row : sheet) {
			last = Math.max(last, row.getLastCellNum());
		}
		int total = 0;
		for (int c = 0; c < last; c++) {
			total += sheet.getColumnWidth(c) / 256;
		}
		return total;
	}

	/**
	 * Checks a wide sheet's print setup and returns how many groups of columns it prints
	 * in.
	 */
	private static int assertReadable(XSSFSheet sheet, int keyColumns) {
		var name = sheet.getSheetName();
		var print = sheet.getPrintSetup();
		assertThat(print.getLandscape()).as(name).isTrue();
		assertThat(print.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
		assertThat(sheet.getFitToPage()).as("%s: not squeezed to one page width", name).isFalse();
		assertThat(print.getScale()).as(name).isGreaterThanOrEqualTo((short) 65);
		var repeated = sheet.getRepeatingColumns();
		assertThat(repeated).as("%s: key columns on every page", name).isNotNull();
		assertThat(repeated.getFirstColumn()).isZero();
		assertThat(repeated.getLastColumn()).isEqualTo(keyColumns - 1);
		assertThat(sheet.getRepeatingRows()).as("%s: heading on every page", name).isNotNull();
		assertThat(sheet.getFooter().getCenter()).as(name).contains("&P");
		assertThat(sheet.getHeader().getLeft()).as(name).isNotBlank();
		var breaks = sheet.getColumnBreaks();
		int last = sheet.getRow(sheet.getRepeatingRows().getLastRow()).getLastCellNum() - 1;
		int total = 0;
		for (int c = 0; c <= last; c++) {
			total += sheet.getColumnWidth(c) / 256;
		}
		if (total > Sheets.WIDE_PAGE_CHARACTERS) {
			assertThat(breaks).as("%s: page breaks between groups of columns", name).isNotEmpty();
		}
		int keyWidth = 0;
		for (int c = 0; c < keyColumns; c++) {
			keyWidth += sheet.getColumnWidth(c) / 256;
		}
		int start = 0;
		for (int b = 0; b <= breaks.length; b++) {
			int end = (b < breaks.length) ? breaks[b] : last;
			int width = (start == 0) ? 0 : keyWidth;
			for (int c = start; c <= end; c++) {
				width += sheet.getColumnWidth(c) / 256;
			}
			assertThat(width).as("%s: the group of columns %d–%d fits a page", name, start, end)
				.isLessThanOrEqualTo(Sheets.WIDE_PAGE_CHARACTERS);
			start = end + 1;
		}
		return breaks.length + 1;
	}

	private byte[] download(String url) throws Exception {
		return this.mvc.perform(get(url).with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private static String soffice() {
		for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			for (var name : new String[] { "soffice", "libreoffice" }) {
				var candidate = Path.of(dir, name);
				if (Files.isExecutable(candidate)) {
					return candidate.toString();
				}
			}
		}
		if (System.getenv("CHITIEU_REQUIRE_LIBREOFFICE") != null) {
			throw new AssertionError("LibreOffice Calc (soffice) is required here but not installed");
		}
		assumeTrue(false, "LibreOffice Calc (soffice) is not installed; .ci/run installs it");
		return null;
	}

}
