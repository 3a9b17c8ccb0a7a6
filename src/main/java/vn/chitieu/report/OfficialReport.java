package vn.chitieu.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

import vn.chitieu.dataentry.Submissions;
import vn.chitieu.dataentry.SubmissionSummary;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.School;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.orgunit.VietnameseCollator;
import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.IndicatorUnit;
import vn.chitieu.planning.MeasureDescriber;
import vn.chitieu.planning.MeasureKind;
import vn.chitieu.planning.TargetShape;
import vn.chitieu.platform.Formats;
import vn.chitieu.progress.IndicatorProgress;
import vn.chitieu.progress.PlanProgress;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.ProgressFormat;
import vn.chitieu.progress.TargetProgress;
import vn.chitieu.progress.UnitResult;
import vn.chitieu.progress.YearProgress;

/**
 * The progress report of a plan the Office sends to the People's Committee, as an Excel
 * workbook in the layout of a Vietnamese administrative document (Decree 30/2020/NĐ-CP):
 * the issuing body and the national motto, the title, the table by level, the place and
 * date, the signer. Further sheets give the values school by school, enrolment by ward,
 * the completeness of the data and each indicator's definition. Always in Vietnamese.
 * <p>
 * Its values are the dashboard's ({@link Progress}), for the same plan, year and data.
 */
@Service
public class OfficialReport {

	static final Locale VIETNAMESE = Document.VIETNAMESE;

	static final String MAIN_SHEET = "Báo cáo";

	static final String WARDS_SHEET = "Huy động theo phường";

	static final String COMPLETENESS_SHEET = "Đầy đủ số liệu";

	static final String DEFINITIONS_SHEET = "Định nghĩa";

	/** Columns of the main table before the years. */
	static final int STT = 0;

	static final int NAME = 1;

	static final int UNIT = 2;

	static final int TARGET = 3;

	static final int FIRST_YEAR = 4;

	private final Progress progress;

	private final ProgressFormat format;

	private final MeasureDescriber describer;

	private final OrgUnits units;

	private final Submissions submissions;

	private final Snapshots snapshots;

	private final Document document;

	private final Formats formats;

	OfficialReport(Progress progress, ProgressFormat format, MeasureDescriber describer, OrgUnits units,
			Submissions submissions, Document document, Formats formats, Snapshots snapshots) {
		this.snapshots = snapshots;
		this.formats = formats;
		this.document = document;
		this.progress = progress;
		this.format = format.in(VIETNAMESE);
		this.describer = describer;
		this.units = units;
		this.submissions = submissions;
	}

	/**
	 * Writes the report, from one snapshot of the data.
	 * @param planCode the plan
	 * @param year the school year reported on (kept within the plan's period)
	 * @param includeSubmitted whether figures submitted but not yet approved count
	 * @param out where to write the .xlsx
	 * @return false for an unknown plan (nothing written)
	 * @throws IOException if writing fails
	 */
	public boolean write(String planCode, SchoolYear year, boolean includeSubmitted, OutputStream out)
			throws IOException {
		return this.snapshots.write(out, (workbook) -> {
			var found = this.progress.plan(planCode, year, includeSubmitted);
			if (found.isEmpty()) {
				return false;
			}
			var plan = found.get();
			var sheets = new Sheets(workbook);
			main(workbook, sheets, plan);
			var statuses = this.submissions.byUnit(plan.asOf());
			var levels = plan.indicators().stream().map((i) -> i.indicator().level()).distinct().toList();
			var schools = new ArrayList<>(this.units.schools(plan.asOf()));
			schools.sort(java.util.Comparator.comparing(School::wardName, VietnameseCollator.INSTANCE)
				.thenComparing(School::name, VietnameseCollator.INSTANCE));
			for (var level : levels) {
				bySchool(workbook, sheets, plan, level, schools, statuses);
			}
			wards(workbook, sheets, plan);
			completeness(workbook, sheets, plan, statuses);
			definitions(workbook, sheets, plan);
			return true;
		});
	}

	// ------------------------------------------------------------------ the report
	// itself

