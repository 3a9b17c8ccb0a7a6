package vn.chitieu.dataentry;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.chitieu.platform.sheets.SheetException;
import vn.chitieu.platform.sheets.SheetProblem;
import vn.chitieu.platform.sheets.XlsxInspector;

/**
 * Reads a filled Excel template back: the unit, year and version it was made for, and the
 * text of every input cell with where it stands. Refuses files that are not this
 * application's templates, damaged or dangerous (zip bombs, entity expansion), and cells
 * holding formulas.
 */
final class TemplateReader {

	private static final Logger log = LoggerFactory.getLogger(TemplateReader.class);

	/** The largest file accepted. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	/** More rows than any template has: a file with more is not one of ours. */
	private static final int MAX_ROWS = 2000;

	static {
		// A file that expands more than 100 times, or any part above 20 MB, is refused as
		// a
		// zip bomb before it fills the memory.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(20L * 1024 * 1024);
		ZipSecureFile.setMaxTextSize(5L * 1024 * 1024);
	}

	private TemplateReader() {
	}

	/**
	 * Reads a file.
	 * @param bytes its content
	 * @return what it holds
	 * @throws TemplateException if it cannot be read as one of our templates
	 */
	static Content read(byte[] bytes) {
		if (bytes.length == 0) {
			throw refuse("template.error.empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw refuse("template.error.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
			// An .xls, or an .xlsx saved with a password (an encrypted package in OLE2).
			throw new TemplateException(List.of(problem(XlsxInspector.ole2(bytes))));
		}
		if (!startsWith(bytes, 'P', 'K', 3, 4)) {
			throw refuse("template.error.notXlsx");
		}
		// What the file may cost is bounded before POI holds it in memory.
		try {
			XlsxInspector.inspect(bytes);
		}
		catch (SheetException ex) {
			throw new TemplateException(ex.problems().stream().map(TemplateReader::problem).toList());
		}
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			return read(workbook);
		}
		catch (TemplateException ex) {
			throw ex;
		}
		catch (Exception | LinkageError ex) {
			log.info("Refused an uploaded file: {}", ex.toString());
			var text = String.valueOf(ex.getMessage()) + " "
					+ ((ex.getCause() != null) ? ex.getCause().getMessage() : "");
			throw refuse(text.toLowerCase(java.util.Locale.ROOT).contains("zip bomb") ? "template.error.zipBomb"
					: "template.error.damaged");
		}
	}

	private static Content read(XSSFWorkbook workbook) {
		var meta = workbook.getSheet(FigureTemplates.META_SHEET);
		var sheet = workbook.getSheet(FigureTemplates.FIGURES_SHEET);
		if (meta == null || sheet == null) {
			throw refuse("template.error.notTemplate");
		}
		var properties = new HashMap<String, String>();
		for (Row row : meta) {
			var key = text(row.getCell(0));
			if (key != null) {
				properties.put(key, text(row.getCell(1)));
			}
		}
		if (!FigureTemplates.FORMAT.equals(properties.get("format"))) {
			throw refuse("template.error.notTemplate");
		}
		var problems = new ArrayList<TemplateProblem>();
		var cells = new LinkedHashMap<FigureKey, Entry>();
		int rows = 0;
		for (Row row : sheet) {
			if (++rows > MAX_ROWS) {
				throw refuse("template.error.notTemplate");
			}
			var code = text(row.getCell(FigureTemplates.CODE_COLUMN));
			if (code == null || code.isBlank() || row.getRowNum() <= FigureTemplates.HEADER_ROW) {
				continue;
			}
			var key = FigureForms.keyOf(code.strip());
			var labelReference = new CellReference(row.getRowNum(), FigureTemplates.LABEL_COLUMN).formatAsString(false);
			if (key == null) {
				problems.add(new TemplateProblem(sheet.getSheetName(), labelReference, "template.error.unknownRow",
						List.of()));
				continue;
			}
			var valueCell = row.getCell(FigureTemplates.VALUE_COLUMN);
			var reference = new CellReference(row.getRowNum(), FigureTemplates.VALUE_COLUMN).formatAsString(false);
			if (cells.containsKey(key)) {
				problems.add(new TemplateProblem(sheet.getSheetName(), labelReference, "template.error.duplicateRow",
						List.of()));
				continue;
			}
			String raw;
			if (valueCell == null || valueCell.getCellType() == CellType.BLANK) {
				raw = "";
			}
			else if (valueCell.getCellType() == CellType.FORMULA) {
				problems.add(new TemplateProblem(sheet.getSheetName(), reference, "template.error.formula", List.of()));
				raw = "";
			}
			else if (valueCell.getCellType() == CellType.ERROR) {
				problems
					.add(new TemplateProblem(sheet.getSheetName(), reference, "template.error.cellError", List.of()));
				raw = "";
			}
			else if (valueCell.getCellType() == CellType.NUMERIC) {
				raw = BigDecimal.valueOf(valueCell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			}
			else if (valueCell.getCellType() == CellType.BOOLEAN) {
				raw = valueCell.getBooleanCellValue() ? "1" : "0";
			}
			else {
				raw = valueCell.getStringCellValue();
			}
			cells.put(key, new Entry(raw, text(row.getCell(FigureTemplates.LABEL_COLUMN)), reference, labelReference));
		}
		return new Content(properties.get("unit_code"), properties.get("school_year"),
				parseInt(properties.get("version")), parseLong(properties.get("generated_at")), sheet.getSheetName(),
				cells, problems);
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return null;
		}
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			default -> null;
		};
	}

	private static int parseInt(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (RuntimeException ex) {
			throw refuse("template.error.notTemplate");
		}
	}

	private static long parseLong(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (RuntimeException ex) {
			throw refuse("template.error.notTemplate");
		}
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static TemplateProblem problem(SheetProblem problem) {
		return new TemplateProblem(problem.sheet(), problem.cell(), problem.key(), problem.args());
	}

	private static TemplateException refuse(String key, Object... args) {
		return new TemplateException(List.of(TemplateProblem.file(key, args)));
	}

	/**
	 * What a template holds.
	 *
	 * @param unitCode the unit it was made for
	 * @param schoolYear the school year it was made for
	 * @param version the submission's version when it was made
	 * @param generatedAt when it was made (epoch milliseconds)
	 * @param sheet the name of the figures sheet
	 * @param cells the input cells, by figure
	 * @param problems cells that cannot be read
	 */
	record Content(String unitCode, String schoolYear, int version, long generatedAt, String sheet,
			Map<FigureKey, Entry> cells, List<TemplateProblem> problems) {
	}

	/**
	 * One row of the template.
	 *
	 * @param raw the text of its input cell
	 * @param label the label in the file
	 * @param cell the input cell's reference
	 * @param labelCell the label cell's reference
	 */
	record Entry(String raw, String label, String cell, String labelCell) {
	}

}
