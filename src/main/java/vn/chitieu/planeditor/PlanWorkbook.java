package vn.chitieu.planeditor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.IndicatorUnit;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricRule;
import vn.chitieu.planning.Plans;
import vn.chitieu.planning.definition.DefinitionFile;
import vn.chitieu.planning.definition.DefinitionWriter;
import vn.chitieu.planning.definition.PlanText;
import vn.chitieu.planning.definition.PlanText.Composed;
import vn.chitieu.planning.definition.PlanText.FieldProblem;
import vn.chitieu.planning.definition.PlanText.Header;
import vn.chitieu.planning.definition.PlanText.IndicatorFields;
import vn.chitieu.planning.definition.PlanText.MetricFields;
import vn.chitieu.planning.definition.PlanText.RuleFields;
import vn.chitieu.platform.sheets.SheetException;
import vn.chitieu.platform.sheets.SheetProblem;
import vn.chitieu.platform.sheets.TableReader;
import vn.chitieu.platform.sheets.TableReader.Column;
import vn.chitieu.platform.sheets.TableReader.Table;
import vn.chitieu.platform.sheets.XlsxFiles;

/**
 * A plan as a workbook the Office fills in Excel: a sheet for the plan's header, one of
 * indicators, one of the metrics it reads (those it defines itself and, for information,
 * those of the catalog), one of the cross-field rules it defines, and a help sheet. Its
 * cells hold the very texts of the definition file (docs/plan-format.md): reading a
 * workbook puts a definition file together ({@link PlanText#compose}) that the file's own
 * reader checks, each problem traced back to its sheet, row and column. Plain Java.
 */
public final class PlanWorkbook {

	/** The kind of template, in the hidden {@code _meta} sheet. */
	public static final String KIND = "chitieu-plan";

	/** The version of its layout. */
	public static final int VERSION = 1;

	/** The largest workbook accepted. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	/** The most rows a sheet may hold (the largest shipped plan has 80 indicators). */
	public static final int MAX_ROWS = 1000;

	static final String GUIDE = "Hướng dẫn";

	static final String PLAN = "Kế hoạch";

	static final String INDICATORS = "Chỉ tiêu";

	static final String METRICS = "Số liệu";

	static final String RULES = "Ràng buộc";

	/** The "declared" column: a metric the catalog holds, listed for information. */
	static final String CATALOG = "Danh mục";

	/** The "declared" column: a metric this plan defines. */
	static final String OWN = "Kế hoạch";

	private static final String SOURCE = "source";

	static final Table PLAN_TABLE = new Table(PLAN,
			List.of(Column.of("label", "Mục"), Column.of("value", "Giá trị"), new Column("note", "Ghi chú", true)));

	static final Table INDICATOR_TABLE = new Table(INDICATORS, List.of(Column.of("code", "Mã chỉ tiêu"),
			Column.of("level", "Cấp học"), Column.of("clause", "Mục"), Column.of("quote", "Nguyên văn kế hoạch"),
			Column.of("nameVi", "Tên chỉ tiêu"), Column.of("nameEn", "Tên tiếng Anh"), Column.of("unit", "Đơn vị"),
			Column.of("measure", "Cách tính"), Column.of("target", "Chỉ tiêu phải đạt"),
			new Column("milestones", "Mốc từng năm", true), new Column("flawVi", "Bất cập của kế hoạch", true),
			new Column("flawEn", "Bất cập (tiếng Anh)", true), new Column("readingVi", "Cách hiểu áp dụng", true),
			new Column("readingEn", "Cách hiểu (tiếng Anh)", true),
			new Column("alternative", "Cách tính theo cách hiểu khác", true),
			new Column("alternativeVi", "Cách hiểu khác tính gì", true),
			new Column("alternativeEn", "Cách hiểu khác (tiếng Anh)", true)));

