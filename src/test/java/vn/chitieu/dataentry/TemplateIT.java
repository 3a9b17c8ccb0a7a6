package vn.chitieu.dataentry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.platform.UploadSlots;
import vn.chitieu.testsupport.FormSupport;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Excel template round trip, and a corpus of bad files: each refused with its
 * message, nothing saved.
 */
@IntegrationTest
class TemplateIT {

	private static final String SCHOOL = "TH-MAU-07";

	private static final String OTHER = "TH-MAU-08";

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

	@Autowired
	UploadSlots uploads;

	Logins logins;

	FormSupport support;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
		this.support = new FormSupport(this.units, this.forms, this.userDetails, this.jdbc);
		this.support.reset(SCHOOL);
	}

	@Test
	void shouldProtectEverythingButTheTypedInputCells() throws Exception {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download(SCHOOL, "2024-2025")))) {
			var sheet = workbook.getSheet(FigureTemplates.FIGURES_SHEET);
			assertThat(sheet.getProtect()).isTrue();
			assertThat(workbook.getSheetVisibility(workbook.getSheetIndex(FigureTemplates.META_SHEET)))
				.isEqualTo(SheetVisibility.VERY_HIDDEN);
			var pupils = row(sheet, "TH/pupils");
			assertThat(pupils.getCell(FigureTemplates.LABEL_COLUMN).getStringCellValue()).isEqualTo("Tổng số học sinh");
			assertThat(pupils.getCell(FigureTemplates.VALUE_COLUMN).getCellStyle().getLocked()).isFalse();
			assertThat(pupils.getCell(FigureTemplates.LABEL_COLUMN).getCellStyle().getLocked()).isTrue();
			assertThat(pupils.getCell(FigureTemplates.LAST_YEAR_COLUMN).getNumericCellValue()).isPositive();
			assertThat(sheet.getDataValidations()).hasSizeGreaterThan(20)
				.anySatisfy((v) -> assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("Có",
						"Không"));
		}
	}

	@Test
	void shouldWrapTheHeadingAndLongLabelsInRowsTallEnoughToReadThem() throws Exception {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download(SCHOOL, "2024-2025")))) {
			var sheet = workbook.getSheet(FigureTemplates.FIGURES_SHEET);
			var header = sheet.getRow(FigureTemplates.HEADER_ROW);
			for (int c = FigureTemplates.LABEL_COLUMN; c <= FigureTemplates.HINT_COLUMN; c++) {
				var cell = header.getCell(c);
				assertThat(cell.getCellStyle().getWrapText()).as(cell.getStringCellValue()).isTrue();
				int width = sheet.getColumnWidth(c) / 256;
				int lines = (cell.getStringCellValue().length() + width - 5) / (width - 4);
				assertThat(header.getHeightInPoints()).as("the heading “%s” is not clipped", cell.getStringCellValue())
					.isGreaterThanOrEqualTo(lines * 15f);
			}
			int longLabels = 0;
			for (var row : sheet) {
				var code = row.getCell(FigureTemplates.CODE_COLUMN);
				if (row.getRowNum() <= FigureTemplates.HEADER_ROW || code == null
						|| code.getStringCellValue().isEmpty()) {
					continue;
				}
				var label = row.getCell(FigureTemplates.LABEL_COLUMN);
				assertThat(label.getCellStyle().getWrapText()).isTrue();
				int width = sheet.getColumnWidth(FigureTemplates.LABEL_COLUMN) / 256;
				if (label.getStringCellValue().length() > width - 4) {
					longLabels++;
					assertThat(row.getHeightInPoints()).as("“%s” is not clipped", label.getStringCellValue())
						.isGreaterThanOrEqualTo(30f);
				}
				var hint = row.getCell(FigureTemplates.HINT_COLUMN);
				int hintWidth = sheet.getColumnWidth(FigureTemplates.HINT_COLUMN) / 256;
				if (hint.getStringCellValue().length() > hintWidth - 4) {
					assertThat(row.getHeightInPoints()).as("“%s” is not clipped", hint.getStringCellValue())
						.isGreaterThanOrEqualTo(30f);
				}
			}
			assertThat(sheet.getRow(2).getHeightInPoints()).as("the instructions")
				.isGreaterThanOrEqualTo(FigureTemplates
					.height(sheet.getRow(2).getCell(FigureTemplates.LABEL_COLUMN).getStringCellValue(), 158) - 0.5f);
			assertThat(longLabels + sheet.getLastRowNum()).isPositive();
		}
	}

	@Test
	void shouldTakeBackAFilledTemplateAsADraft() throws Exception {
		var expected = this.support.complete(SCHOOL);
		var filled = fill(download(SCHOOL, "2024-2025"), (sheet) -> {
			for (var entry : expected.entrySet()) {
				var cell = row(sheet, entry.getKey().label()).getCell(FigureTemplates.VALUE_COLUMN);
				var metric = this.support.form(SCHOOL)
					.sections()
					.stream()
					.flatMap((s) -> s.metrics().stream())
					.filter((m) -> m.code().equals(entry.getKey().metric()))
					.findFirst()
					.orElseThrow();
				if (entry.getValue().isEmpty()) {
					continue;
				}
				if (metric.type() == vn.chitieu.planning.ValueType.YES_NO) {
					cell.setCellValue(new BigDecimal(entry.getValue()).signum() != 0 ? "Có" : "Không");
				}
				else {
					cell.setCellValue(Double.parseDouble(entry.getValue()));
				}
			}
		});
		long uploads = uploads();
		this.mvc.perform(upload(SCHOOL, filled))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", containsString("lưu dạng nháp")));
		var form = this.support.form(SCHOOL);
		assertThat(form.submission().orElseThrow().status()).isEqualTo(SubmissionStatus.DRAFT);
		expected.forEach((key, value) -> {
			if (!value.isEmpty()) {
				assertThat(form.values().get(key)).as(key.label()).isEqualByComparingTo(value);
			}
		});
		assertThat(uploads()).isEqualTo(uploads + 1);
	}

	@Test
	void shouldTakeTheSameFileAgainFromTheUserWhoUploadedIt() throws Exception {
		var template = download(SCHOOL, "2024-2025");
		var first = fill(template,
				(sheet) -> row(sheet, "TH/classes").getCell(FigureTemplates.VALUE_COLUMN).setCellValue(30));
		this.mvc.perform(upload(SCHOOL, first))
			.andExpect(flash().attribute("uploadProblems", org.hamcrest.Matchers.nullValue()))
			.andExpect(flash().attribute("flash", containsString("lưu dạng nháp")));
		var second = fill(template,
				(sheet) -> row(sheet, "TH/classes").getCell(FigureTemplates.VALUE_COLUMN).setCellValue(31));
		this.mvc.perform(upload(SCHOOL, second))
			.andExpect(flash().attribute("uploadProblems", org.hamcrest.Matchers.nullValue()))
			.andExpect(flash().attribute("flash", containsString("lưu dạng nháp")));
		var classes = this.support.form(SCHOOL)
			.values()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().label().equals("TH/classes"))
			.findFirst()
			.orElseThrow();
		assertThat(classes.getValue()).as("the second upload of the same user went through").isEqualByComparingTo("31");
	}

	@Test
	void shouldStillRefuseAnOldFileWhenAnotherUserChangedTheReportSince() throws Exception {
		var colleague = "tpl-colleague-" + System.nanoTime();
		this.jdbc.update("""
				insert into app_user (username, password_hash, display_name, role, unit_id, enabled, created_at)
				values (?, 'x', 'Đồng nghiệp', 'SCHOOL', ?, true, now())
				""", colleague, this.support.id(SCHOOL));
		try {
			var template = download(SCHOOL, "2024-2025");
			this.mvc
				.perform(upload(SCHOOL, fill(template,
						(sheet) -> row(sheet, "TH/classes").getCell(FigureTemplates.VALUE_COLUMN).setCellValue(30))))
				.andExpect(flash().attribute("uploadProblems", org.hamcrest.Matchers.nullValue()));
			var form = this.support.form(SCHOOL);
			var key = form.values()
				.keySet()
				.stream()
				.filter((k) -> k.label().equals("TH/classes"))
				.findFirst()
				.orElseThrow();
			var saved = this.forms.save(this.support.user(colleague), this.support.id(SCHOOL), FormSupport.YEAR,
					new FigureInput(java.util.Map.of(key, "32"), java.util.Map.of(),
							form.submission().orElseThrow().version(), java.time.Instant.now()),
					SaveMode.DRAFT);
			assertThat(saved).isInstanceOf(SaveOutcome.Saved.class);
			this.mvc
				.perform(upload(SCHOOL, fill(template,
						(sheet) -> row(sheet, "TH/classes").getCell(FigureTemplates.VALUE_COLUMN).setCellValue(31))))
				.andExpect(flash().attribute("uploadProblems",
						hasItem(containsString("Số liệu đã được " + colleague + " thay đổi"))));
			assertThat(this.support.form(SCHOOL).values().get(key)).as("the colleague's value stands")
				.isEqualByComparingTo("32");
		}
		finally {
			this.jdbc.update("delete from app_user where username = ?", colleague);
		}
	}

	private long uploads() {
		return this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'TEMPLATE_UPLOADED' and unit_id = ?", Long.class,
				this.support.id(SCHOOL));
	}

	@Test
	void shouldRefuseFilesThatAreNotTemplates() throws Exception {
		refused("notes.txt", "Chỉ là chữ".getBytes(StandardCharsets.UTF_8), "không phải tệp Excel (.xlsx)");
		refused("old.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 },
				"Excel 97-2003 (.xls)");
		refused("empty.xlsx", new byte[0], "Tệp rỗng.");
		var huge = new byte[TemplateReader.MAX_BYTES + 1];
		huge[0] = 'P';
		huge[1] = 'K';
		huge[2] = 3;
		huge[3] = 4;
		refused("huge.xlsx", huge, "Tệp quá lớn");
		refused("broken.xlsx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }, "Không đọc được tệp");
		var plain = new ByteArrayOutputStream();
		try (var workbook = new XSSFWorkbook()) {
			workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("Số liệu");
			workbook.write(plain);
		}
		refused("other.xlsx", plain.toByteArray(), "không phải tệp mẫu tải từ Chỉ tiêu");
	}

	@Test
	void shouldRefuseAnotherSchoolsOrYearsTemplate() throws Exception {
		var others = this.mvc
			.perform(get(this.support.schoolPath(OTHER) + "/template.xlsx").with(this.logins.as(Logins.OFFICE)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		refused("other-school.xlsx", others,
				"Tệp này là của Trường Tiểu học Mẫu 08, không phải của Trường Tiểu học Mẫu 07.");
		refused("last-year.xlsx", download(SCHOOL, "2023-2024"),
				"Tệp này là của năm học 2023-2024, không phải năm học 2024-2025.");
	}

	@Test
	void shouldRefuseAlteredLabelsFormulasAndTextInNumberCells() throws Exception {
		var altered = fill(download(SCHOOL, "2024-2025"), (sheet) -> {
			row(sheet, "TH/pupils").getCell(FigureTemplates.LABEL_COLUMN).setCellValue("Học sinh");
			row(sheet, "TH/classes").getCell(FigureTemplates.VALUE_COLUMN).setCellFormula("10+20");
			row(sheet, "TH/teachers").getCell(FigureTemplates.VALUE_COLUMN).setCellValue("nhiều");
		});
		var pupilsRow = rowNumber(altered, "TH/pupils");
		var classesRow = rowNumber(altered, "TH/classes");
		var teachersRow = rowNumber(altered, "TH/teachers");
		this.mvc.perform(upload(SCHOOL, altered))
			.andExpect(flash().attribute("uploadProblems",
					hasItem("Trang tính “Số liệu”, ô B" + pupilsRow
							+ ": Tên số liệu đã bị sửa; phải là “Tổng số học sinh”.")))
			.andExpect(flash().attribute("uploadProblems",
					hasItem("Trang tính “Số liệu”, ô D" + classesRow + ": Không dùng công thức; hãy nhập số.")))
			.andExpect(flash().attribute("uploadProblems",
					hasItem("Trang tính “Số liệu”, ô D" + teachersRow + ": Chỉ nhập số, ví dụ 1234 hoặc 12,5.")));
		assertThat(this.support.form(SCHOOL).submission()).as("nothing saved").isEmpty();
	}

	@Test
	void shouldRefuseFiguresThatBreakARuleNamingTheCells() throws Exception {
		var bad = fill(download(SCHOOL, "2024-2025"), (sheet) -> {
			row(sheet, "TH/teachers").getCell(FigureTemplates.VALUE_COLUMN).setCellValue(40);
			row(sheet, "TH/teachers_university_plus").getCell(FigureTemplates.VALUE_COLUMN).setCellValue(45);
		});
		this.mvc.perform(upload(SCHOOL, bad))
			.andExpect(flash().attribute("uploadProblems",
					hasItem(containsString("ô D" + rowNumber(bad, "TH/teachers_university_plus")
							+ ": «GV có trình độ đại học trở lên» (45) không được lớn hơn «Số giáo viên» (40)."))));
		assertThat(this.support.form(SCHOOL).submission()).isEmpty();
	}

	@Test
	void shouldRefuseAZipBomb() throws Exception {
		var template = download(SCHOOL, "2024-2025");
		var bomb = rewrite(template, (name, content) -> name.equals("xl/worksheets/sheet1.xml")
				? bloat(content, 60 * 1024 * 1024) : content);
		assertThat(bomb.length).as("small on the wire").isLessThan(TemplateReader.MAX_BYTES);
		refused("bomb.xlsx", bomb, "nén quá mức");
	}

	@Test
	void shouldRefuseAnEntityExpansionAttack() throws Exception {
		var template = download(SCHOOL, "2024-2025");
		var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
		for (int i = 1; i < 10; i++) {
			laughs.append("<!ENTITY lol").append(i).append(" \"");
			for (int j = 0; j < 10; j++) {
				laughs.append("&lol").append((i > 1) ? String.valueOf(i - 1) : "").append(';');
			}
			laughs.append("\">");
		}
		laughs.append("]>");
		var attack = rewrite(template, (name, content) -> {
			if (!name.equals("xl/sharedStrings.xml")) {
				return content;
			}
			var xml = new String(content, StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*\\?>", "");
			xml = xml.replaceFirst("<t>Tổng số học sinh</t>", "<t>&lol9;</t>");
			return (laughs + xml).getBytes(StandardCharsets.UTF_8);
		});
		refused("laughs.xlsx", attack, "DOCTYPE");
	}

	@Test
	void shouldCallAPasswordProtectedFileSoNotAnXls() throws Exception {
		refused("protected.xlsx", HostileFiles.encrypted(download(SCHOOL, "2024-2025")), "có mật khẩu");
	}

	@Test
	void shouldRefuseADoctypeInAnyXmlPartOfTheFile() throws Exception {
		var template = download(SCHOOL, "2024-2025");
		for (var part : new String[] { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
				"xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml" }) {
			var withDoctype = rewrite(template,
					(name, content) -> name.equals(part) ? HostileFiles.withDoctype(content) : content);
			refused(part, withDoctype, "DOCTYPE");
		}
	}

	@Test
	void shouldRefuseAFileWithFarMoreSharedStringsThanATemplateHas() throws Exception {
		var many = HostileFiles.manySharedStrings(download(SCHOOL, "2024-2025"), 200_000);
		assertThat(many.length).as("small on the wire").isLessThan(TemplateReader.MAX_BYTES);
		refused("strings.xlsx", many, "quá nhiều");
	}

	@Test
	void shouldRefuseAFileWithFarMoreCellsThanATemplateHas() throws Exception {
		var many = HostileFiles.manyCells(download(SCHOOL, "2024-2025"), 150_000);
		assertThat(many.length).as("small on the wire").isLessThan(TemplateReader.MAX_BYTES);
		refused("cells.xlsx", many, "quá nhiều");
	}

	@Test
	void shouldAskToTryAgainInAMomentWhenEveryUploadSlotIsTaken() throws Exception {
		var template = download(SCHOOL, "2024-2025");
		int slots = this.uploads.available();
		assertThat(slots).isPositive();
		var release = new java.util.concurrent.CountDownLatch(1);
		var holders = java.util.concurrent.Executors.newFixedThreadPool(slots);
		try {
			for (int i = 0; i < slots; i++) {
				holders.submit(() -> this.uploads.read(() -> {
					try {
						return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return false;
					}
				}));
			}
			while (this.uploads.available() > 0) {
				Thread.sleep(10);
			}
			refused("busy.xlsx", template, "Hãy thử lại sau giây lát");
		}
		finally {
			release.countDown();
			holders.shutdown();
			assertThat(holders.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		}
		assertThat(this.uploads.available()).isEqualTo(slots);
		this.mvc.perform(upload(SCHOOL, template))
			.andExpect(flash().attribute("uploadProblems", org.hamcrest.Matchers.nullValue()));
	}

	@Test
	void shouldRecordAFileNameTooLongOrWithControlCharactersCleaned() throws Exception {
		var name = "bao-cao\0" + "-rat-dai".repeat(30) + ".xlsx";
		this.mvc
			.perform(multipart(this.support.schoolPath(SCHOOL) + "/upload")
				.file(file(name, download(SCHOOL, "2024-2025")))
				.with(this.logins.as(SCHOOL.toLowerCase()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", containsString("lưu dạng nháp")));
		var recorded = this.jdbc.queryForObject(
				"select entity_id from audit_event where action = 'TEMPLATE_UPLOADED' and unit_id = ? order by id desc limit 1",
				String.class, this.support.id(SCHOOL));
		assertThat(recorded).startsWith("bao-cao-rat-dai").hasSizeLessThanOrEqualTo(100).doesNotContain("\0");
	}

	@Test
	void shouldKeepTheTemplateAndUploadOfASchoolToItself() throws Exception {
		var mine = download(SCHOOL, "2024-2025");
		this.mvc
			.perform(multipart(this.support.schoolPath(OTHER) + "/upload").file(file("x.xlsx", mine))
				.with(this.logins.as(SCHOOL.toLowerCase()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get(this.support.schoolPath(OTHER) + "/template.xlsx").with(this.logins.as(SCHOOL.toLowerCase())))
			.andExpect(status().isForbidden());
	}

	private void refused(String name, byte[] bytes, String message) throws Exception {
		this.mvc
			.perform(multipart(this.support.schoolPath(SCHOOL) + "/upload").file(file(name, bytes))
				.with(this.logins.as(SCHOOL.toLowerCase()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("uploadProblems", hasItem(containsString(message))));
		assertThat(this.support.form(SCHOOL).submission()).as("%s saved nothing", name).isEmpty();
	}

	private byte[] download(String code, String year) throws Exception {
		return this.mvc
			.perform(get("/schools/" + this.support.id(code) + "/figures/" + year + "/template.xlsx")
				.with(this.logins.as(code.toLowerCase())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private org.springframework.test.web.servlet.RequestBuilder upload(String code, byte[] bytes) {
		return multipart(this.support.schoolPath(code) + "/upload").file(file("filled.xlsx", bytes))
			.with(this.logins.as(code.toLowerCase()))
			.with(csrf());
	}

	private static MockMultipartFile file(String name, byte[] bytes) {
		return new MockMultipartFile("file", name, FigureTemplatesTestSupport.XLSX, bytes);
	}

	private static byte[] fill(byte[] template, Consumer<XSSFSheet> change) throws IOException {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
				var out = new ByteArrayOutputStream()) {
			change.accept(workbook.getSheet(FigureTemplates.FIGURES_SHEET));
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static org.apache.poi.ss.usermodel.Row row(XSSFSheet sheet, String code) {
		for (var row : sheet) {
			var cell = row.getCell(FigureTemplates.CODE_COLUMN);
			if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(code)) {
				return row;
			}
		}
		throw new AssertionError("No row " + code);
	}

	private static int rowNumber(byte[] file, String code) throws IOException {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			return row(workbook.getSheet(FigureTemplates.FIGURES_SHEET), code).getRowNum() + 1;
		}
	}

	/** Rewrites the entries of a zip file. */
	private static byte[] rewrite(byte[] zip, EntryChange change) throws IOException {
		var out = new ByteArrayOutputStream();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip)); var target = new ZipOutputStream(out)) {
			target.setLevel(9);
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				var content = change.apply(entry.getName(), in.readAllBytes());
				target.putNextEntry(new ZipEntry(entry.getName()));
				target.write(content);
				target.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/** A sheet padded with white space: harmless to read, but it inflates hugely. */
	private static byte[] bloat(byte[] content, int size) {
		var xml = new String(content, StandardCharsets.UTF_8);
		var at = xml.indexOf("<sheetData");
		var padded = new StringBuilder(size + xml.length());
		padded.append(xml, 0, at);
		padded.append(" ".repeat(size));
		padded.append(xml.substring(at));
		return padded.toString().getBytes(StandardCharsets.UTF_8);
	}

	@FunctionalInterface
	private interface EntryChange {

		byte[] apply(String name, byte[] content);

	}

	/** Constants shared by the template tests. */
	static final class FigureTemplatesTestSupport {

		static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

		private FigureTemplatesTestSupport() {
		}

	}

}