	private void main(SXSSFWorkbook workbook, Sheets sheets, PlanProgress plan) {
		var sheet = workbook.createSheet(MAIN_SHEET);
		var years = plan.years();
		int compare = FIRST_YEAR + years.size();
		int assessment = compare + 1;
		int notes = compare + 2;
		sheet.setColumnWidth(STT, 6 * 256);
		sheet.setColumnWidth(NAME, 46 * 256);
		sheet.setColumnWidth(UNIT, 11 * 256);
		sheet.setColumnWidth(TARGET, 15 * 256);
		for (int i = 0; i < years.size(); i++) {
			sheet.setColumnWidth(FIRST_YEAR + i, 11 * 256);
		}
		sheet.setColumnWidth(compare, 13 * 256);
		sheet.setColumnWidth(assessment, 14 * 256);
		sheet.setColumnWidth(notes, 44 * 256);

		var issuer = this.document.issuer(plan.asOf());
		int row = this.document.letterhead(sheet, sheets, notes, issuer.parentBody(), issuer.issuingBody(),
				msg("report.number"));
		var summary = plan.plan();
		var document = (summary.documentNumber() != null) ? summary.documentNumber() : summary.code();
		row = this.document.title(sheet, sheets, row, notes, msg("report.title"),
				msg("report.subtitle", document, plan.asOf().label()), summary.title(VIETNAMESE),
				msg(plan.includeSubmitted() ? "report.basis.submitted" : "report.basis.approved"));

		// The table's heading: two rows, the years under "Thực hiện".
		int header = row;
		var h1 = Sheets.row(sheet, header);
		var h2 = Sheets.row(sheet, header + 1);
		var style = sheets.header();
		String[] fixed = { msg("report.column.stt"), msg("report.column.indicator"), msg("report.column.unit"),
				msg("report.column.target") };
		for (int c = 0; c < fixed.length; c++) {
			Sheets.text(h1, c, fixed[c], style);
			Sheets.text(h2, c, null, style);
			Sheets.merge(sheet, header, header + 1, c, c);
		}
		Sheets.text(h1, FIRST_YEAR, msg("report.column.actual"), style);
		Sheets.fill(h1, FIRST_YEAR + 1, compare - 1, style);
		Sheets.merge(sheet, header, FIRST_YEAR, compare - 1);
		for (int i = 0; i < years.size(); i++) {
			Sheets.text(h2, FIRST_YEAR + i, years.get(i).label(), style);
		}
		String[] last = { msg("report.column.compare"), msg("report.column.assessment"), msg("report.column.notes") };
		for (int c = 0; c < last.length; c++) {
			Sheets.text(h1, compare + c, last[c], style);
			Sheets.text(h2, compare + c, null, style);
			Sheets.merge(sheet, header, header + 1, compare + c, compare + c);
		}
		h1.setHeightInPoints(22);
		h2.setHeightInPoints(22);
		row = header + 2;

		// The body, level by level.
		var byLevel = new EnumMap<IndicatorLevel, List<IndicatorProgress>>(IndicatorLevel.class);
		plan.indicators()
			.forEach((i) -> byLevel.computeIfAbsent(i.indicator().level(), (l) -> new ArrayList<>()).add(i));
		for (var entry : byLevel.entrySet()) {
			var r = Sheets.row(sheet, row);
			Sheets.text(r, STT, msg("report.section." + entry.getKey().name()), sheets.section());
			Sheets.fill(r, STT + 1, notes, sheets.section());
			Sheets.merge(sheet, row, STT, notes);
			row++;
			int number = 1;
			for (var indicator : entry.getValue()) {
				indicatorRow(sheet, sheets, row++, number++, indicator, plan);
			}
		}
		this.document.signature(sheet, sheets, row + 1, notes, issuer.place(), issuer.signerTitle(),
				issuer.recipients());
		Sheets.page(sheet, true, header, header + 1, NAME + 1);
	}