	static final Table METRIC_TABLE = new Table(METRICS,
			List.of(new Column("declared", "Khai báo", true), Column.of("code", "Mã số liệu"),
					Column.of("nameVi", "Tên số liệu"), Column.of("nameEn", "Tên tiếng Anh"),
					Column.of("reportedBy", "Đơn vị báo cáo"), Column.of("levels", "Cấp học"),
					Column.of("type", "Kiểu"), Column.of("section", "Phần biểu mẫu"),
					new Column("min", "Nhỏ nhất", true), new Column("max", "Lớn nhất", true),
					new Column("unitVi", "Đơn vị tính", true), new Column("unitEn", "Đơn vị tính (tiếng Anh)", true),
					new Column("helpVi", "Gợi ý khi nhập", true), new Column("helpEn", "Gợi ý (tiếng Anh)", true)));

	static final Table RULE_TABLE = new Table(RULES,
			List.of(Column.of("code", "Mã ràng buộc"), Column.of("check", "Điều kiện"),
					new Column("messageVi", "Thông báo khi sai", true),
					new Column("messageEn", "Thông báo (tiếng Anh)", true)));

	/** The header's fields, by the label of their row, in order. */
	private static final Map<String, String> HEADER_LABELS = headerLabels();

	private static final Map<String, String> HEADER_NOTES = Map.of("code",
			"Chữ, số và . _ -; tối đa 40 ký tự; không trùng kế hoạch khác. Ví dụ: KH-157-UBND-2022", "documentNumber",
			"Không bắt buộc. Ví dụ: 157/KH-UBND", "issued", "Không bắt buộc; năm-tháng-ngày, ví dụ 2022-03-28",
			"baselineYear", "Năm học làm mốc để đo tiến độ, ví dụ 2020-2021", "targetYear",
			"Năm học phải đạt chỉ tiêu; “đến năm 2025” là năm học 2024-2025");

	private PlanWorkbook() {
	}

	private static Map<String, String> headerLabels() {
		var labels = new LinkedHashMap<String, String>();
		labels.put("code", "Mã kế hoạch");
		labels.put("documentNumber", "Số văn bản");
		labels.put("titleVi", "Tên kế hoạch");
		labels.put("titleEn", "Tên kế hoạch (tiếng Anh)");
		labels.put("issuer", "Cơ quan ban hành");
		labels.put("issued", "Ngày ban hành");
		labels.put("baselineYear", "Năm học gốc");
		labels.put("targetYear", "Năm học đích");
		return labels;
	}

	// ------------------------------------------------------------------ writing

	/**
	 * A plan as a workbook.
	 * @param file the plan, the metrics and rules it defines, and its source's name
	 * @param catalog the metrics known elsewhere, for the list of those the plan reads
	 * @return the .xlsx
	 */
	public static byte[] write(DefinitionFile file, Function<String, Optional<Metric>> catalog) {
		var plan = file.plan();
		var header = Header.of(plan);
		var indicators = plan.indicators().stream().map((i) -> IndicatorFields.of(i, plan)).toList();
		var alternatives = plan.indicators().stream().map((i) -> {
			var flaw = i.flaw();
			if (flaw == null || flaw.alternative() == null) {
				return new String[3];
			}
			return new String[] { DefinitionWriter.measure(flaw.alternative(), i.level()), flaw.alternativeVi(),
					flaw.alternativeEn() };
		}).toList();
		var own = file.metrics().stream().sorted(Comparator.comparingInt(Metric::position)).toList();
		var ownCodes = own.stream().map(Metric::code).toList();
		var others = Plans.metricsOf(plan)
			.stream()
			.filter((code) -> !ownCodes.contains(code))
			.sorted()
			.map(catalog)
			.flatMap(Optional::stream)
			.toList();
		var rules = file.rules().stream().sorted(Comparator.comparingInt(MetricRule::position)).toList();
		return write(header, indicators, alternatives, own, others, rules, file.source());
	}

	/**
	 * An empty workbook, for a new plan.
	 * @return the .xlsx
	 */
	public static byte[] empty() {
		return write(new Header("", "", "", "", "", "", "", ""), List.of(), List.of(), List.of(), List.of(), List.of(),
				null);
	}

