package vn.chitieu.platform.sheets;

import java.util.List;

import org.apache.poi.ss.util.CellReference;

/**
 * A problem with an uploaded workbook, where Excel shows it.
 *
 * @param sheet the sheet concerned, or null for the whole file
 * @param row the row number as Excel shows it (from 1), or null for the whole sheet
 * @param column the column letter (e.g. {@code C}), or null for the whole row
 * @param header the column's header as the template names it, or null
 * @param key the message key
 * @param args the message arguments
 */
public record SheetProblem(String sheet, Integer row, String column, String header, String key, List<Object> args) {

	public SheetProblem {
		args = List.copyOf(args);
	}

	/**
	 * @param key the message key
	 * @param args its arguments
	 * @return a problem with the whole file
	 */
	public static SheetProblem file(String key, Object... args) {
		return new SheetProblem(null, null, null, null, key, List.of(args));
	}

	/**
	 * @param sheet the sheet
	 * @param key the message key
	 * @param args its arguments
	 * @return a problem with a whole sheet
	 */
	public static SheetProblem sheet(String sheet, String key, Object... args) {
		return new SheetProblem(sheet, null, null, null, key, List.of(args));
	}

	/**
	 * @param sheet the sheet
	 * @param rowIndex the row's index (from 0)
	 * @param columnIndex the column's index (from 0), or -1 for the whole row
	 * @param header the column's header, or null
	 * @param key the message key
	 * @param args its arguments
	 * @return a problem with one cell
	 */
	public static SheetProblem cell(String sheet, int rowIndex, int columnIndex, String header, String key,
			Object... args) {
		return new SheetProblem(sheet, rowIndex + 1,
				(columnIndex >= 0) ? CellReference.convertNumToColString(columnIndex) : null, header, key,
				List.of(args));
	}

	/**
	 * @return the cell's reference (e.g. {@code C5}), or null if the problem is not with
	 * one cell
	 */
	public String cell() {
		return (this.column != null && this.row != null) ? this.column + this.row : null;
	}

}
