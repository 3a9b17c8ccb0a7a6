package vn.chitieu.platform.sheets;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Reads sheets of rows under known Vietnamese headers (a sheet of wards, of schools, of
 * users): the header row is the first row with anything in it, its headers are matched
 * ignoring case, accents and spacing, and every problem (a missing or unknown column, a
 * formula, too many rows) is listed by sheet, row and column, never only the first. Empty
 * rows are skipped. It knows nothing of what the values mean: the importer checks them,
 * with {@link Row#problem}.
 */
public final class TableReader {

	/** Only the first rows are searched for the header row. */
	private static final int HEADER_SEARCH = 10;

	private TableReader() {
	}

	/**
	 * Reads the sheets of a workbook.
	 * @param workbook the workbook
	 * @param tables the sheets expected, with their columns
	 * @param maxRows the most data rows a sheet may hold
	 * @return the rows of each sheet, by sheet name, in the order given
	 * @throws SheetException listing every problem found
	 */
	public static Map<String, List<Row>> read(Workbook workbook, List<Table> tables, int maxRows) {
		var problems = new ArrayList<SheetProblem>();
		var result = new LinkedHashMap<String, List<Row>>();
		for (var table : tables) {
			var sheet = find(workbook, table.name());
			if (sheet == null) {
				problems.add(SheetProblem.file("sheet.error.missingSheet", table.name()));
				continue;
			}
			result.put(table.name(), read(sheet, table, maxRows, problems));
		}
		if (!problems.isEmpty()) {
			throw new SheetException(problems);
		}
		return result;
	}

	private static List<Row> read(Sheet sheet, Table table, int maxRows, List<SheetProblem> problems) {
		var name = table.name();
		org.apache.poi.ss.usermodel.Row header = null;
		for (var row : sheet) {
			if (row.getRowNum() >= HEADER_SEARCH) {
				break;
			}
			if (!blank(row)) {
				header = row;
				break;
			}
		}
		if (header == null) {
			problems.add(SheetProblem.sheet(name, "sheet.error.noHeader"));
			return List.of();
		}
		var positions = new HashMap<String, Integer>();
		int before = problems.size();
		for (var cell : header) {
			var text = text(cell);
			if (text == null || text.isBlank()) {
				continue;
			}
			var column = table.column(text);
			int index = cell.getColumnIndex();
			if (column == null) {
				problems.add(SheetProblem.cell(name, header.getRowNum(), index, text.strip(),
						"sheet.error.unknownColumn", text.strip()));
			}
			else if (positions.containsKey(column.key())) {
				problems.add(SheetProblem.cell(name, header.getRowNum(), index, column.header(),
						"sheet.error.duplicateColumn", column.header()));
			}
			else {
				positions.put(column.key(), index);
			}
		}
		for (var column : table.columns()) {
			if (!column.optional() && !positions.containsKey(column.key())) {
				problems.add(SheetProblem.cell(name, header.getRowNum(), -1, column.header(),
						"sheet.error.missingColumn", column.header()));
			}
		}
		if (problems.size() > before) {
			// Without the right columns the rows cannot be read meaningfully.
			return List.of();
		}
		var rows = new ArrayList<Row>();
		for (var row : sheet) {
			if (row.getRowNum() <= header.getRowNum() || blank(row)) {
				continue;
			}
			if (rows.size() >= maxRows) {
				problems.add(SheetProblem.sheet(name, "sheet.error.tooManyRows", maxRows));
				return List.of();
			}
			var values = new LinkedHashMap<String, String>();
			for (var column : table.columns()) {
				Integer index = positions.get(column.key());
				if (index == null) {
					continue;
				}
				var cell = row.getCell(index);
				if (cell == null) {
					continue;
				}
				var type = cell.getCellType();
				if (type == CellType.FORMULA) {
					problems
						.add(SheetProblem.cell(name, row.getRowNum(), index, column.header(), "sheet.error.formula"));
				}
				else if (type == CellType.ERROR) {
					problems
						.add(SheetProblem.cell(name, row.getRowNum(), index, column.header(), "sheet.error.cellError"));
				}
				else {
					var text = text(cell);
					if (text != null && !text.isBlank()) {
						values.put(column.key(), text.strip());
					}
				}
			}
			rows.add(new Row(name, row.getRowNum(), Map.copyOf(values), Map.copyOf(positions), table));
		}
		return rows;
	}

	private static Sheet find(Workbook workbook, String name) {
		var wanted = normalise(name);
		for (var sheet : workbook) {
			if (normalise(sheet.getSheetName()).equals(wanted)) {
				return sheet;
			}
		}
		return null;
	}

	private static boolean blank(org.apache.poi.ss.usermodel.Row row) {
		for (var cell : row) {
			if (cell.getCellType() == CellType.FORMULA || cell.getCellType() == CellType.ERROR) {
				return false;
			}
			var text = text(cell);
			if (text != null && !text.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static String text(Cell cell) {
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> null;
		};
	}

	/**
	 * A header or sheet name as it is compared: lower case, without accents (đ as d),
	 * single spaces.
	 * @param text the text
	 * @return the text to compare
	 */
	public static String normalise(String text) {
		var plain = Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('đ', 'd')
			.replace('Đ', 'D');
		return plain.replaceAll("[\\s\\u00A0]+", " ").strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * A column of a table.
	 *
	 * @param key how the importer names it
	 * @param header its header in the template
	 * @param optional whether a file may leave the column out
	 */
	public record Column(String key, String header, boolean optional) implements java.io.Serializable {

		public static Column of(String key, String header) {
			return new Column(key, header, false);
		}

	}

	/**
	 * A sheet expected in the workbook.
	 *
	 * @param name the sheet's name
	 * @param columns its columns
	 */
	public record Table(String name, List<Column> columns) implements java.io.Serializable {

		public Table {
			columns = List.copyOf(columns);
		}

		Column column(String header) {
			var wanted = normalise(header);
			return this.columns.stream().filter((c) -> normalise(c.header()).equals(wanted)).findFirst().orElse(null);
		}

		Column byKey(String key) {
			return this.columns.stream()
				.filter((c) -> c.key().equals(key))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No column " + key));
		}

	}

	/**
	 * One data row.
	 *
	 * @param sheet the sheet's name
	 * @param index the row's index (from 0; Excel shows {@code index + 1})
	 * @param values the text of its non-empty cells, stripped, by column key
	 * @param positions the column indexes, by column key
	 * @param table the table it belongs to
	 */
	public record Row(String sheet, int index, Map<String, String> values, Map<String, Integer> positions,
			Table table) implements java.io.Serializable {

		/**
		 * @param key a column key
		 * @return the cell's text, stripped, or null if it is empty
		 */
		public String get(String key) {
			return this.values.get(key);
		}

		/**
		 * @return the row number as Excel shows it
		 */
		public int number() {
			return this.index + 1;
		}

		/**
		 * @param column the column key
		 * @param key the message key
		 * @param args its arguments
		 * @return a problem with one of this row's cells
		 */
		public SheetProblem problem(String column, String key, Object... args) {
			var spec = this.table.byKey(column);
			int position = this.positions.getOrDefault(column, -1);
			return SheetProblem.cell(this.sheet, this.index, position, spec.header(), key, args);
		}

	}

}