	private static byte[] write(Header header, List<IndicatorFields> indicators, List<String[]> alternatives,
			List<Metric> own, List<Metric> catalog, List<MetricRule> rules, String source) {
		var workbook = new XSSFWorkbook();
		var styles = new Styles(workbook);
		guide(workbook.createSheet(GUIDE), styles);

		var planSheet = workbook.createSheet(PLAN);
		headers(planSheet, PLAN_TABLE, styles, new int[] { 28, 80, 60 });
		int r = 1;
		var values = new String[] { header.code(), header.documentNumber(), header.titleVi(), header.titleEn(),
				header.issuer(), header.issued(), header.baselineYear(), header.targetYear() };
		int i = 0;
		for (var entry : HEADER_LABELS.entrySet()) {
			var row = planSheet.createRow(r++);
			text(row, 0, entry.getValue(), styles.text);
			text(row, 1, values[i++], styles.text);
			text(row, 2, HEADER_NOTES.get(entry.getKey()), styles.note);
		}

		var indicatorSheet = workbook.createSheet(INDICATORS);
		headers(indicatorSheet, INDICATOR_TABLE, styles,
				new int[] { 12, 9, 10, 60, 40, 36, 14, 50, 40, 24, 40, 40, 40, 40, 40, 30, 30 });
		r = 1;
		for (int k = 0; k < indicators.size(); k++) {
			var f = indicators.get(k);
			var alt = alternatives.get(k);
			var row = indicatorSheet.createRow(r++);
			var cells = new String[] { f.code(), f.level(), f.clause(), f.quote(), f.nameVi(), f.nameEn(), f.unit(),
					f.measure(), f.target(), f.milestones(), f.flawVi(), f.flawEn(), f.readingVi(), f.readingEn(),
					alt[0], alt[1], alt[2] };
			for (int c = 0; c < cells.length; c++) {
				text(row, c, cells[c], styles.text);
			}
		}
		choices(indicatorSheet, 1,
				java.util.Arrays.stream(IndicatorLevel.values()).map(Enum::name).toArray(String[]::new));
		choices(indicatorSheet, 6,
				java.util.Arrays.stream(IndicatorUnit.values())
					.map((u) -> u.name().toLowerCase(Locale.ROOT))
					.toArray(String[]::new));

		var metricSheet = workbook.createSheet(METRICS);
		headers(metricSheet, METRIC_TABLE, styles,
				new int[] { 12, 30, 44, 36, 14, 12, 10, 16, 10, 10, 14, 14, 30, 30 });
		r = 1;
		for (var metric : own) {
			metricRow(metricSheet.createRow(r++), OWN, metric, styles);
		}
		for (var metric : catalog) {
			metricRow(metricSheet.createRow(r++), CATALOG, metric, styles);
		}
		choices(metricSheet, 0, new String[] { OWN, CATALOG });
		choices(metricSheet, 4, new String[] { "school", "ward", "district" });
		choices(metricSheet, 6, new String[] { "count", "decimal", "percent", "yes_no", "level" });

		var ruleSheet = workbook.createSheet(RULES);
		headers(ruleSheet, RULE_TABLE, styles, new int[] { 30, 60, 50, 50 });
		r = 1;
		for (var rule : rules) {
			var f = RuleFields.of(rule);
			var row = ruleSheet.createRow(r++);
			var cells = new String[] { f.code(), f.check(), f.messageVi(), f.messageEn() };
			for (int c = 0; c < cells.length; c++) {
				text(row, c, cells[c], styles.text);
			}
		}

		XlsxFiles.mark(workbook, KIND, VERSION);
		if (source != null) {
			var row = workbook.getSheet(XlsxFiles.META_SHEET).createRow(1);
			row.createCell(0).setCellValue(SOURCE);
			row.createCell(1).setCellValue(source);
		}
		workbook.setActiveSheet(1);
		return XlsxFiles.bytes(workbook);
	}

