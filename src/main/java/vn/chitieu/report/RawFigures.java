package vn.chitieu.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

import vn.chitieu.dataentry.ReportedFigures;
import vn.chitieu.dataentry.Submissions;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.School;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.orgunit.Ward;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.ValueType;

/**
 * Every figure of a school year, for analysts: one sheet of schools (a row per school and
 * level, a column per metric), one of wards, one of the district's own figures. Every
 * report counts whatever its status, which a column gives. Rows are written as they are
 * read, a few hundred at a time in memory.
 */
@Service
public class RawFigures {

	static final String SCHOOLS_SHEET = "Trường";

	static final String WARDS_SHEET = "Phường";

	static final String DISTRICT_SHEET = "Quận";

	/** Columns before the metrics on the schools' sheet. */
	static final int SCHOOL_COLUMNS = 7;

	/** The row of the column headings. */
	static final int HEADER = 2;

	private final Submissions submissions;

	private final OrgUnits units;

	private final MetricCatalog catalog;

	private final Document document;

	private final Snapshots snapshots;

	RawFigures(Submissions submissions, OrgUnits units, MetricCatalog catalog, Document document, Snapshots snapshots) {
		this.snapshots = snapshots;
		this.submissions = submissions;
		this.units = units;
		this.catalog = catalog;
		this.document = document;
	}

	/**
	 * Writes the figures of a year.
	 * @param year the school year
	 * @param out where to write the .xlsx
	 * @throws IOException if writing fails
	 */
	public void write(SchoolYear year, OutputStream out) throws IOException {
		this.snapshots.write(out, (workbook) -> {
			var metrics = this.catalog.all();
			var schoolMetrics = metrics.stream().filter((m) -> m.reportedBy() == UnitKind.SCHOOL).toList();
			var wardMetrics = metrics.stream().filter((m) -> m.reportedBy() == UnitKind.WARD).toList();
			var districtMetrics = metrics.stream().filter((m) -> m.reportedBy() == UnitKind.DISTRICT).toList();
			var schools = new HashMap<Long, School>();
			this.units.schools().forEach((s) -> schools.put(s.id(), s));
			// Each school in the ward it stood in that year.
			this.units.schools(year).forEach((s) -> schools.put(s.id(), s));
			var wards = new HashMap<Long, Ward>();
			this.units.wards().forEach((w) -> wards.put(w.id(), w));
			long districtId = this.units.district().map((d) -> d.id()).orElse(-1L);
			var sheets = new Sheets(workbook);
			var schoolSheet = start(workbook, sheets, SCHOOLS_SHEET, year, schoolMetrics,
					new String[] { msg("report.column.stt"), msg("report.column.schoolCode"),
							msg("report.column.school"), msg("report.column.level"), msg("report.column.ward"),
							msg("report.column.ownership"), msg("report.column.reportStatus") });
			var wardSheet = start(workbook, sheets, WARDS_SHEET, year, wardMetrics,
					new String[] { msg("report.column.stt"), msg("report.column.code"), msg("report.column.ward"),
							msg("report.column.reportStatus") });
			var districtSheet = start(workbook, sheets, DISTRICT_SHEET, year, districtMetrics,
					new String[] { msg("report.column.stt"), msg("report.column.reportStatus") });
			var rows = new int[] { HEADER + 1, HEADER + 1, HEADER + 1 };
			var reported = new HashSet<String>();
			this.submissions.forEachReport(year, (figures) -> {
				var school = schools.get(figures.unitId());
				if (school != null) {
					reported.add(figures.unitId() + "/" + figures.level());
					schoolRow(schoolSheet, sheets, rows[0]++, school, figures.level().name(), figures, schoolMetrics);
				}
				else if (wards.containsKey(figures.unitId())) {
					reported.add(String.valueOf(figures.unitId()));
					wardRow(wardSheet, sheets, rows[1]++, wards.get(figures.unitId()), figures, wardMetrics);
				}
				else if (figures.unitId() == districtId) {
					var row = Sheets.row(districtSheet, rows[2]++);
					Sheets.number(row, 0, BigDecimal.ONE, sheets.ordinal());
					Sheets.text(row, 1, msg("report.status." + figures.status().name()), sheets.centered(false));
					values(row, 2, sheets, figures, districtMetrics);
				}
			});
			// The units that have not reported, so that the list is whole.
			for (var school : this.units.schools(year)) {
				for (var level : school.levels()) {
					if (!reported.contains(school.id() + "/" + level)) {
						schoolRow(schoolSheet, sheets, rows[0]++, school, level.name(), null, schoolMetrics);
					}
				}
			}
			for (var ward : this.units.wards(year)) {
				if (!reported.contains(String.valueOf(ward.id()))) {
					wardRow(wardSheet, sheets, rows[1]++, ward, null, wardMetrics);
				}
			}
			return true;
		});
	}

