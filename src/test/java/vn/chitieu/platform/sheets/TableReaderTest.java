package vn.chitieu.platform.sheets;

import java.util.List;
import java.util.Locale;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import vn.chitieu.platform.sheets.TableReader.Column;
import vn.chitieu.platform.sheets.TableReader.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading sheets of rows under known Vietnamese headers.
 */
class TableReaderTest {

	private static final Table SCHOOLS = new Table("Trường", List.of(Column.of("code", "Mã trường"),
			Column.of("name", "Tên trường"), new Column("closed", "Năm học đóng cửa", true)));

	@Test
	void shouldMatchHeadersIgnoringCaseAccentsAndSpacingAndSkipEmptyRows() throws Exception {
		try (var workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet("trường");
			row(sheet, 0, "  MA   TRUONG ", "tên trường");
			row(sheet, 1, "TH-A", "Trường A ");
			row(sheet, 2, "", "");
			var numeric = sheet.createRow(4);
			numeric.createCell(0).setCellValue(12345);
			numeric.createCell(1).setCellValue("Trường B");
			var rows = TableReader.read(workbook, List.of(SCHOOLS), 10).get("Trường");
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).get("code")).isEqualTo("TH-A");
			assertThat(rows.get(0).get("name")).isEqualTo("Trường A");
			assertThat(rows.get(0).get("closed")).isNull();
			assertThat(rows.get(1).number()).isEqualTo(5);
			assertThat(rows.get(1).get("code")).isEqualTo("12345");
		}
	}

	@Test
	void shouldReportEveryUnknownAndMissingColumnAndAMissingSheet() throws Exception {
		try (var workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet("Trường");
			row(sheet, 0, "Mã trường", "Ghi chú", "Mã trường");
			var other = new Table("Phường", List.of(Column.of("code", "Mã phường")));
			assertThatThrownBy(() -> TableReader.read(workbook, List.of(SCHOOLS, other), 10))
				.isInstanceOfSatisfying(SheetException.class, (ex) -> assertThat(ex.problems()).containsExactly(
						new SheetProblem("Trường", 1, "B", "Ghi chú", "sheet.error.unknownColumn", List.of("Ghi chú")),
						new SheetProblem("Trường", 1, "C", "Mã trường", "sheet.error.duplicateColumn",
								List.of("Mã trường")),
						new SheetProblem("Trường", 1, null, "Tên trường", "sheet.error.missingColumn",
								List.of("Tên trường")),
						new SheetProblem(null, null, null, null, "sheet.error.missingSheet", List.of("Phường"))));
		}
	}

	@Test
	void shouldRefuseFormulasAndErrorsWithTheirCell() throws Exception {
		try (var workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet("Trường");
			row(sheet, 0, "Mã trường", "Tên trường");
			row(sheet, 1, "A", "B");
			var row = sheet.createRow(2);
			row.createCell(0).setCellValue("C");
			row.createCell(1).setCellFormula("A2&\"x\"");
			assertThatThrownBy(() -> TableReader.read(workbook, List.of(SCHOOLS), 10))
				.isInstanceOfSatisfying(SheetException.class, (ex) -> {
					assertThat(ex.problems()).hasSize(1);
					assertThat(ex.problems().get(0).cell()).isEqualTo("B3");
					assertThat(ex.problems().get(0).header()).isEqualTo("Tên trường");
					assertThat(ex.problems().get(0).key()).isEqualTo("sheet.error.formula");
				});
		}
	}

	@Test
	void shouldRefuseMoreRowsThanTheLimit() throws Exception {
		try (var workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet("Trường");
			row(sheet, 0, "Mã trường", "Tên trường");
			for (int i = 1; i <= 4; i++) {
				row(sheet, i, "C" + i, "N" + i);
			}
			assertThat(TableReader.read(workbook, List.of(SCHOOLS), 4).get("Trường")).hasSize(4);
			assertThatThrownBy(() -> TableReader.read(workbook, List.of(SCHOOLS), 3))
				.isInstanceOfSatisfying(SheetException.class, (ex) -> assertThat(ex.problems()).containsExactly(
						new SheetProblem("Trường", null, null, null, "sheet.error.tooManyRows", List.of(3))));
		}
	}

	@Test
	void shouldRecogniseAnotherTemplateByItsMarkAndReadAnUnmarkedWorkbook() throws Exception {
		try (var workbook = new XSSFWorkbook()) {
			workbook.createSheet("Trường");
			XlsxFiles.checkMark(workbook, "chitieu-units", 1);
			XlsxFiles.mark(workbook, "chitieu-template", 1);
			assertThatThrownBy(() -> XlsxFiles.checkMark(workbook, "chitieu-units", 1))
				.isInstanceOfSatisfying(SheetException.class, (ex) -> {
					assertThat(ex.problems().get(0).key()).isEqualTo("sheet.error.otherTemplate");
					assertThat(ex.problems().get(0).args()).containsExactly(new XlsxFiles.Message("sheet.kind.figures"),
							new XlsxFiles.Message("sheet.kind.units"));
				});
		}
		try (var workbook = new XSSFWorkbook()) {
			XlsxFiles.mark(workbook, "chitieu-units", 0);
			assertThatThrownBy(() -> XlsxFiles.checkMark(workbook, "chitieu-units", 1)).isInstanceOfSatisfying(
					SheetException.class,
					(ex) -> assertThat(ex.problems().get(0).key()).isEqualTo("sheet.error.oldTemplate"));
		}
	}

	@Test
	void shouldRefuseWhatIsNotAnXlsxBeforeOpeningIt() {
		assertThatThrownBy(() -> XlsxFiles.open(new byte[0], 1000)).isInstanceOfSatisfying(SheetException.class,
				(ex) -> assertThat(ex.problems().get(0).key()).isEqualTo("template.error.empty"));
		assertThatThrownBy(() -> XlsxFiles.open("%PDF-1.4 hello".getBytes(), 1000)).isInstanceOfSatisfying(
				SheetException.class,
				(ex) -> assertThat(ex.problems().get(0).key()).isEqualTo("template.error.notXlsx"));
		assertThatThrownBy(() -> XlsxFiles.open(new byte[2048], 1024)).isInstanceOfSatisfying(SheetException.class,
				(ex) -> assertThat(ex.problems().get(0).key()).isEqualTo("template.error.tooLarge"));
	}

	@Test
	void shouldSayWhereEachProblemIsInTheUsersLanguage() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		var problem = new SheetProblem("Trường", 12, "C", "Cấp học", "sheet.error.formula", List.of());
		assertThat(SheetMessages.render(problem, messages, Locale.forLanguageTag("vi"))).isEqualTo(
				"Trang “Trường”, dòng 12, cột C (Cấp học): Ô có công thức; hãy nhập giá trị (không dùng công thức).");
		assertThat(SheetMessages.render(problem, messages, Locale.ENGLISH))
			.startsWith("Sheet “Trường”, row 12, column C (Cấp học): The cell holds a formula");
		var other = SheetProblem.file("sheet.error.otherTemplate", new XlsxFiles.Message("sheet.kind.figures"),
				new XlsxFiles.Message("sheet.kind.units"));
		assertThat(SheetMessages.render(other, messages, Locale.forLanguageTag("vi")))
			.startsWith("Đây là tệp số liệu của một đơn vị");
	}

	private static void row(org.apache.poi.ss.usermodel.Sheet sheet, int index, String... values) {
		var row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

}