	private void indicatorRow(Sheet sheet, Sheets sheets, int index, int number, IndicatorProgress progress,
			PlanProgress plan) {
		var indicator = progress.indicator();
		var latest = progress.latest();
		var row = Sheets.row(sheet, index);
		Sheets.number(row, STT, BigDecimal.valueOf(number), sheets.ordinal());
		Sheets.text(row, NAME, indicator.code() + ". " + indicator.nameVi(), sheets.text());
		Sheets.text(row, UNIT, this.format.unit(indicator), sheets.centered(false));
		target(row, sheets, indicator);
		var years = progress.years();
		for (int i = 0; i < years.size(); i++) {
			value(row, FIRST_YEAR + i, sheets, indicator, years.get(i).result().value());
		}
		int compare = FIRST_YEAR + years.size();
		comparison(row, compare, sheets, indicator, latest.main());
		Sheets.text(row, compare + 1, this.format.verdict(latest, indicator), sheets.centered(true));
		Sheets.text(row, compare + 2, notes(progress, plan), sheets.note());
		Sheets.fitHeight(row);
	}

	/**
	 * The plan's target: a number with its sign in the format when it is one bound ("≥
	 * 65,0%"), the plan's wording otherwise.
	 */
	private void target(org.apache.poi.ss.usermodel.Row row, Sheets sheets, IndicatorDefinition indicator) {
		var targets = indicator.targets();
		var first = targets.get(0);
		String sign = switch (first.shape()) {
			case AT_LEAST -> "≥ ";
			case ABOVE -> "> ";
			case AT_MOST -> "≤ ";
			case BELOW -> "< ";
			case EXACTLY -> "";
			default -> null;
		};
		if (targets.size() == 1 && sign != null && !first.increment() && first.value() != null) {
			var percent = indicator.unit().isPercent();
			var value = percent ? first.value().movePointLeft(2) : first.value();
			var pattern = percent ? "0.0%" : (value.stripTrailingZeros().scale() > 0) ? "#,##0.0" : "#,##0";
			Sheets.number(row, TARGET, value, sheets.number("\"" + sign + "\"" + pattern));
			return;
		}
		var texts = new ArrayList<String>();
		for (var target : targets) {
			texts.add(this.describer.target(target, indicator.unit(), VIETNAMESE));
		}
		Sheets.text(row, TARGET, String.join("; ", texts), sheets.centered(false));
	}

	/** A value in the indicator's unit: percentages as percentages. */
	private static void value(org.apache.poi.ss.usermodel.Row row, int column, Sheets sheets,
			IndicatorDefinition indicator, BigDecimal value) {
		if (indicator.unit().isPercent()) {
			Sheets.number(row, column, (value != null) ? value.movePointLeft(2) : null, sheets.number(Sheets.PERCENT));
		}
		else {
			Sheets.number(row, column, value, sheets.number(decimals(indicator.unit())));
		}
	}

	static String decimals(IndicatorUnit unit) {
		return switch (unit) {
			case CHILDREN_PER_CLASS, PUPILS_PER_CLASS -> Sheets.DECIMAL;
			case PERCENT -> Sheets.PERCENT;
			default -> Sheets.DECIMALS;
		};
	}

	/**
	 * The rate of completion (actual ÷ target) for a target to reach or a named list; the
	 * difference from the bound otherwise (below, at most, a range, a benchmark), in
	 * percentage points for percentages; the change of the year for a target per year.
	 */
	private void comparison(org.apache.poi.ss.usermodel.Row row, int column, Sheets sheets,
			IndicatorDefinition indicator, TargetProgress target) {
		var value = target.value();
		var goal = target.goal();
		if (value == null || goal == null) {
			Sheets.number(row, column, null, sheets.number(Sheets.PERCENT));
			return;
		}
		var shape = target.target().shape();
		boolean rate = !target.target().increment() && goal.signum() > 0 && (shape == TargetShape.AT_LEAST
				|| shape == TargetShape.ABOVE || shape == TargetShape.EXACTLY || shape == TargetShape.CHECKLIST);
		if (rate) {
			Sheets.number(row, column, value.divide(goal, vn.chitieu.planning.expression.Expr.MATH),
					sheets.number(Sheets.PERCENT));
			return;
		}
		var difference = target.target().increment() ? value : value.subtract(goal);
		var unit = indicator.unit().isPercent() ? " điểm" : "";
		Sheets.number(row, column, difference,
				sheets.number("+#,##0.0\"" + unit + "\";-#,##0.0\"" + unit + "\";0\"" + unit + "\""));
	}

