package vn.chitieu.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The styles and cells of the exported workbooks: Times New Roman as administrative
 * documents use it, numbers as numbers with their formats, borders on tables, A4 pages.
 */
final class Sheets {

	static final String FONT = "Times New Roman";

	/** The print scale of wide tables, in per cent. */
	static final int WIDE_SCALE = 70;

	/**
	 * How many characters of column width a page of a wide table holds: A4 landscape at
	 * {@link #WIDE_SCALE}, with room to spare.
	 */
	static final int WIDE_PAGE_CHARACTERS = 185;

	/** A percentage with one decimal: the value is stored as a fraction (0.655). */
	static final String PERCENT = "0.0%";

	static final String INTEGER = "#,##0";

	static final String DECIMAL = "#,##0.0";

	static final String DECIMALS = "#,##0.##";

	private final Workbook workbook;

	private final Map<String, CellStyle> styles = new HashMap<>();

	private final Map<String, Font> fonts = new HashMap<>();

	Sheets(Workbook workbook) {
		this.workbook = workbook;
	}

	// ------------------------------------------------------------------ styles

	/** Plain text, no border: the document's header and footer. */
	CellStyle plain(int points, boolean bold, boolean italic, boolean underline, HorizontalAlignment align) {
		return this.styles.computeIfAbsent("plain/" + points + bold + italic + underline + align, (k) -> {
			var style = this.workbook.createCellStyle();
			style.setFont(font(points, bold, italic, underline, false));
			style.setAlignment(align);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			style.setWrapText(true);
			return style;
		});
	}

	/** A table's heading cell. */
	CellStyle header() {
		return this.styles.computeIfAbsent("header", (k) -> {
			var style = bordered(font(12, true, false, false, false));
			style.setAlignment(HorizontalAlignment.CENTER);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			style.setWrapText(true);
			style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			return style;
		});
	}

	/** A section row of a table (I. Giáo dục mầm non). */
	CellStyle section() {
		return this.styles.computeIfAbsent("section", (k) -> {
			var style = bordered(font(12, true, false, false, false));
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			return style;
		});
	}

	/** A table's text cell, wrapped. */
	CellStyle text() {
		return this.styles.computeIfAbsent("text", (k) -> {
			var style = bordered(font(12, false, false, false, false));
			style.setWrapText(true);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		});
	}

	/** A table's small note, wrapped and in italics. */
	CellStyle note() {
		return this.styles.computeIfAbsent("note", (k) -> {
			var style = bordered(font(11, false, true, false, false));
			style.setWrapText(true);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		});
	}

	/** A table's short centred text (a status, a code). */
	CellStyle centered(boolean bold) {
		return this.styles.computeIfAbsent("centered/" + bold, (k) -> {
			var style = bordered(font(12, bold, false, false, false));
			style.setAlignment(HorizontalAlignment.CENTER);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			style.setWrapText(true);
			return style;
		});
	}

	/** A table's number, in a number format. */
	CellStyle number(String format) {
		return this.styles.computeIfAbsent("number/" + format, (k) -> {
			var style = bordered(font(12, false, false, false, false));
			style.setDataFormat(this.workbook.createDataFormat().getFormat(format));
			style.setAlignment(HorizontalAlignment.RIGHT);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		});
	}

	/** A row's number (STT), centred. */
	CellStyle ordinal() {
		return this.styles.computeIfAbsent("ordinal", (k) -> {
			var style = bordered(font(12, false, false, false, false));
			style.setDataFormat(this.workbook.createDataFormat().getFormat("0"));
			style.setAlignment(HorizontalAlignment.CENTER);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		});
	}

	/** A warning that stands out: sample data. */
	CellStyle warning() {
		return this.styles.computeIfAbsent("warning", (k) -> {
			var style = this.workbook.createCellStyle();
			style.setFont(font(12, true, false, false, true));
			style.setAlignment(HorizontalAlignment.CENTER);
			return style;
		});
	}

