package vn.chitieu.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fills the plan workbook as an Office clerk would in Excel, with POI: the plan's sheet,
 * indicators and metrics in the template's columns.
 */
public final class PlanWorkbookFiles {

	private PlanWorkbookFiles() {
	}

	/**
	 * @param workbook the workbook (the empty one, downloaded)
	 * @param header code, document number, title, English title, issuer, issued, baseline
	 * year, target year
	 * @param indicators rows of the indicators' sheet, from its first column
	 * @param metrics rows of the metrics' sheet, from its first column ("Khai báo")
	 * @return the filled workbook
	 */
	public static byte[] fill(byte[] workbook, String[] header, List<String[]> indicators, List<String[]> metrics) {
		return edit(workbook, (book) -> {
			var plan = book.getSheet("Kế hoạch");
			for (int i = 0; i < header.length; i++) {
				plan.getRow(i + 1).createCell(1).setCellValue(header[i]);
			}
			rows(book.getSheet("Chỉ tiêu"), indicators);
			rows(book.getSheet("Số liệu"), metrics);
		});
	}

	/**
	 * @param workbook a workbook
	 * @param change what to change in it
	 * @return the changed workbook
	 */
	public static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> change) {
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			change.accept(book);
			var out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void rows(Sheet sheet, List<String[]> rows) {
		int r = sheet.getLastRowNum() + 1;
		for (var values : rows) {
			var row = sheet.createRow(r++);
			for (int c = 0; c < values.length; c++) {
				if (values[c] != null) {
					row.createCell(c).setCellValue(values[c]);
				}
			}
		}
	}

}