	/** What the reader must know beside the numbers. */
	private String notes(IndicatorProgress progress, PlanProgress plan) {
		var indicator = progress.indicator();
		var latest = progress.latest();
		var notes = new ArrayList<String>();
		var result = latest.result();
		if (indicator.measure().kind() != MeasureKind.DISTRICT || result.used() == 0) {
			if (result.value() == null || !result.complete()) {
				notes.add(this.format.completeness(result, indicator.measure(), plan.includeSubmitted()) + ".");
			}
		}
		if (latest.estimate()) {
			notes.add(msg("report.estimate") + ".");
		}
		var bounds = this.format.bounds(result.bounds(), indicator);
		if (!bounds.isEmpty()) {
			notes.add(msg("report.bounds", bounds) + ".");
		}
		for (var target : latest.targets()) {
			var gap = this.format.gap(target, indicator);
			if (!gap.isEmpty()) {
				notes.add(gap + ".");
			}
		}
		if (indicator.flaw() != null) {
			notes.add(msg("report.flaw", indicator.flaw().vi(), indicator.flaw().readingVi()));
			if (latest.alternative() != null) {
				var alternative = indicator.flaw().alternative();
				var text = (alternative.kind() == MeasureKind.SHARE)
						? this.format.value(IndicatorUnit.PERCENT, latest.alternative())
						: this.format.number(indicator, latest.alternative());
				notes.add(msg("report.alternative", indicator.flaw().alternativeVi(), text));
			}
		}
		return String.join(" ", notes);
	}

	// ------------------------------------------------------------------ school by school

