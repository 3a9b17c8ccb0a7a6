package vn.chitieu.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Row;
import org.springframework.stereotype.Service;

import vn.chitieu.orgunit.School;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.MeasureKind;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.ProgressFormat;
import vn.chitieu.progress.SchoolStanding;
import vn.chitieu.progress.UnitResult;

/**
 * A school's own sheet: its position on every indicator of a plan that applies to it,
 * computed from its own figures, with what it must improve — the school page as a file.
 */
@Service
public class SchoolReport {

	static final String SHEET = "Tiến độ của trường";

	private final Progress progress;

	private final ProgressFormat format;

	private final Document document;

	private final Snapshots snapshots;

	SchoolReport(Progress progress, ProgressFormat format, Document document, Snapshots snapshots) {
		this.snapshots = snapshots;
		this.progress = progress;
		this.format = format.in(Document.VIETNAMESE);
		this.document = document;
	}

	/**
	 * Writes the school's sheet.
	 * @param planCode the plan
	 * @param school the school
	 * @param year the last school year shown
	 * @param includeSubmitted whether figures submitted but not yet approved count
	 * @param out where to write the .xlsx
	 * @return false for an unknown plan (nothing written)
	 * @throws IOException if writing fails
	 */
	public boolean write(String planCode, School school, SchoolYear year, boolean includeSubmitted, OutputStream out)
			throws IOException {
		return this.snapshots.write(out, (workbook) -> {
			var found = this.progress.school(planCode, school.id(), year, includeSubmitted);
			if (found.isEmpty()) {
				return false;
			}
			var standing = found.get();
			var years = standing.years();
			int position = OfficialReport.FIRST_YEAR + years.size();
			int improve = position + 1;
			var sheets = new Sheets(workbook);
			var sheet = workbook.createSheet(SHEET);
			sheet.setColumnWidth(OfficialReport.STT, 6 * 256);
			sheet.setColumnWidth(OfficialReport.NAME, 46 * 256);
			sheet.setColumnWidth(OfficialReport.UNIT, 11 * 256);
			sheet.setColumnWidth(OfficialReport.TARGET, 16 * 256);
			for (int i = 0; i < years.size(); i++) {
				sheet.setColumnWidth(OfficialReport.FIRST_YEAR + i, 12 * 256);
			}
			sheet.setColumnWidth(position, 15 * 256);
			sheet.setColumnWidth(improve, 44 * 256);
			var office = this.document.issuer(standing.asOf());
			int row = this.document.letterhead(sheet, sheets, improve, office.name().toUpperCase(Document.VIETNAMESE),
					school.name().toUpperCase(Document.VIETNAMESE), null);
			var plan = standing.plan();
			row = this.document.title(sheet, sheets, row, improve, msg("report.school.title"),
					msg("report.school.subtitle", school.name(), standing.asOf().label()),
					plan.title(Document.VIETNAMESE),
					msg(includeSubmitted ? "report.basis.submitted" : "report.basis.approved"));
			Sheets.text(Sheets.row(sheet, row), 0, msg("report.school.note"),
					sheets.plain(11, false, true, false, org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT));
			Sheets.merge(sheet, row, 0, improve);
			row += 2;
			int header = row;
			var h = Sheets.row(sheet, header);
			String[] fixed = { msg("report.column.stt"), msg("report.column.indicator"), msg("report.column.unit"),
					msg("report.school.target") };
			for (int c = 0; c < fixed.length; c++) {
				Sheets.text(h, c, fixed[c], sheets.header());
			}
			for (int i = 0; i < years.size(); i++) {
				Sheets.text(h, OfficialReport.FIRST_YEAR + i, years.get(i).label(), sheets.header());
			}
			Sheets.text(h, position, msg("report.school.position"), sheets.header());
			Sheets.text(h, improve, msg("report.school.improve"), sheets.header());
			row++;
			int number = 1;
			for (var line : standing.standings()) {
				row(Sheets.row(sheet, row++), sheets, number++, line, school, years.size());
			}
			if (standing.indicators().isEmpty()) {
				Sheets.text(Sheets.row(sheet, row++), 0, msg("report.school.none"), sheets.text());
				Sheets.merge(sheet, row - 1, 0, improve);
			}
			this.document.signature(sheet, sheets, row + 1, improve, office.place(), msg("report.school.signer"),
					java.util.List.of(office.name() + ";", msg("report.recipient.archive")));
			Sheets.page(sheet, true, header, header, OfficialReport.NAME + 1);
			return true;
		});
	}

	private void row(Row row, Sheets sheets, int number, SchoolStanding line, School school, int years) {
		var progress = line.progress();
		var indicator = progress.indicator();
		var latest = progress.latest();
		Sheets.number(row, OfficialReport.STT, BigDecimal.valueOf(number), sheets.ordinal());
		Sheets.text(row, OfficialReport.NAME, indicator.code() + ". " + indicator.nameVi(), sheets.text());
		Sheets.text(row, OfficialReport.UNIT, this.format.unit(indicator), sheets.centered(false));
		Sheets.text(row, OfficialReport.TARGET, String.join("; ", this.format.targets(indicator)),
				sheets.centered(false));
		for (int i = 0; i < years; i++) {
			int column = OfficialReport.FIRST_YEAR + i;
			if (line.isCondition()) {
				var parts = line.parts().get(i);
				var outcome = parts.stream().anyMatch((p) -> p.outcome() == UnitResult.Outcome.NOT_MET)
						? UnitResult.Outcome.NOT_MET
						: parts.stream().anyMatch((p) -> p.outcome() == UnitResult.Outcome.MET) ? UnitResult.Outcome.MET
								: UnitResult.Outcome.MISSING;
				Sheets.text(row, column, msg("report.outcome." + outcome.name()), sheets.centered(false));
			}
			else {
				value(row, column, sheets, indicator, progress.years().get(i).result().value());
			}
		}
		int position = OfficialReport.FIRST_YEAR + years;
		var text = switch (line.reading()) {
			case OWN -> this.format.verdict(latest, indicator);
			case CONDITION -> msg("report.outcome." + line.latestOutcome().name());
			case COUNTED -> msg("report.school.counted");
			case CONTRIBUTION -> msg("report.school.contribution");
		};
		Sheets.text(row, position, text, sheets.centered(line.toImprove()));
		String improve = null;
		if (line.reading() == SchoolStanding.Reading.OWN) {
			improve = this.format.gap(latest.main(), indicator);
		}
		else if (line.toImprove()) {
			improve = msg("report.school.condition", this.format.condition(indicator, school.code()));
		}
		Sheets.text(row, position + 1, improve, sheets.note());
		Sheets.fitHeight(row);
	}

	private static void value(Row row, int column, Sheets sheets, IndicatorDefinition indicator, BigDecimal value) {
		if (indicator.measure().kind() == MeasureKind.RATIO) {
			Sheets.number(row, column, (value != null) ? value.movePointLeft(2) : null, sheets.number(Sheets.PERCENT));
		}
		else {
			Sheets.number(row, column, value, sheets.number(OfficialReport.decimals(indicator.unit())));
		}
	}

	private String msg(String key, Object... args) {
		return this.document.msg(key, args);
	}

}