	private static void metricRow(org.apache.poi.ss.usermodel.Row row, String declared, Metric metric, Styles styles) {
		var f = MetricFields.of(metric);
		text(row, 0, declared, styles.text);
		var cells = new String[] { f.code(), f.nameVi(), f.nameEn(), f.reportedBy(), f.levels(), f.type(),
				f.section() };
		for (int c = 0; c < cells.length; c++) {
			text(row, c + 1, cells[c], styles.text);
		}
		number(row, 8, f.min(), styles.number);
		number(row, 9, f.max(), styles.number);
		var rest = new String[] { f.unitVi(), f.unitEn(), f.helpVi(), f.helpEn() };
		for (int c = 0; c < rest.length; c++) {
			text(row, c + 10, rest[c], styles.text);
		}
	}

	private static void text(org.apache.poi.ss.usermodel.Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null && !value.isEmpty()) {
			cell.setCellValue(value);
		}
	}

	private static void number(org.apache.poi.ss.usermodel.Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellStyle(style);
		if (value != null && !value.isEmpty()) {
			cell.setCellValue(new BigDecimal(value).doubleValue());
		}
	}

	private static void headers(Sheet sheet, Table table, Styles styles, int[] widths) {
		var row = sheet.createRow(0);
		for (int c = 0; c < table.columns().size(); c++) {
			var cell = row.createCell(c);
			cell.setCellValue(table.columns().get(c).header());
			cell.setCellStyle(styles.header);
			sheet.setColumnWidth(c, widths[c] * 256);
			sheet.setDefaultColumnStyle(c, styles.text);
		}
		sheet.createFreezePane(0, 1);
	}

	private static void choices(Sheet sheet, int column, String[] values) {
		var helper = sheet.getDataValidationHelper();
		var validation = helper.createValidation(helper.createExplicitListConstraint(values),
				new CellRangeAddressList(1, MAX_ROWS, column, column));
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	private static void guide(Sheet sheet, Styles styles) {
		int r = 0;
		for (var line : Guide.LINES) {
			var cell = sheet.createRow(r++).createCell(0);
			cell.setCellValue(line);
			cell.setCellStyle((r == 1 || line.startsWith("■")) ? styles.bold : styles.wrap);
		}
		sheet.setColumnWidth(0, 140 * 256);
	}

	/** The cell styles of the workbook. */
	private static final class Styles {

		final CellStyle header;

		final CellStyle text;

		final CellStyle note;

		final CellStyle number;

		final CellStyle bold;

		final CellStyle wrap;

		Styles(XSSFWorkbook workbook) {
			var boldFont = workbook.createFont();
			boldFont.setBold(true);
			var format = workbook.createDataFormat();
			this.bold = workbook.createCellStyle();
			this.bold.setFont(boldFont);
			this.header = workbook.createCellStyle();
			this.header.setFont(boldFont);
			this.header.setWrapText(true);
			this.header.setVerticalAlignment(VerticalAlignment.TOP);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.header.setBorderBottom(BorderStyle.THIN);
			this.text = workbook.createCellStyle();
			// Text as typed: "1.1" stays a clause, "2022-03-28" stays a date in words.
			this.text.setDataFormat(format.getFormat("@"));
			this.text.setWrapText(true);
			this.text.setVerticalAlignment(VerticalAlignment.TOP);
			this.note = workbook.createCellStyle();
			this.note.cloneStyleFrom(this.text);
			var grey = workbook.createFont();
			grey.setItalic(true);
			grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
			this.note.setFont(grey);
			this.number = workbook.createCellStyle();
			this.number.setDataFormat(format.getFormat("General"));
			this.number.setVerticalAlignment(VerticalAlignment.TOP);
			this.wrap = workbook.createCellStyle();
			this.wrap.setWrapText(true);
		}

	}

	// ------------------------------------------------------------------ reading

	/**
	 * Reads a workbook and puts its definition file together. The file is not checked
	 * yet: that is the reader's business, whose problems {@link Upload#locate} traces
	 * back to the cells.
	 * @param bytes the .xlsx
	 * @return what it holds
	 * @throws SheetException if it is no workbook of a plan, or a cell cannot be read (a
	 * formula, an unknown row of the plan's sheet…)
	 */
	public static Upload read(byte[] bytes) {
		Map<String, List<TableReader.Row>> tables;
		String source = null;
		try (var workbook = XlsxFiles.open(bytes, MAX_BYTES)) {
			XlsxFiles.checkMark(workbook, KIND, VERSION);
			tables = TableReader.read(workbook, List.of(PLAN_TABLE, INDICATOR_TABLE, METRIC_TABLE, RULE_TABLE),
					MAX_ROWS);
			var meta = workbook.getSheet(XlsxFiles.META_SHEET);
			if (meta != null) {
				for (var row : meta) {
					var key = row.getCell(0);
					var value = row.getCell(1);
					if (key != null && value != null && SOURCE.equals(key.toString().strip())) {
						source = value.toString().strip();
					}
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new SheetException(List.of(SheetProblem.file("template.error.damaged")));
		}
		var problems = new ArrayList<SheetProblem>();

		var headerRows = new HashMap<String, TableReader.Row>();
		var headerValues = new HashMap<String, String>();
		for (var row : tables.get(PLAN)) {
			var label = row.get("label");
			var field = (label != null) ? fieldOfLabel(label) : null;
			if (field == null) {
				problems.add(row.problem("label", "planbook.error.unknownField", (label != null) ? label : "",
						String.join(", ", HEADER_LABELS.values())));
			}
			else if (headerRows.containsKey(field)) {
				problems.add(row.problem("label", "planbook.error.duplicateField", label));
			}
			else {
				headerRows.put(field, row);
				headerValues.put(field, row.get("value"));
			}
		}
		var issued = headerValues.get("issued");
		if (issued != null && issued.matches("\\d{5}")) {
			// A date Excel turned into its serial number.
			headerValues.put("issued", LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(issued)).toString());
		}
		var header = new Header(headerValues.get("code"), headerValues.get("documentNumber"),
				headerValues.get("titleVi"), headerValues.get("titleEn"), headerValues.get("issuer"),
				headerValues.get("issued"), headerValues.get("baselineYear"), headerValues.get("targetYear"));

		var indicatorRows = tables.get(INDICATORS);
		var indicators = new ArrayList<IndicatorFields>();
		for (var row : indicatorRows) {
			String alternative = null;
			if (row.get("alternative") != null || row.get("alternativeVi") != null
					|| row.get("alternativeEn") != null) {
				alternative = "alternative: " + oneLine(row.get("alternative")) + "\nalternative_vi: "
						+ DefinitionWriter.quote(row.get("alternativeVi")) + "\nalternative_en: "
						+ DefinitionWriter.quote(row.get("alternativeEn"));
			}
			var level = row.get("level");
			indicators.add(new IndicatorFields(row.get("code"), level, row.get("clause"), row.get("quote"),
					row.get("nameVi"), row.get("nameEn"), row.get("unit"), row.get("measure"), row.get("target"),
					row.get("milestones"), row.get("flawVi"), row.get("flawEn"), row.get("readingVi"),
					row.get("readingEn"), alternative));
		}

		var metricRows = new ArrayList<TableReader.Row>();
		var metrics = new ArrayList<MetricFields>();
		for (var row : tables.get(METRICS)) {
			var declared = row.get("declared");
			if (declared != null && TableReader.normalise(declared).equals(TableReader.normalise(CATALOG))) {
				// Listed for information: the catalog defines it.
				continue;
			}
			if (declared != null && !TableReader.normalise(declared).equals(TableReader.normalise(OWN))) {
				problems.add(row.problem("declared", "planbook.error.declared", declared, OWN, CATALOG));
				continue;
			}
			metricRows.add(row);
			metrics.add(new MetricFields(row.get("code"), row.get("nameVi"), row.get("nameEn"), row.get("reportedBy"),
					row.get("levels"), row.get("type"), row.get("section"), row.get("min"), row.get("max"),
					row.get("unitVi"), row.get("unitEn"), row.get("helpVi"), row.get("helpEn")));
		}

		var ruleRows = tables.get(RULES);
		var rules = ruleRows.stream()
			.map((row) -> new RuleFields(row.get("code"), row.get("check"), row.get("messageVi"), row.get("messageEn")))
			.toList();

		if (!problems.isEmpty()) {
			throw new SheetException(problems);
		}
		var composed = PlanText.compose(header, indicators, metrics, rules);
		return new Upload(source, header, composed, headerRows, indicatorRows, metricRows, ruleRows);
	}

	private static String fieldOfLabel(String label) {
		var wanted = TableReader.normalise(label);
		return HEADER_LABELS.entrySet()
			.stream()
			.filter((e) -> TableReader.normalise(e.getValue()).equals(wanted))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	private static String oneLine(String text) {
		return (text != null) ? text.replace("\r", "").replace("\n", " ") : "null";
	}

	/**
	 * What a workbook holds, put together as a definition file.
	 */
	public static final class Upload {

		private final String source;

		private final Header header;

		private final Composed composed;

		private final Map<String, TableReader.Row> headerRows;

		private final List<TableReader.Row> indicatorRows;

		private final List<TableReader.Row> metricRows;

		private final List<TableReader.Row> ruleRows;

		Upload(String source, Header header, Composed composed, Map<String, TableReader.Row> headerRows,
				List<TableReader.Row> indicatorRows, List<TableReader.Row> metricRows, List<TableReader.Row> ruleRows) {
			this.source = source;
			this.header = header;
			this.composed = composed;
			this.headerRows = Map.copyOf(headerRows);
			this.indicatorRows = List.copyOf(indicatorRows);
			this.metricRows = List.copyOf(metricRows);
			this.ruleRows = List.copyOf(ruleRows);
		}

		/**
		 * @return the name of the file the plan came from when it was downloaded, or null
		 * for a workbook that started empty
		 */
		public String source() {
			return this.source;
		}

		/**
		 * @return the plan's header as written
		 */
		public Header header() {
			return this.header;
		}

		/**
		 * @return the definition file put together, in the format of docs/plan-format.md
		 */
		public byte[] definition() {
			return this.composed.bytes();
		}

		/**
		 * @param problem a problem the definition file's reader found
		 * @return where it is in the workbook, with the reader's message key and
		 * arguments
		 */
		public SheetProblem locate(vn.chitieu.planning.definition.DefinitionProblem problem) {
			var field = this.composed.trace(problem);
			return locate(field);
		}

		private SheetProblem locate(FieldProblem field) {
			var problem = field.problem();
			var args = problem.args().toArray();
			TableReader.Row row = null;
			String column = field.field();
			switch (field.part()) {
				case HEADER -> {
					row = this.headerRows.get(column);
					column = "value";
					if (row == null && !PlanText.WHOLE.equals(field.field())
							&& HEADER_LABELS.containsKey(field.field())) {
						return SheetProblem.sheet(PLAN, "planbook.error.inField", HEADER_LABELS.get(field.field()),
								new Described(problem.key(), args));
					}
				}
				case INDICATOR -> row = at(this.indicatorRows, field.indicator());
				case METRIC -> row = at(this.metricRows, field.indicator());
				case RULE -> row = at(this.ruleRows, field.indicator());
			}
			if (row == null) {
				return SheetProblem.file(problem.key(), args);
			}
			var key = column;
			if (row.table().columns().stream().noneMatch((c) -> c.key().equals(key))) {
				return SheetProblem.cell(row.sheet(), row.index(), -1, null, problem.key(), args);
			}
			return row.problem(key, problem.key(), args);
		}

		private static TableReader.Row at(List<TableReader.Row> rows, int index) {
			return (index >= 0 && index < rows.size()) ? rows.get(index) : null;
		}

	}

	/**
	 * A message argument that is itself a problem, described in the user's language.
	 *
	 * @param key its message key
	 * @param args its arguments
	 */
	public record Described(String key, Object[] args) {
	}

}
