package vn.chitieu.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chitieu.organisation.Organisation;
import vn.chitieu.organisation.OrganisationDetails;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.platform.Installation;

/**
 * The frame of an administrative document (Decree 30/2020/NĐ-CP) around a sheet's table:
 * the issuing body and the national motto, the title in capitals, the place and date and
 * the signer; and "Dữ liệu mẫu" wherever sample data shows. Always in Vietnamese.
 */
@Component
class Document {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	/** The column of a table's name, which the frame's halves leave room for. */
	private static final int NAME = 1;

	private final MessageSource messages;

	private final Installation installation;

	private final Organisation organisation;

	private final Clock clock;

	Document(MessageSource messages, Installation installation, Organisation organisation,
			java.util.Optional<Clock> clock) {
		this.messages = messages;
		this.installation = installation;
		this.organisation = organisation;
		this.clock = clock.orElse(Clock.system(vn.chitieu.platform.Formats.ZONE));
	}

	/**
	 * Who issues a document on a school year, as the Office or the administrator set it
	 * ({@link Organisation}), under the name it had that year (a year before a rename
	 * keeps the former name and letterhead); what is not set yet is a clear placeholder
	 * in brackets ("[CƠ QUAN CHỦ QUẢN]"), never another organisation's name.
	 * @param year the school year the document reports on
	 * @return the organisation's settings, placeholders filled in
	 */
	OrganisationDetails issuer(SchoolYear year) {
		return issuer(this.organisation.details(year));
	}

	private OrganisationDetails issuer(OrganisationDetails set) {
		var recipients = set.recipients();
		if (recipients.isEmpty() && !set.isComplete()) {
			recipients = List.of(msg("report.placeholder.recipients"));
		}
		return new OrganisationDetails(orPlaceholder(set.name(), "name"), orPlaceholder(set.parentBody(), "parentBody"),
				orPlaceholder(set.issuingBody(), "issuingBody"), orPlaceholder(set.place(), "place"),
				orPlaceholder(set.signerTitle(), "signerTitle"), recipients);
	}

	private String orPlaceholder(String value, String field) {
		return (value != null) ? value : msg("report.placeholder." + field);
	}

	/**
	 * The issuing body (under its parent body) on the left, the national motto on the
	 * right (Decree 30/2020/NĐ-CP), the document's number under the issuer when it has
	 * one.
	 * @return the next free row
	 */
	int letterhead(Sheet sheet, Sheets sheets, int lastColumn, String parent, String issuer, String number) {
		int split = Math.max(NAME, lastColumn / 2 - 1);
		var r0 = Sheets.row(sheet, 0);
		var r1 = Sheets.row(sheet, 1);
		Sheets.text(r0, 0, parent, sheets.plain(12, false, false, false, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, 0, 0, split - 1);
		Sheets.text(r1, 0, issuer, sheets.plain(12, true, false, true, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, 1, 0, split - 1);
		Sheets.text(r0, split, msg("report.motto.country"),
				sheets.plain(12, true, false, false, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, 0, split, lastColumn);
		Sheets.text(r1, split, msg("report.motto.words"),
				sheets.plain(13, true, false, true, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, 1, split, lastColumn);
		if (number != null) {
			Sheets.text(Sheets.row(sheet, 2), 0, number,
					sheets.plain(12, false, false, false, HorizontalAlignment.CENTER));
			Sheets.merge(sheet, 2, 0, split - 1);
		}
		return 4;
	}

	/**
	 * The title in capitals, what it reports on, which figures count, and a warning on
	 * sample data.
	 * @return the next free row
	 */
	int title(Sheet sheet, Sheets sheets, int row, int lastColumn, String title, String subtitle, String plan,
			String basis) {
		Sheets.text(Sheets.row(sheet, row), 0, title.toUpperCase(VIETNAMESE),
				sheets.plain(14, true, false, false, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, row, 0, lastColumn);
		row++;
		Sheets.text(Sheets.row(sheet, row), 0, subtitle.toUpperCase(VIETNAMESE),
				sheets.plain(13, true, false, false, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, row, 0, lastColumn);
		row++;
		Sheets.text(Sheets.row(sheet, row), 0, "(" + plan + ")",
				sheets.plain(12, false, true, false, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, row, 0, lastColumn);
		Sheets.row(sheet, row).setHeightInPoints(32);
		row++;
		Sheets.text(Sheets.row(sheet, row), 0, basis, sheets.plain(12, false, true, false, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, row, 0, lastColumn);
		row++;
		if (sampleNotice(sheet, sheets, row, lastColumn)) {
			row++;
		}
		return row + 1;
	}

	/** "Dữ liệu mẫu" wherever sample data shows. */
	boolean sampleNotice(Sheet sheet, Sheets sheets, int row, int lastColumn) {
		if (!this.installation.hasSampleData()) {
			return false;
		}
		Sheets.text(Sheets.row(sheet, row), 0, msg("report.sample"), sheets.warning());
		Sheets.merge(sheet, row, 0, lastColumn);
		return true;
	}

	/**
	 * Who receives it on the left, one bullet each; the place and date and the signer's
	 * title on the right.
	 * @return the next free row
	 */
	int signature(Sheet sheet, Sheets sheets, int row, int lastColumn, String placeName, String signer,
			List<String> recipientList) {
		var to = recipientList.stream().map((r) -> msg("report.recipient", r)).toArray(String[]::new);
		int split = Math.max(NAME + 1, lastColumn / 2);
		var today = LocalDate.now(this.clock);
		var place = Sheets.row(sheet, row);
		Sheets.text(place, split,
				msg("report.placeDate", placeName, today.getDayOfMonth(), today.getMonthValue(), today.getYear()),
				sheets.plain(13, false, true, false, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, row, split, lastColumn);
		var recipients = Sheets.row(sheet, row + 1);
		Sheets.text(recipients, 0, msg("report.recipients"),
				sheets.plain(12, true, true, false, HorizontalAlignment.LEFT));
		Sheets.merge(sheet, row + 1, 0, split - 1);
		Sheets.text(recipients, split, signer, sheets.plain(13, true, false, false, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, row + 1, split, lastColumn);
		for (int i = 0; i < to.length; i++) {
			var r = Sheets.row(sheet, row + 2 + i);
			Sheets.text(r, 0, to[i], sheets.plain(11, false, false, false, HorizontalAlignment.LEFT));
			Sheets.merge(sheet, row + 2 + i, 0, split - 1);
		}
		var sign = Sheets.row(sheet, row + 2);
		Sheets.text(sign, split, msg("report.signHere"),
				sheets.plain(12, false, true, false, HorizontalAlignment.CENTER));
		Sheets.merge(sheet, row + 2, split, lastColumn);
		return row + 2 + Math.max(to.length, 1);
	}

	/**
	 * @param key a message key
	 * @param args its arguments
	 * @return the message in Vietnamese
	 */
	String msg(String key, Object... args) {
		return this.messages.getMessage(key, args, VIETNAMESE);
	}

}