	private Sheet start(SXSSFWorkbook workbook, Sheets sheets, String name, SchoolYear year, List<Metric> metrics,
			String[] columns) {
		var sheet = workbook.createSheet(name);
		for (int c = 0; c < columns.length; c++) {
			sheet.setColumnWidth(c, ((c == 2) ? 34 : 12) * 256);
		}
		Sheets.text(Sheets.row(sheet, 0), 0, msg("report.raw.title", name, year.label()),
				sheets.plain(13, true, false, false, HorizontalAlignment.LEFT));
		Sheets.merge(sheet, 0, 0, Math.max(columns.length + metrics.size() - 1, 1));
		this.document.sampleNotice(sheet, sheets, 1, Math.max(columns.length + metrics.size() - 1, 1));
		var header = Sheets.row(sheet, HEADER);
		for (int c = 0; c < columns.length; c++) {
			Sheets.text(header, c, columns[c], sheets.header());
		}
		for (int i = 0; i < metrics.size(); i++) {
			var metric = metrics.get(i);
			sheet.setColumnWidth(columns.length + i, 14 * 256);
			var unit = metric.unit(Document.VIETNAMESE);
			Sheets.text(header, columns.length + i, metric.name(Document.VIETNAMESE)
					+ ((unit != null) ? " (" + unit + ")" : "") + " [" + metric.code() + "]", sheets.header());
		}
		header.setHeightInPoints(120);
		// 90 columns: printed in groups, the unit repeated on every page.
		Sheets.widePages(sheet, HEADER, HEADER, Math.min(columns.length, 3), Math.min(columns.length, 3),
				columns.length + metrics.size() - 1, msg("report.raw.title", name, year.label()));
		return sheet;
	}

	private void schoolRow(Sheet sheet, Sheets sheets, int index, School school, String level, ReportedFigures figures,
			List<Metric> metrics) {
		var row = Sheets.row(sheet, index);
		Sheets.number(row, 0, BigDecimal.valueOf(index - HEADER), sheets.ordinal());
		Sheets.text(row, 1, school.code(), sheets.text());
		Sheets.text(row, 2, school.name(), sheets.text());
		Sheets.text(row, 3, level, sheets.centered(false));
		Sheets.text(row, 4, school.wardName(), sheets.text());
		Sheets.text(row, 5, msg("report.ownership." + school.ownership().name()), sheets.centered(false));
		Sheets.text(row, 6, msg("report.status." + ((figures != null) ? figures.status().name() : "NONE")),
				sheets.centered(false));
		values(row, SCHOOL_COLUMNS, sheets, figures, metrics);
		Sheets.fitHeight(row);
	}

	private void wardRow(Sheet sheet, Sheets sheets, int index, Ward ward, ReportedFigures figures,
			List<Metric> metrics) {
		var row = Sheets.row(sheet, index);
		Sheets.number(row, 0, BigDecimal.valueOf(index - HEADER), sheets.ordinal());
		Sheets.text(row, 1, ward.code(), sheets.text());
		Sheets.text(row, 2, ward.name(), sheets.text());
		Sheets.text(row, 3, msg("report.status." + ((figures != null) ? figures.status().name() : "NONE")),
				sheets.centered(false));
		values(row, 4, sheets, figures, metrics);
		Sheets.fitHeight(row);
	}

	private static void values(org.apache.poi.ss.usermodel.Row row, int first, Sheets sheets, ReportedFigures figures,
			List<Metric> metrics) {
		for (int i = 0; i < metrics.size(); i++) {
			var metric = metrics.get(i);
			var value = (figures != null) ? figures.values().get(metric.code()) : null;
			if (value != null && metric.type() == ValueType.PERCENT) {
				value = value.movePointLeft(2);
			}
			Sheets.number(row, first + i, value, sheets.number(format(metric.type())));
		}
	}

	private static String format(ValueType type) {
		return switch (type) {
			case DECIMAL -> Sheets.DECIMALS;
			case PERCENT -> "0.0#%";
			default -> Sheets.INTEGER;
		};
	}

	private String msg(String key, Object... args) {
		return this.document.msg(key, args);
	}

}