	private CellStyle bordered(Font font) {
		var style = this.workbook.createCellStyle();
		style.setFont(font);
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

	private Font font(int points, boolean bold, boolean italic, boolean underline, boolean red) {
		return this.fonts.computeIfAbsent(points + "/" + bold + italic + underline + red, (k) -> {
			var font = this.workbook.createFont();
			font.setFontName(FONT);
			font.setFontHeightInPoints((short) points);
			font.setBold(bold);
			font.setItalic(italic);
			if (underline) {
				font.setUnderline(Font.U_SINGLE);
			}
			if (red) {
				font.setColor(IndexedColors.DARK_RED.getIndex());
			}
			return font;
		});
	}

	// ------------------------------------------------------------------ cells

	static Row row(Sheet sheet, int index) {
		var row = sheet.getRow(index);
		return (row != null) ? row : sheet.createRow(index);
	}

	/**
	 * A text cell. Text that a spreadsheet could take for a formula (starting with =, +,
	 * -, @, a tab or a carriage return) is neutralised with a leading apostrophe: names
	 * and comments come from users.
	 */
	static Cell text(Row row, int column, String text, CellStyle style) {
		var cell = row.createCell(column);
		if (text != null && !text.isEmpty()) {
			cell.setCellValue(safe(text));
		}
		if (style != null) {
			cell.setCellStyle(style);
		}
		return cell;
	}

	/**
	 * Gives a table row the height its wrapped texts need. Spreadsheets do not size rows
	 * when they open a file (LibreOffice keeps the default height, and wrapped lines then
	 * overlap the rows below on screen and on paper), so the height is set from the
	 * length of each text and the width of its column: about 1.05 characters of Times New
	 * Roman 12 per unit of column width, lines of 1.2 times the font size.
	 * @param row a row whose cells are all written
	 */
	static void fitHeight(Row row) {
		fitHeight(row, -1, -1);
	}

	/**
	 * As {@link #fitHeight(Row)}, for a row whose cells {@code mergedFrom} to
	 * {@code mergedTo} are merged into one.
	 * @param row a row whose cells are all written
	 * @param mergedFrom the first merged column
	 * @param mergedTo the last merged column
	 */
	static void fitHeight(Row row, int mergedFrom, int mergedTo) {
		var sheet = row.getSheet();
		float points = 0;
		for (var cell : row) {
			var style = cell.getCellStyle();
			if (cell.getCellType() != CellType.STRING || style == null || !style.getWrapText()) {
				continue;
			}
			int column = cell.getColumnIndex();
			double width = 0;
			int last = (column == mergedFrom) ? mergedTo : column;
			for (int c = column; c <= last; c++) {
				width += sheet.getColumnWidth(c) / 256.0;
			}
			var font = sheet.getWorkbook().getFontAt(style.getFontIndex());
			double perLine = Math.max(1, width * 1.05 * 12 / font.getFontHeightInPoints());
			int lines = 0;
			for (var paragraph : cell.getStringCellValue().split("\n", -1)) {
				lines += Math.max(1, (int) Math.ceil(paragraph.length() / perLine));
			}
			points = Math.max(points, lines * font.getFontHeightInPoints() * 1.2f + 3);
		}
		if (points > sheet.getDefaultRowHeightInPoints()) {
			row.setHeightInPoints(points);
		}
	}

	/**
	 * A number cell; an empty one (with the style, for the borders) when there is none.
	 */
	static Cell number(Row row, int column, BigDecimal value, CellStyle style) {
		var cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(style);
		return cell;
	}

	/** Empty cells with a style, so that a merged region keeps its borders. */
	static void fill(Row row, int from, int to, CellStyle style) {
		for (int column = from; column <= to; column++) {
			if (row.getCell(column) == null) {
				row.createCell(column).setCellStyle(style);
			}
		}
	}

	static void merge(Sheet sheet, int row, int firstColumn, int lastColumn) {
		if (lastColumn > firstColumn) {
			merge(sheet, row, row, firstColumn, lastColumn);
		}
	}

	/**
	 * Merges cells. The regions the exports merge never overlap, so POI's check of every
	 * earlier region (quadratic over thousands of rows) is skipped.
	 */
	static void merge(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn) {
		sheet.addMergedRegionUnsafe(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
	}

	/**
	 * @param text a text from users or plans
	 * @return the same text, unable to be taken for a formula
	 */
	static String safe(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + text : text;
	}

	/**
	 * A4, landscape or not, fitted to the page width, with the table's heading repeated
	 * on every printed page and frozen on screen.
	 */
	static void page(Sheet sheet, boolean landscape, int headerFirstRow, int headerLastRow, int frozenColumns) {
		var print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(landscape);
		sheet.setFitToPage(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setAutobreaks(true);
		sheet.setHorizontallyCenter(true);
		sheet.setMargin(Sheet.LeftMargin, 0.5);
		sheet.setMargin(Sheet.RightMargin, 0.4);
		sheet.setMargin(Sheet.TopMargin, 0.6);
		sheet.setMargin(Sheet.BottomMargin, 0.6);
		sheet.setRepeatingRows(CellRangeAddress.valueOf((headerFirstRow + 1) + ":" + (headerLastRow + 1)));
		sheet.createFreezePane(frozenColumns, headerLastRow + 1);
	}

	/**
	 * A wide table printed so that a person can read it: A4 landscape at a fixed scale,
	 * the columns split over pages in groups with a page break between groups, the key
	 * columns (which school) repeated on every page, the heading rows repeated too, and
	 * the page number in the footer. Fitting 25 or 90 columns to one page width would
	 * print them too small to read.
	 * @param sheet the sheet
	 * @param headerFirstRow the first heading row (0-based)
	 * @param headerLastRow the last heading row
	 * @param keyColumns how many columns from the first are repeated on every page
	 * @param frozenColumns how many columns stay in view on screen
	 * @param lastColumn the last column of the table
	 * @param title the document's title, in the page header
	 */
	static void widePages(Sheet sheet, int headerFirstRow, int headerLastRow, int keyColumns, int frozenColumns,
			int lastColumn, String title) {
		var print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		sheet.setFitToPage(false);
		print.setScale((short) WIDE_SCALE);
		sheet.setAutobreaks(false);
		sheet.setMargin(Sheet.LeftMargin, 0.4);
		sheet.setMargin(Sheet.RightMargin, 0.4);
		sheet.setMargin(Sheet.TopMargin, 0.7);
		sheet.setMargin(Sheet.BottomMargin, 0.7);
		sheet.setRepeatingRows(CellRangeAddress.valueOf((headerFirstRow + 1) + ":" + (headerLastRow + 1)));
		if (keyColumns > 0) {
			sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, keyColumns - 1));
		}
		int keyWidth = 0;
		for (int c = 0; c < keyColumns; c++) {
			keyWidth += sheet.getColumnWidth(c) / 256;
		}
		int used = 0;
		for (int c = 0; c <= lastColumn; c++) {
			int width = sheet.getColumnWidth(c) / 256;
			if (used + width > WIDE_PAGE_CHARACTERS && c > keyColumns) {
				sheet.setColumnBreak(c - 1);
				used = keyWidth;
			}
			used += width;
		}
		sheet.getHeader().setLeft(title);
		sheet.getFooter().setCenter("Trang &P/&N");
		sheet.createFreezePane(frozenColumns, headerLastRow + 1);
	}

}