	/**
	 * The values behind each indicator of a level, school by school: a school's own ratio
	 * or average, whether it meets a condition, its part of a sum.
	 */
	private void bySchool(SXSSFWorkbook workbook, Sheets sheets, PlanProgress plan, IndicatorLevel level,
			List<School> schools, Map<Long, SubmissionSummary> statuses) {
		var indicators = plan.indicators()
			.stream()
			.map(IndicatorProgress::indicator)
			.filter((i) -> i.level() == level)
			.filter((i) -> i.measure().kind() != MeasureKind.DISTRICT && i.measure().scope().unit() == UnitKind.SCHOOL)
			.filter((i) -> !this.progress.isOverWards(i.measure()))
			.toList();
		if (indicators.isEmpty()) {
			return;
		}
		// Each indicator's parts in the year reported on, by school and level.
		var parts = new HashMap<String, Map<String, UnitResult>>();
		for (var indicator : indicators) {
			for (var part : this.progress.parts(plan.plan().code(), indicator.code(), plan.asOf(),
					plan.includeSubmitted())) {
				parts.computeIfAbsent(key(part.unit().unitId(), part.unit().level()), (k) -> new HashMap<>())
					.put(indicator.code(), part);
			}
		}
		var sheet = workbook.createSheet(msg("report.sheet.bySchool", msg("report.level." + level.name())));
		String[] fixed = { msg("report.column.stt"), msg("report.column.schoolCode"), msg("report.column.school"),
				msg("report.column.level"), msg("report.column.ward"), msg("report.column.ownership"),
				msg("report.column.reportStatus") };
		int[] widths = { 6, 16, 36, 8, 18, 11, 14 };
		for (int c = 0; c < fixed.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		int title = 0;
		var r0 = Sheets.row(sheet, title);
		Sheets.text(r0, 0, msg("report.bySchool.title", msg("report.level." + level.name()), plan.asOf().label()),
				sheets.plain(13, true, false, false, HorizontalAlignment.LEFT));
		Sheets.merge(sheet, title, 0, fixed.length + indicators.size() - 1);
		Sheets.text(Sheets.row(sheet, 1), 0, msg("report.bySchool.note"),
				sheets.plain(11, false, true, false, HorizontalAlignment.LEFT));
		Sheets.merge(sheet, 1, 0, fixed.length + indicators.size() - 1);
		this.document.sampleNotice(sheet, sheets, 2, fixed.length + indicators.size() - 1);
		int header = 3;
		var h1 = Sheets.row(sheet, header);
		var h2 = Sheets.row(sheet, header + 1);
		for (int c = 0; c < fixed.length; c++) {
			Sheets.text(h1, c, fixed[c], sheets.header());
			Sheets.text(h2, c, null, sheets.header());
			Sheets.merge(sheet, header, header + 1, c, c);
		}
		for (int i = 0; i < indicators.size(); i++) {
			var indicator = indicators.get(i);
			int column = fixed.length + i;
			sheet.setColumnWidth(column, 14 * 256);
			Sheets.text(h1, column, indicator.code(), sheets.header());
			Sheets.text(h2, column, indicator.nameVi(), sheets.header());
		}
		h2.setHeightInPoints(90);
		int row = header + 2;
		int number = 1;
		for (var school : schools) {
			for (var schoolLevel : school.levels()) {
				if (level != IndicatorLevel.ALL && !level.name().equals(schoolLevel.name())) {
					continue;
				}
				var own = parts.get(key(school.id(), schoolLevel));
				if (own == null) {
					continue;
				}
				var r = Sheets.row(sheet, row++);
				Sheets.number(r, 0, BigDecimal.valueOf(number++), sheets.ordinal());
				Sheets.text(r, 1, school.code(), sheets.text());
				Sheets.text(r, 2, school.name(), sheets.text());
				Sheets.text(r, 3, schoolLevel.name(), sheets.centered(false));
				Sheets.text(r, 4, school.wardName(), sheets.text());
				Sheets.text(r, 5, msg("report.ownership." + school.ownership().name()), sheets.centered(false));
				var status = statuses.get(school.id());
				Sheets.text(r, 6, msg("report.status." + ((status != null) ? status.status().name() : "NONE")),
						sheets.centered(false));
				for (int i = 0; i < indicators.size(); i++) {
					part(r, fixed.length + i, sheets, indicators.get(i), own.get(indicators.get(i).code()));
				}
				Sheets.fitHeight(r);
			}
		}
		// 25 and more columns: printed in groups, the school repeated on every page.
		Sheets.widePages(sheet, header, header + 1, 3, 3, fixed.length + indicators.size() - 1,
				msg("report.bySchool.title", msg("report.level." + level.name()), plan.asOf().label()));
	}

	private void part(org.apache.poi.ss.usermodel.Row row, int column, Sheets sheets, IndicatorDefinition indicator,
			UnitResult part) {
		if (part == null) {
			Sheets.text(row, column, null, sheets.centered(false));
			return;
		}
		switch (part.outcome()) {
			case MET -> Sheets.text(row, column, msg("report.outcome.MET"), sheets.centered(false));
			case NOT_MET -> Sheets.text(row, column, msg("report.outcome.NOT_MET"), sheets.centered(false));
			case MISSING -> Sheets.text(row, column, msg("report.outcome.MISSING"), sheets.centered(false));
			default -> {
				if (indicator.measure().kind() == MeasureKind.RATIO) {
					var value = part.value();
					Sheets.number(row, column, (value != null) ? value.movePointLeft(2) : null,
							sheets.number(Sheets.PERCENT));
				}
				else {
					Sheets.number(row, column, part.value(), sheets.number(decimals(indicator.unit())));
				}
			}
		}
	}

	private static String key(long unitId, Object level) {
		return unitId + "/" + level;
	}

	// ------------------------------------------------------------------ wards

	private void wards(SXSSFWorkbook workbook, Sheets sheets, PlanProgress plan) {
		var found = this.progress.wards(plan.plan().code(), plan.asOf(), plan.includeSubmitted(), (w) -> true);
		if (found.isEmpty() || (found.get().rates().isEmpty() && found.get().counted().isEmpty())) {
			return;
		}
		var wards = found.get();
		var sheet = workbook.createSheet(WARDS_SHEET);
		int columns = 2 + wards.rates().size() * 3 + wards.counted().size();
		sheet.setColumnWidth(0, 6 * 256);
		sheet.setColumnWidth(1, 24 * 256);
		Sheets.text(Sheets.row(sheet, 0), 0, msg("report.wards.title", wards.year().label()),
				sheets.plain(13, true, false, false, HorizontalAlignment.LEFT));
		Sheets.merge(sheet, 0, 0, columns - 1);
		Sheets.text(Sheets.row(sheet, 1), 0, msg("report.wards.note"),
				sheets.plain(11, false, true, false, HorizontalAlignment.LEFT));
		Sheets.merge(sheet, 1, 0, columns - 1);
		Sheets.row(sheet, 1).setHeightInPoints(30);
		this.document.sampleNotice(sheet, sheets, 2, columns - 1);
		int header = 3;
		var h1 = Sheets.row(sheet, header);
		var h2 = Sheets.row(sheet, header + 1);
		Sheets.text(h1, 0, msg("report.column.stt"), sheets.header());
		Sheets.text(h2, 0, null, sheets.header());
		Sheets.merge(sheet, header, header + 1, 0, 0);
		Sheets.text(h1, 1, msg("report.column.ward"), sheets.header());
		Sheets.text(h2, 1, null, sheets.header());
		Sheets.merge(sheet, header, header + 1, 1, 1);
		int column = 2;
		for (var indicator : wards.rates()) {
			Sheets.text(h1, column, indicator.code() + ". " + indicator.nameVi(), sheets.header());
			Sheets.fill(h1, column + 1, column + 2, sheets.header());
			Sheets.merge(sheet, header, column, column + 2);
			Sheets.text(h2, column, msg("report.wards.rate"), sheets.header());
			Sheets.text(h2, column + 1, msg("report.wards.enrolled"), sheets.header());
			Sheets.text(h2, column + 2, msg("report.wards.population"), sheets.header());
			for (int c = column; c <= column + 2; c++) {
				sheet.setColumnWidth(c, 12 * 256);
			}
			column += 3;
		}
		for (var indicator : wards.counted()) {
			sheet.setColumnWidth(column, 16 * 256);
			Sheets.text(h1, column, indicator.code(), sheets.header());
			Sheets.text(h2, column, indicator.nameVi(), sheets.header());
			column++;
		}
		h1.setHeightInPoints(48);
		h2.setHeightInPoints(60);
		int row = header + 2;
		int number = 1;
		for (var ward : wards.rows()) {
			var r = Sheets.row(sheet, row++);
			Sheets.number(r, 0, BigDecimal.valueOf(number++), sheets.ordinal());
			Sheets.text(r, 1, ward.ward().name(), sheets.text());
			column = 2;
			for (var indicator : wards.rates()) {
				var rate = ward.rates().get(indicator.code());
				rateCells(r, column, sheets, rate.value(), rate.numerator(),
						(rate.wardsUsed() > 0) ? rate.denominator() : null);
				column += 3;
			}
			for (var indicator : wards.counted()) {
				var part = ward.parts().get(indicator.code());
				var outcome = (part != null) ? part.outcome() : UnitResult.Outcome.MISSING;
				Sheets.text(r, column++, msg("report.outcome." + outcome.name()), sheets.centered(false));
			}
			Sheets.fitHeight(r);
		}
		var total = Sheets.row(sheet, row);
		Sheets.text(total, 0, null, sheets.section());
		Sheets.text(total, 1, msg("report.wards.district"), sheets.section());
		column = 2;
		for (var indicator : wards.rates()) {
			var rate = wards.district().get(indicator.code());
			rateCells(total, column, sheets, rate.value(), rate.numerator(), rate.denominator());
			column += 3;
		}
		for (var indicator : wards.counted()) {
			Sheets.number(total, column++, wards.district().get(indicator.code()).value(), sheets.ordinal());
		}
		Sheets.page(sheet, true, header, header + 1, 2);
	}

	private static void rateCells(org.apache.poi.ss.usermodel.Row row, int column, Sheets sheets, BigDecimal value,
			BigDecimal numerator, BigDecimal denominator) {
		Sheets.number(row, column, (value != null) ? value.movePointLeft(2) : null, sheets.number(Sheets.PERCENT));
		Sheets.number(row, column + 1, numerator, sheets.number(Sheets.INTEGER));
		Sheets.number(row, column + 2, denominator, sheets.number(Sheets.INTEGER));
	}

	// ------------------------------------------------------------------ completeness

	private void completeness(SXSSFWorkbook workbook, Sheets sheets, PlanProgress plan,
			Map<Long, SubmissionSummary> statuses) {
		var sheet = workbook.createSheet(COMPLETENESS_SHEET);
		int[] widths = { 6, 14, 46, 14, 14, 14, 14, 12 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		Sheets.text(Sheets.row(sheet, 0), 0, msg("report.completeness.title", plan.asOf().label()),
				sheets.plain(13, true, false, false, HorizontalAlignment.LEFT));
		Sheets.merge(sheet, 0, 0, widths.length - 1);
		Sheets.text(Sheets.row(sheet, 1), 0,
				msg(plan.includeSubmitted() ? "report.basis.submitted" : "report.basis.approved"),
				sheets.plain(11, false, true, false, HorizontalAlignment.LEFT));
		Sheets.merge(sheet, 1, 0, widths.length - 1);
		int header = 3;
		var h = Sheets.row(sheet, header);
		String[] columns = { msg("report.column.stt"), msg("report.column.code"), msg("report.column.indicator"),
				msg("report.completeness.used"), msg("report.completeness.inScope"),
				msg("report.completeness.wardsUsed"), msg("report.completeness.wardsInScope"),
				msg("report.completeness.complete") };
		for (int c = 0; c < columns.length; c++) {
			Sheets.text(h, c, columns[c], sheets.header());
		}
		int row = header + 1;
		int number = 1;
		for (var progress : plan.indicators()) {
			var result = progress.latest().result();
			var r = Sheets.row(sheet, row++);
			Sheets.number(r, 0, BigDecimal.valueOf(number++), sheets.ordinal());
			Sheets.text(r, 1, progress.indicator().code(), sheets.text());
			Sheets.text(r, 2, progress.indicator().nameVi(), sheets.text());
			Sheets.number(r, 3, BigDecimal.valueOf(result.used()), sheets.number(Sheets.INTEGER));
			Sheets.number(r, 4, BigDecimal.valueOf(result.inScope()), sheets.number(Sheets.INTEGER));
			boolean wards = result.wardsInScope() > 0;
			Sheets.number(r, 5, wards ? BigDecimal.valueOf(result.wardsUsed()) : null, sheets.number(Sheets.INTEGER));
			Sheets.number(r, 6, wards ? BigDecimal.valueOf(result.wardsInScope()) : null,
					sheets.number(Sheets.INTEGER));
			Sheets.text(r, 7, msg(result.complete() ? "report.yes" : "report.no"), sheets.centered(false));
			Sheets.fitHeight(r);
		}
		// Every unit's report for the year.
		row += 1;
		Sheets.text(Sheets.row(sheet, row), 0, msg("report.completeness.units"),
				sheets.plain(12, true, false, false, HorizontalAlignment.LEFT));
		Sheets.merge(sheet, row, 0, widths.length - 1);
		row++;
		var uh = Sheets.row(sheet, row++);
		String[] unitColumns = { msg("report.column.stt"), msg("report.column.code"), msg("report.column.unitName"),
				msg("report.column.kind"), msg("report.column.reportStatus"), msg("report.column.updated"),
				msg("report.column.comment") };
		for (int c = 0; c < unitColumns.length; c++) {
			Sheets.text(uh, c, unitColumns[c], sheets.header());
		}
		Sheets.fill(uh, unitColumns.length, widths.length - 1, sheets.header());
		Sheets.merge(sheet, row - 1, unitColumns.length - 1, widths.length - 1);
		number = 1;
		var rows = new ArrayList<String[]>();
		// The units of that school year (each school in its ward of that year), and any
		// other that reported for it.
		var inYear = this.units.schools(plan.asOf())
			.stream()
			.map(School::id)
			.collect(java.util.stream.Collectors.toSet());
		var wardsInYear = this.units.wards(plan.asOf())
			.stream()
			.map((w) -> w.id())
			.collect(java.util.stream.Collectors.toSet());
		for (var school : this.units.schools()) {
			if (inYear.contains(school.id()) || statuses.containsKey(school.id())) {
				rows.add(new String[] { String.valueOf(school.id()), school.code(), school.name(),
						msg("report.kind.SCHOOL") });
			}
		}
		for (var ward : this.units.wards()) {
			if (!wardsInYear.contains(ward.id()) && !statuses.containsKey(ward.id())) {
				continue;
			}
			rows.add(new String[] { String.valueOf(ward.id()), ward.code(), ward.name(), msg("report.kind.WARD") });
		}
		for (var unit : rows) {
			var status = statuses.get(Long.parseLong(unit[0]));
			var r = Sheets.row(sheet, row++);
			Sheets.number(r, 0, BigDecimal.valueOf(number++), sheets.ordinal());
			Sheets.text(r, 1, unit[1], sheets.text());
			Sheets.text(r, 2, unit[2], sheets.text());
			Sheets.text(r, 3, unit[3], sheets.centered(false));
			Sheets.text(r, 4, msg("report.status." + ((status != null) ? status.status().name() : "NONE")),
					sheets.centered(false));
			Sheets.text(r, 5, (status != null) ? this.formats.dateTime(status.updatedAt()) : null,
					sheets.centered(false));
			Sheets.text(r, 6, (status != null) ? status.comment() : null, sheets.note());
			Sheets.fill(r, 7, widths.length - 1, sheets.note());
			Sheets.merge(sheet, row - 1, 6, widths.length - 1);
			Sheets.fitHeight(r, 6, widths.length - 1);
		}
		Sheets.page(sheet, false, header, header, 0);
	}

	// ------------------------------------------------------------------ definitions

	private void definitions(SXSSFWorkbook workbook, Sheets sheets, PlanProgress plan) {
		var sheet = workbook.createSheet(DEFINITIONS_SHEET);
		int[] widths = { 10, 9, 10, 60, 34, 11, 50, 22, 50 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		var summary = plan.plan();
		Sheets.text(Sheets.row(sheet, 0), 0, msg("report.definitions.title", summary.title(VIETNAMESE)),
				sheets.plain(13, true, false, false, HorizontalAlignment.LEFT));
		Sheets.merge(sheet, 0, 0, widths.length - 1);
		int header = 2;
		var h = Sheets.row(sheet, header);
		String[] columns = { msg("report.column.code"), msg("report.column.level"), msg("report.column.clause"),
				msg("report.column.quote"), msg("report.column.indicator"), msg("report.column.unit"),
				msg("report.column.computation"), msg("report.column.target"), msg("report.column.flaw") };
		for (int c = 0; c < columns.length; c++) {
			Sheets.text(h, c, columns[c], sheets.header());
		}
		int row = header + 1;
		for (var progress : plan.indicators()) {
			var indicator = progress.indicator();
			var r = Sheets.row(sheet, row++);
			Sheets.text(r, 0, indicator.code(), sheets.text());
			Sheets.text(r, 1, msg("report.level." + indicator.level().name()), sheets.text());
			Sheets.text(r, 2, indicator.clause(), sheets.text());
			Sheets.text(r, 3, "“" + indicator.quote() + "”", sheets.text());
			Sheets.text(r, 4, indicator.nameVi(), sheets.text());
			Sheets.text(r, 5, this.format.unit(indicator), sheets.centered(false));
			Sheets.text(r, 6, this.describer.describe(indicator.measure(), summary.baselineYear(), VIETNAMESE),
					sheets.text());
			Sheets.text(r, 7, String.join("; ", this.format.targets(indicator)), sheets.text());
			Sheets.text(
					r, 8, (indicator.flaw() != null)
							? msg("report.flaw", indicator.flaw().vi(), indicator.flaw().readingVi()) : null,
					sheets.note());
			Sheets.fitHeight(r);
		}
		Sheets.page(sheet, true, header, header, 1);
	}

	private String msg(String key, Object... args) {
		return this.document.msg(key, args);
	}

}
