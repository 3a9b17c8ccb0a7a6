package vn.chitieu.report;

import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Cells of the exports: user text never becomes a formula, numbers stay numbers.
 */
class SheetsTest {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1" })
	void shouldNeutraliseTextThatASpreadsheetCouldTakeForAFormula(String text) {
		assertThat(Sheets.safe(text)).isEqualTo("'" + text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Trường Mầm non Hoa Sữa", "1+1", "a=b", "'=1", " =1" })
	void shouldKeepOrdinaryTextAsItIs(String text) {
		assertThat(Sheets.safe(text)).isEqualTo(text);
	}

	@Test
	void shouldKeepNothingAsNothing() {
		assertThat(Sheets.safe(null)).isNull();
		assertThat(Sheets.safe("")).isEmpty();
	}

	@Test
	void shouldWriteTextAsStringCellsAndNumbersAsFormattedNumbers() throws Exception {
		try (var workbook = new XSSFWorkbook()) {
			var sheets = new Sheets(workbook);
			var row = Sheets.row(workbook.createSheet("s"), 0);
			var text = Sheets.text(row, 0, "=1+1", sheets.text());
			var number = Sheets.number(row, 1, new BigDecimal("0.655"), sheets.number(Sheets.PERCENT));
			var empty = Sheets.number(row, 2, null, sheets.number(Sheets.INTEGER));

			assertThat(text.getCellType()).isEqualTo(CellType.STRING);
			assertThat(text.getStringCellValue()).isEqualTo("'=1+1");
			assertThat(number.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(number.getNumericCellValue()).isEqualTo(0.655);
			assertThat(number.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(empty.getCellType()).isEqualTo(CellType.BLANK);
			assertThat(workbook.getFontAt(text.getCellStyle().getFontIndex()).getFontName())
				.isEqualTo("Times New Roman");
		}
	}

	@Test
	void shouldMakeRowsTallEnoughForTheirWrappedText() throws Exception {
		try (var workbook = new XSSFWorkbook()) {
			var sheets = new Sheets(workbook);
			var sheet = workbook.createSheet("s");
			sheet.setColumnWidth(0, 20 * 256);
			sheet.setColumnWidth(1, 20 * 256);
			var shortRow = Sheets.row(sheet, 0);
			Sheets.text(shortRow, 0, "Đạt", sheets.text());
			Sheets.fitHeight(shortRow);
			// About 21 characters a line: 105 characters take 5 lines of 12 points.
			var longRow = Sheets.row(sheet, 1);
			Sheets.text(longRow, 0, "x".repeat(105), sheets.text());
			Sheets.fitHeight(longRow);
			// The same text over two merged columns takes half as many lines.
			var mergedRow = Sheets.row(sheet, 2);
			Sheets.text(mergedRow, 0, "x".repeat(105), sheets.text());
			Sheets.fitHeight(mergedRow, 0, 1);
			// Lines the user broke count as lines.
			var brokenRow = Sheets.row(sheet, 3);
			Sheets.text(brokenRow, 0, "a\nb\nc", sheets.text());
			Sheets.fitHeight(brokenRow);

			assertThat(shortRow.getHeightInPoints()).isCloseTo(1 * 12 * 1.2f + 3, within(0.05f));
			assertThat(longRow.getHeightInPoints()).isCloseTo(5 * 12 * 1.2f + 3, within(0.05f));
			assertThat(mergedRow.getHeightInPoints()).isCloseTo(3 * 12 * 1.2f + 3, within(0.05f));
			assertThat(brokenRow.getHeightInPoints()).isCloseTo(3 * 12 * 1.2f + 3, within(0.05f));
		}
	}

}
