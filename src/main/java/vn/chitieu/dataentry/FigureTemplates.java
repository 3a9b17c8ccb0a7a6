package vn.chitieu.dataentry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.ValueType;
import vn.chitieu.security.CurrentUser;

/**
 * The Excel template a school (or ward) fills offline: its figures for a year, Vietnamese
 * labels, last year's values, typed input cells, everything else protected; and reading
 * the filled file back through the same checks as the form.
 */
@Service
public class FigureTemplates {

	static final String FORMAT = "chitieu-template/1";

	static final String FIGURES_SHEET = "Số liệu";

	static final String META_SHEET = "_meta";

	static final int CODE_COLUMN = 0;

	static final int LABEL_COLUMN = 1;

	static final int UNIT_COLUMN = 2;

	static final int VALUE_COLUMN = 3;

	static final int LAST_YEAR_COLUMN = 4;

	static final int HINT_COLUMN = 5;

	static final int HEADER_ROW = 4;

	/** Templates are in Vietnamese, whatever the language of the page they come from. */
	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final String YES = "Có";

	private static final String NO = "Không";

	private final FigureForms forms;

	private final OrgUnits units;

	private final MessageSource messages;

	private final AuditLog audit;

	FigureTemplates(FigureForms forms, OrgUnits units, MessageSource messages, AuditLog audit) {
		this.forms = forms;
		this.units = units;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * Makes the template of a unit for a year, filled with the figures entered so far.
	 * @param user who asks (must be allowed to see the unit)
	 * @param unitId the unit
	 * @param year the school year
	 * @return the .xlsx file
	 */
	@Transactional(readOnly = true)
	public byte[] template(CurrentUser user, long unitId, SchoolYear year) {
		var form = this.forms.open(user, unitId, year);
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var styles = new Styles(workbook);
			var sheet = workbook.createSheet(FIGURES_SHEET);
			sheet.setColumnWidth(CODE_COLUMN, 14 * 256);
			sheet.setColumnHidden(CODE_COLUMN, true);
			sheet.setColumnWidth(LABEL_COLUMN, 62 * 256);
			sheet.setColumnWidth(UNIT_COLUMN, 12 * 256);
			sheet.setColumnWidth(VALUE_COLUMN, 18 * 256);
			sheet.setColumnWidth(LAST_YEAR_COLUMN, 18 * 256);
			sheet.setColumnWidth(HINT_COLUMN, 48 * 256);
			text(sheet, 0, LABEL_COLUMN, msg("template.title", year.label()), styles.title);
			text(sheet, 1, LABEL_COLUMN, msg("template.unit", form.unit().name(), form.unit().code()), null);
			text(sheet, 2, LABEL_COLUMN, msg("template.instructions"), styles.note);
			sheet.addMergedRegion(new CellRangeAddress(2, 2, LABEL_COLUMN, HINT_COLUMN));
			// Rows tall enough for their wrapped text: Excel does not grow them by
			// itself.
			sheet.getRow(2).setHeightInPoints(height(msg("template.instructions"), 62 + 12 + 18 + 18 + 48));
			text(sheet, HEADER_ROW, CODE_COLUMN, msg("template.column.code"), styles.header);
			text(sheet, HEADER_ROW, LABEL_COLUMN, msg("template.column.figure"), styles.header);
			text(sheet, HEADER_ROW, UNIT_COLUMN, msg("template.column.unit"), styles.header);
			text(sheet, HEADER_ROW, VALUE_COLUMN, msg("template.column.value", year.label()), styles.header);
			text(sheet, HEADER_ROW, LAST_YEAR_COLUMN, msg("template.column.lastYear", year.previous().label()),
					styles.header);
			text(sheet, HEADER_ROW, HINT_COLUMN, msg("template.column.hint"), styles.header);
			float headerHeight = 0;
			for (var cell : sheet.getRow(HEADER_ROW)) {
				headerHeight = Math.max(headerHeight,
						height(cell.getStringCellValue(), sheet.getColumnWidth(cell.getColumnIndex()) / 256));
			}
			sheet.getRow(HEADER_ROW).setHeightInPoints(headerHeight);
			boolean multiLevel = form.sections().stream().map(FormSection::level).distinct().count() > 1;
			int r = HEADER_ROW + 1;
			for (var section : form.sections()) {
				var title = msg("section." + section.section());
				if (multiLevel && section.level() != null) {
					title = msg("level.name." + section.level().name()) + " — " + title;
				}
				text(sheet, r, LABEL_COLUMN, title, styles.section);
				sheet.addMergedRegion(new CellRangeAddress(r, r, LABEL_COLUMN, HINT_COLUMN));
				r++;
				for (var metric : section.metrics()) {
					var key = section.key(metric);
					text(sheet, r, CODE_COLUMN, key.label(), styles.locked);
					text(sheet, r, LABEL_COLUMN, metric.nameVi(), styles.label);
					text(sheet, r, UNIT_COLUMN, (metric.unitVi() != null) ? metric.unitVi() : "", styles.locked);
					value(sheet, r, VALUE_COLUMN, metric, form.values().get(key), styles.input(metric));
					value(sheet, r, LAST_YEAR_COLUMN, metric, form.lastYear().get(key), styles.lastYear(metric));
					text(sheet, r, HINT_COLUMN, hint(metric), styles.hint);
					validate(sheet, r, metric);
					sheet.getRow(r).setHeightInPoints(Math.max(height(metric.nameVi(), 62), height(hint(metric), 48)));
					r++;
				}
			}
			sheet.createFreezePane(0, HEADER_ROW + 1);
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
			sheet.protectSheet(password());
			sheet.lockFormatColumns(false);
			sheet.lockFormatRows(false);
			meta(workbook, form, year);
			workbook.setActiveSheet(0);
			workbook.lockStructure();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a filled template and saves its figures as a draft, with the checks of the
	 * form and the cross-field rules. If anything is wrong, nothing is saved.
	 * @param user who uploads (must be allowed to enter the unit's figures)
	 * @param unitId the unit
	 * @param year the school year
	 * @param fileName the file's name, for the audit trail
	 * @param bytes the file
	 * @return how many figures changed
	 * @throws TemplateException listing every problem, by sheet and cell
	 */
	@Transactional
	public int upload(CurrentUser user, long unitId, SchoolYear year, String fileName, byte[] bytes) {
		var unit = this.forms.writableUnit(user, unitId);
		var content = TemplateReader.read(bytes);
		if (!unit.code().equals(content.unitCode())) {
			var other = this.units.unitByCode(String.valueOf(content.unitCode()))
				.map((u) -> u.name())
				.orElse(String.valueOf(content.unitCode()));
			throw new TemplateException(List.of(TemplateProblem.file("template.error.otherUnit", other, unit.name())));
		}
		if (!year.label().equals(content.schoolYear())) {
			throw new TemplateException(
					List.of(TemplateProblem.file("template.error.otherYear", content.schoolYear(), year.label())));
		}
		var form = this.forms.open(user, unitId, year);
		var problems = new ArrayList<>(content.problems());
		var raw = new HashMap<FigureKey, String>();
		var cells = new HashMap<FigureKey, String>();
		var expected = new HashMap<FigureKey, Metric>();
		form.sections().forEach((s) -> s.metrics().forEach((m) -> expected.put(s.key(m), m)));
		content.cells().forEach((key, entry) -> {
			var metric = expected.get(key);
			if (metric == null) {
				problems.add(new TemplateProblem(content.sheet(), entry.labelCell(), "template.error.unknownRow",
						List.of()));
				return;
			}
			if (!metric.nameVi().equals(entry.label())) {
				problems.add(new TemplateProblem(content.sheet(), entry.labelCell(), "template.error.label",
						List.of(metric.nameVi())));
			}
			raw.put(key, (metric.type() == ValueType.YES_NO) ? yesNo(entry.raw()) : entry.raw());
			cells.put(key, entry.cell());
		});
		expected.forEach((key, metric) -> {
			if (!content.cells().containsKey(key)) {
				problems.add(new TemplateProblem(content.sheet(), null, "template.error.missingRow",
						List.of(metric.nameVi())));
			}
		});
		var input = new FigureInput(raw, Map.of(), content.version(), Instant.ofEpochMilli(content.generatedAt()));
		// Every problem at once: those of the file and those of its figures.
		for (var violation : this.forms.check(user, unitId, year, input, SaveMode.UPLOAD)) {
			for (var key : violation.keys()) {
				problems.add(new TemplateProblem(content.sheet(), cells.get(key), "template.error.figure",
						List.of(violation)));
			}
		}
		if (!problems.isEmpty()) {
			throw new TemplateException(problems);
		}
		var outcome = this.forms.save(user, unitId, year, input, SaveMode.UPLOAD);
		if (outcome instanceof SaveOutcome.Invalid invalid) {
			throw new TemplateException(invalid.violations()
				.stream()
				.map((v) -> new TemplateProblem(content.sheet(), v.keys().isEmpty() ? null : cells.get(v.keys().get(0)),
						"template.error.figure", List.of(v)))
				.toList());
		}
		if (outcome instanceof SaveOutcome.Conflict conflict) {
			throw new TemplateException(List
				.of(TemplateProblem.file("template.error.changedSince", conflict.changedBy(), conflict.changedAt())));
		}
		if (outcome instanceof SaveOutcome.Refused refused) {
			throw new TemplateException(List.of(TemplateProblem.file(refused.reason())));
		}
		int changed = ((SaveOutcome.Saved) outcome).changed();
		this.audit.record(user.getUsername(),
				AuditRecord.of("TEMPLATE_UPLOADED", "template", fileName)
					.withUnit(unitId, year.startYear())
					.withDetail(changed + " figures changed"));
		return changed;
	}

	/**
	 * "Có"/"Không" (or x, 1, 0, yes, no) as 1 or 0; anything else is left for the checks.
	 */
	private static String yesNo(String raw) {
		var text = raw.strip().toLowerCase(VIETNAMESE);
		return switch (text) {
			case "có", "co", "x", "1", "yes", "true" -> "1";
			case "không", "khong", "0", "no", "false" -> "0";
			default -> raw;
		};
	}

	private void meta(XSSFWorkbook workbook, FigureForm form, SchoolYear year) {
		var meta = workbook.createSheet(META_SHEET);
		var rows = new String[][] { { "format", FORMAT }, { "unit_code", form.unit().code() },
				{ "unit_id", String.valueOf(form.unit().id()) }, { "school_year", year.label() },
				{ "version", String.valueOf(form.version()) },
				{ "generated_at", String.valueOf(Instant.now().toEpochMilli()) } };
		for (int i = 0; i < rows.length; i++) {
			var row = meta.createRow(i);
			row.createCell(0).setCellValue(rows[i][0]);
			row.createCell(1).setCellValue(rows[i][1]);
		}
		meta.protectSheet(password());
		workbook.setSheetVisibility(workbook.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
	}

	private void validate(XSSFSheet sheet, int row, Metric metric) {
		var helper = sheet.getDataValidationHelper();
		var min = (metric.min() != null) ? metric.min().toPlainString() : "0";
		var max = (metric.max() != null) ? metric.max().toPlainString() : null;
		DataValidationConstraint constraint = switch (metric.type()) {
			case YES_NO -> helper.createExplicitListConstraint(new String[] { YES, NO });
			case COUNT, LEVEL -> (max != null)
					? helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, min, max)
					: helper.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, min, null);
			case DECIMAL, PERCENT -> (max != null)
					? helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, min, max)
					: helper.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, min, null);
		};
		DataValidation validation = helper.createValidation(constraint,
				new CellRangeAddressList(row, row, VALUE_COLUMN, VALUE_COLUMN));
		validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
		validation.createErrorBox(msg("template.validation.title"), hint(metric));
		validation.setShowErrorBox(true);
		validation.setEmptyCellAllowed(true);
		sheet.addValidationData(validation);
	}

