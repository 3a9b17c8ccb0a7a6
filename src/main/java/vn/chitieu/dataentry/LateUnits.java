package vn.chitieu.dataentry;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.orgunit.VietnameseCollator;
import vn.chitieu.platform.Formats;
import vn.chitieu.platform.Installation;

/**
 * The schools late with their report for a school year ({@link ReportingDeadline}), and
 * their list as an Excel file for the Office to chase them.
 */
@Service
@Transactional(readOnly = true)
public class LateUnits {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final OrgUnits units;

	private final SchoolYears years;

	private final Submissions submissions;

	private final MessageSource messages;

	private final Installation installation;

	LateUnits(OrgUnits units, SchoolYears years, Submissions submissions, MessageSource messages,
			Installation installation) {
		this.units = units;
		this.years = years;
		this.submissions = submissions;
		this.messages = messages;
		this.installation = installation;
	}

	/**
	 * The active schools of a year that are late on a given day, by ward and name.
	 * @param year the school year
	 * @param today the day it is
	 * @return the late schools; none when the year has no deadline
	 */
	public List<LateUnit> find(SchoolYear year, LocalDate today) {
		var deadlines = this.years.deadlines(year);
		if (deadlines.isEmpty()) {
			return List.of();
		}
		var byUnit = this.submissions.byUnit(year);
		var late = new ArrayList<LateUnit>();
		for (var school : this.units.schools(year)) {
			var due = deadlines.forSchool(school);
			if (due.isEmpty()) {
				continue;
			}
			var submission = Optional.ofNullable(byUnit.get(school.id()));
			var status = submission.map(SubmissionSummary::status).orElse(null);
			if (new ReportingDeadline(due.get()).isLate(status,
					submission.map(SubmissionSummary::submittedAt).orElse(null), today, Formats.ZONE)) {
				late.add(new LateUnit(school, (status != null) ? status.name() : "NONE", submission, due.get()));
			}
		}
		late.sort(Comparator.comparing((LateUnit u) -> u.school().wardName(), VietnameseCollator.INSTANCE)
			.thenComparing((u) -> u.school().name(), VietnameseCollator.INSTANCE));
		return late;
	}

	/**
	 * Writes the late schools as an .xlsx, in Vietnamese: code, name, level, ward,
	 * status, deadline, last change.
	 * @param year the school year
	 * @param today the day it is
	 * @param out where to write
	 * @throws IOException if writing fails
	 */
	public void write(SchoolYear year, LocalDate today, OutputStream out) throws IOException {
		var late = find(year, today);
		try (var workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet("Đơn vị chậm nộp");
			var bold = workbook.createFont();
			bold.setBold(true);
			var title = workbook.createCellStyle();
			title.setFont(bold);
			var header = workbook.createCellStyle();
			header.setFont(bold);
			header.setWrapText(true);
			border(header);
			var text = workbook.createCellStyle();
			border(text);
			var date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			border(date);
			var dateTime = workbook.createCellStyle();
			dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
			border(dateTime);

			int r = 0;
			sheet.createRow(r++)
				.createCell(0)
				.setCellValue("Danh sách đơn vị chậm nộp báo cáo năm học " + year.label());
			sheet.getRow(0).getCell(0).setCellStyle(title);
			sheet.createRow(r++)
				.createCell(0)
				.setCellValue(
						"Tính đến ngày " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today)
								+ ": " + late.size() + " đơn vị");
			if (this.installation.hasSampleData()) {
				sheet.createRow(r++).createCell(0).setCellValue("Dữ liệu mẫu");
			}
			r++;
			int headerRow = r;
			var heading = sheet.createRow(r++);
			String[] headings = { "Mã đơn vị", "Tên đơn vị", "Cấp học", "Phường", "Tình trạng", "Hạn nộp",
					"Cập nhật lần cuối" };
			for (int c = 0; c < headings.length; c++) {
				var cell = heading.createCell(c);
				cell.setCellValue(headings[c]);
				cell.setCellStyle(header);
			}
			for (var unit : late) {
				var row = sheet.createRow(r++);
				text(row, 0, unit.school().code(), text);
				text(row, 1, unit.school().name(), text);
				text(row, 2, unit.school().levels().stream().map(Enum::name).collect(Collectors.joining(", ")), text);
				text(row, 3, unit.school().wardName(), text);
				text(row, 4, status(unit), text);
				var deadline = row.createCell(5);
				deadline.setCellValue(unit.deadline());
				deadline.setCellStyle(date);
				var changed = row.createCell(6);
				changed.setCellStyle(dateTime);
				unit.submission()
					.ifPresent((s) -> changed
						.setCellValue(LocalDateTime.ofInstant(s.updatedAt(), Formats.ZONE).withSecond(0).withNano(0)));
			}
			int[] widths = { 16, 40, 12, 20, 28, 12, 18 };
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			sheet.createFreezePane(0, headerRow + 1);
			workbook.write(out);
		}
	}

	private String status(LateUnit unit) {
		var status = this.messages.getMessage("submission.status." + unit.status(), null, VIETNAMESE);
		if (unit.sentLate()) {
			status += " (" + this.messages.getMessage("completeness.late.sentLate", null, VIETNAMESE) + ")";
		}
		return status;
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(safe(value));
		cell.setCellStyle(style);
	}

	/** Text that no spreadsheet can take for a formula (docs/security.md). */
	private static String safe(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + text : text;
	}

	private static void border(CellStyle style) {
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
	}

}