	private String hint(Metric metric) {
		return switch (metric.type()) {
			case YES_NO -> msg("template.hint.yesNo");
			case LEVEL -> msg("template.hint.level", metric.max().toPlainString());
			case COUNT -> (metric.max() != null)
					? msg("template.hint.count", metric.min().toPlainString(), metric.max().toPlainString())
					: msg("template.hint.countFrom", metric.min().toPlainString());
			default -> (metric.max() != null)
					? msg("template.hint.decimal", metric.min().toPlainString(), metric.max().toPlainString())
					: msg("template.hint.decimalFrom", metric.min().toPlainString());
		};
	}

	/**
	 * The height of a row whose text wraps in a column of a width (in characters): a line
	 * of 15 points for every width's worth of text, and a little room.
	 */
	static float height(String text, int width) {
		int usable = Math.max(1, width - 4);
		int lines = 0;
		for (var paragraph : text.split("\n", -1)) {
			lines += Math.max(1, (paragraph.length() + usable - 1) / usable);
		}
		return lines * 15f + 4f;
	}

	private static void text(XSSFSheet sheet, int r, int c, String text, CellStyle style) {
		var row = (sheet.getRow(r) != null) ? sheet.getRow(r) : sheet.createRow(r);
		var cell = row.createCell(c);
		cell.setCellValue(text);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static void value(XSSFSheet sheet, int r, int c, Metric metric, BigDecimal value, CellStyle style) {
		var row = (sheet.getRow(r) != null) ? sheet.getRow(r) : sheet.createRow(r);
		var cell = row.createCell(c);
		cell.setCellStyle(style);
		if (value == null) {
			return;
		}
		if (metric.type() == ValueType.YES_NO) {
			cell.setCellValue((value.signum() != 0) ? YES : NO);
		}
		else {
			cell.setCellValue(value.doubleValue());
		}
	}

	/** Protection keeps careless edits out, not people: the password is thrown away. */
	private static String password() {
		var bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private String msg(String key, Object... args) {
		return this.messages.getMessage(key, args, VIETNAMESE);
	}

	/** The cell styles of a template. */
	private static final class Styles {

		final CellStyle title;

		final CellStyle note;

		final CellStyle header;

		final CellStyle section;

		final CellStyle label;

		final CellStyle locked;

		final CellStyle hint;

		private final Map<String, CellStyle> cache = new HashMap<>();

		private final XSSFWorkbook workbook;

		Styles(XSSFWorkbook workbook) {
			this.workbook = workbook;
			var bold = workbook.createFont();
			bold.setBold(true);
			var big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			this.note = workbook.createCellStyle();
			this.note.setWrapText(true);
			this.note.setVerticalAlignment(VerticalAlignment.TOP);
			this.header = bordered();
			this.header.setFont(bold);
			this.header.setWrapText(true);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.section = workbook.createCellStyle();
			this.section.setFont(bold);
			this.section.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
			this.section.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.label = bordered();
			this.label.setWrapText(true);
			this.locked = bordered();
			this.hint = bordered();
			this.hint.setWrapText(true);
			var grey = workbook.createFont();
			grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
			grey.setItalic(true);
			this.hint.setFont(grey);
		}

		CellStyle input(Metric metric) {
			return this.cache.computeIfAbsent("input-" + metric.type(), (k) -> {
				var style = bordered();
				style.setLocked(false);
				style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
				style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
				style.setAlignment(HorizontalAlignment.RIGHT);
				style.setDataFormat(format(metric));
				return style;
			});
		}

		CellStyle lastYear(Metric metric) {
			return this.cache.computeIfAbsent("last-" + metric.type(), (k) -> {
				var style = bordered();
				style.setAlignment(HorizontalAlignment.RIGHT);
				style.setDataFormat(format(metric));
				var grey = this.workbook.createFont();
				grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
				style.setFont(grey);
				return style;
			});
		}

		private short format(Metric metric) {
			var format = this.workbook.createDataFormat();
			return switch (metric.type()) {
				case COUNT -> format.getFormat("#,##0");
				case LEVEL -> format.getFormat("0");
				case YES_NO -> format.getFormat("@");
				default -> format.getFormat("#,##0.##");
			};
		}

		private CellStyle bordered() {
			var style = this.workbook.createCellStyle();
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			return style;
		}

	}

}
