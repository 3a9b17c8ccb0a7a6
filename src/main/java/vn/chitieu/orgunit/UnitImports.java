package vn.chitieu.orgunit;

import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.orgunit.UnitImport.SchoolLine;
import vn.chitieu.orgunit.UnitImport.WardLine;
import vn.chitieu.orgunit.UnitImportPreview.FieldChange;
import vn.chitieu.orgunit.UnitImportPreview.Line;
import vn.chitieu.platform.sheets.SheetException;
import vn.chitieu.platform.sheets.SheetProblem;
import vn.chitieu.platform.sheets.TableReader;
import vn.chitieu.platform.sheets.TableReader.Column;
import vn.chitieu.platform.sheets.TableReader.Table;
import vn.chitieu.platform.sheets.XlsxFiles;

/**
 * Wards and schools from an .xlsx (nhập danh sách phường, trường): the template,
 * prefilled with the district as it stands; reading a filled one back, with every problem
 * listed by sheet, row and column; the preview of what it would change; and applying it,
 * all or nothing. A unit is found by its code: a code the district has is updated, a new
 * one is added, a unit the file leaves out is left alone (units are never deleted). A
 * school may be closed from a year through the file on the same terms as on its page;
 * reopening one is not done by a file.
 */
@Service
@Transactional(readOnly = true)
public class UnitImports {

	/** The template's kind, in its hidden mark. */
	public static final String KIND = "chitieu-units";

	/** The version of the template's layout. */
	public static final int VERSION = 1;

	/** The largest file accepted. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	/** The most rows a sheet may hold: a district has a few hundred schools. */
	public static final int MAX_ROWS = 2000;

	static final String GUIDE = "Hướng dẫn";

	static final String WARDS = "Phường";

	static final String SCHOOLS = "Trường";

	private static final String LISTS = "_lists";

	static final Table WARD_TABLE = new Table(WARDS,
			List.of(Column.of("code", "Mã phường"), Column.of("name", "Tên phường")));

	static final Table SCHOOL_TABLE = new Table(SCHOOLS,
			List.of(Column.of("code", "Mã trường"), Column.of("name", "Tên trường"), Column.of("levels", "Cấp học"),
					Column.of("ownership", "Loại hình"), Column.of("ward", "Mã phường"),
					Column.of("opened", "Năm học thành lập"), new Column("closed", "Năm học đóng cửa", true)));

	private static final Map<Ownership, String> OWNERSHIP = Map.of(Ownership.PUBLIC, "Công lập", Ownership.PRIVATE,
			"Tư thục");

	/** The combinations of levels offered in the template's list. */
	private static final List<String> LEVEL_CHOICES = List.of("MN", "TH", "THCS", "MN, TH", "TH, THCS", "MN, THCS",
			"MN, TH, THCS");

	private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:\\s*[-–/]\\s*(\\d{4}))?");

	private static final int MAX_NAME = 200;

	private final OrgUnitRepository units;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	UnitImports(OrgUnitRepository units, JdbcTemplate jdbc, AuditLog audit) {
		this.units = units;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The template, prefilled with the district's wards and schools, with an instructions
	 * sheet and Excel's own checks on the cells.
	 * @return the .xlsx
	 */
	public byte[] template() {
		var all = this.units.findAll();
		var wards = all.stream()
			.filter((u) -> u.getKind() == UnitKind.WARD)
			.sorted(Comparator.comparing(OrgUnit::getName, VietnameseCollator.INSTANCE))
			.toList();
		var wardCodes = wards.stream().collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getCode));
		var schools = all.stream()
			.filter((u) -> u.getKind() == UnitKind.SCHOOL)
			.sorted(Comparator.comparing(OrgUnit::getName, VietnameseCollator.INSTANCE))
			.toList();
		var workbook = new XSSFWorkbook();
		var bold = workbook.createCellStyle();
		var font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		var header = workbook.createCellStyle();
		header.cloneStyleFrom(bold);
		header.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setBorderBottom(BorderStyle.THIN);
		var text = workbook.createCellStyle();
		text.setDataFormat(workbook.createDataFormat().getFormat("@"));

		guide(workbook.createSheet(GUIDE), bold);
		var wardSheet = workbook.createSheet(WARDS);
		headers(wardSheet, WARD_TABLE, header, new int[] { 16, 40 });
		int r = 1;
		for (var ward : wards) {
			var row = wardSheet.createRow(r++);
			row.createCell(0).setCellValue(ward.getCode());
			row.createCell(1).setCellValue(ward.getName());
		}
		var schoolSheet = workbook.createSheet(SCHOOLS);
		headers(schoolSheet, SCHOOL_TABLE, header, new int[] { 18, 44, 16, 14, 14, 20, 20 });
		r = 1;
		for (var school : schools) {
			var row = schoolSheet.createRow(r++);
			row.createCell(0).setCellValue(school.getCode());
			row.createCell(1).setCellValue(school.getName());
			row.createCell(2).setCellValue(levels(school.getLevels()));
			row.createCell(3).setCellValue(OWNERSHIP.get(school.getOwnership()));
			row.createCell(4).setCellValue(wardCodes.getOrDefault(school.getParentId(), ""));
			row.createCell(5).setCellValue(year(school.getOpenedYear()));
			row.createCell(6).setCellValue(year(school.getClosedYear()));
		}
		for (int c = 0; c < SCHOOL_TABLE.columns().size(); c++) {
			schoolSheet.setDefaultColumnStyle(c, text);
		}
		wardSheet.setDefaultColumnStyle(0, text);
		wardSheet.setDefaultColumnStyle(1, text);
		lists(workbook);
		validations(workbook, schoolSheet);
		workbook.setActiveSheet(workbook.getSheetIndex(schoolSheet));
		XlsxFiles.mark(workbook, KIND, VERSION);
		return XlsxFiles.bytes(workbook);
	}

	private static void guide(Sheet sheet, CellStyle bold) {
		String[] lines = { "Nhập danh sách phường và trường từ tệp Excel", "",
				"1. Trang “Phường”: mỗi dòng một phường — Mã phường, Tên phường.",
				"2. Trang “Trường”: mỗi dòng một trường — Mã trường, Tên trường, Cấp học, Loại hình, Mã phường, "
						+ "Năm học thành lập, Năm học đóng cửa (nếu có).",
				"3. Cấp học: MN (mầm non), TH (tiểu học), THCS (trung học cơ sở); trường có nhiều cấp thì ghi cách nhau "
						+ "bằng dấu phẩy, ví dụ “TH, THCS”.",
				"4. Loại hình: “Công lập” hoặc “Tư thục”.",
				"5. Mã phường của trường phải có ở trang “Phường” hoặc đã có trong hệ thống.",
				"6. Năm học ghi dạng 2019-2020. Để trống “Năm học thành lập” nếu trường có từ trước khi có số liệu.",
				"7. Ghi “Năm học đóng cửa” chỉ khi trường thôi báo cáo từ năm học đó (đóng, sáp nhập). "
						+ "Việc mở lại một trường không làm qua tệp này.",
				"8. Đơn vị tìm theo mã: mã đã có thì cập nhật, mã mới thì thêm. Đơn vị không có trong tệp được giữ "
						+ "nguyên, không bị xóa. Mã của đơn vị không đổi được qua tệp này.",
				"9. Không dùng công thức; không đổi tên trang hay tên cột.",
				"10. Khi tải lên, hệ thống liệt kê mọi lỗi (trang, dòng, cột) và không lưu gì nếu còn lỗi; nếu không có "
						+ "lỗi, hệ thống cho xem trước những gì sẽ thay đổi để xác nhận." };
		for (int i = 0; i < lines.length; i++) {
			var cell = sheet.createRow(i).createCell(0);
			cell.setCellValue(lines[i]);
			if (i == 0) {
				cell.setCellStyle(bold);
			}
		}
		sheet.setColumnWidth(0, 120 * 256);
	}

	private static void headers(Sheet sheet, Table table, CellStyle style, int[] widths) {
		var row = sheet.createRow(0);
		for (int c = 0; c < table.columns().size(); c++) {
			var cell = row.createCell(c);
			cell.setCellValue(table.columns().get(c).header());
			cell.setCellStyle(style);
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	private static void lists(XSSFWorkbook workbook) {
		var sheet = workbook.createSheet(LISTS);
		for (int i = 0; i < LEVEL_CHOICES.size(); i++) {
			var row = sheet.createRow(i);
			row.createCell(0).setCellValue(LEVEL_CHOICES.get(i));
			if (i < 2) {
				row.createCell(1).setCellValue((i == 0) ? "Công lập" : "Tư thục");
			}
		}
		workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.HIDDEN);
		name(workbook, "CapHoc", LISTS + "!$A$1:$A$" + LEVEL_CHOICES.size());
		name(workbook, "LoaiHinh", LISTS + "!$B$1:$B$2");
		name(workbook, "MaPhuong", "'" + WARDS + "'!$A$2:$A$" + (MAX_ROWS + 1));
	}

	private static void name(XSSFWorkbook workbook, String name, String formula) {
		var defined = workbook.createName();
		defined.setNameName(name);
		defined.setRefersToFormula(formula);
	}

	private static void validations(XSSFWorkbook workbook, Sheet sheet) {
		var helper = sheet.getDataValidationHelper();
		validate(sheet, helper.createValidation(helper.createFormulaListConstraint("CapHoc"), column(2)), "Cấp học",
				"Chọn trong danh sách: MN, TH, THCS hoặc nhiều cấp cách nhau bằng dấu phẩy.");
		validate(sheet, helper.createValidation(helper.createFormulaListConstraint("LoaiHinh"), column(3)), "Loại hình",
				"Chọn “Công lập” hoặc “Tư thục”.");
		validate(sheet, helper.createValidation(helper.createFormulaListConstraint("MaPhuong"), column(4)), "Mã phường",
				"Chọn một mã phường có ở trang “Phường”.");
		for (int c = 5; c <= 6; c++) {
			var ref = org.apache.poi.ss.util.CellReference.convertNumToColString(c) + "2";
			var formula = "OR(" + ref + "=\"\",AND(LEN(" + ref + ")=9,MID(" + ref + ",5,1)=\"-\",ISNUMBER(VALUE(LEFT("
					+ ref + ",4))),VALUE(RIGHT(" + ref + ",4))=VALUE(LEFT(" + ref + ",4))+1))";
			validate(sheet, helper.createValidation(helper.createCustomConstraint(formula), column(c)), "Năm học",
					"Ghi năm học dạng 2019-2020 (năm sau hơn năm trước 1 năm).");
		}
	}

	private static CellRangeAddressList column(int c) {
		return new CellRangeAddressList(1, MAX_ROWS, c, c);
	}

	private static void validate(Sheet sheet, DataValidation validation, String title, String message) {
		validation.setShowErrorBox(true);
		validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
		validation.createErrorBox(title, message);
		validation.setEmptyCellAllowed(true);
		sheet.addValidationData(validation);
	}

	/**
	 * Reads a filled template and checks each row on its own: the columns, the codes
	 * (well formed, once in the file), names, levels, ownership and years. The database
	 * is checked by {@link #preview}.
	 * @param fileName the uploaded file's name
	 * @param bytes the file
	 * @return what it holds
	 * @throws SheetException listing every problem
	 */
	public UnitImport read(String fileName, byte[] bytes) {
		Map<String, List<TableReader.Row>> tables;
		try (var workbook = XlsxFiles.open(bytes, MAX_BYTES)) {
			XlsxFiles.checkMark(workbook, KIND, VERSION);
			tables = TableReader.read(workbook, List.of(WARD_TABLE, SCHOOL_TABLE), MAX_ROWS);
		}
		catch (java.io.IOException ex) {
			throw new SheetException(List.of(SheetProblem.file("template.error.damaged")));
		}
		var problems = new ArrayList<SheetProblem>();
		var seen = new HashMap<String, TableReader.Row>();
		var wards = new ArrayList<WardLine>();
		for (var row : tables.get(WARDS)) {
			var code = code(row, seen, problems);
			var name = name(row, problems);
			wards.add(new WardLine(row, code, name));
		}
		var schools = new ArrayList<SchoolLine>();
		for (var row : tables.get(SCHOOLS)) {
			var code = code(row, seen, problems);
			var name = name(row, problems);
			var levels = levels(row, problems);
			var ownership = ownership(row, problems);
			var ward = row.get("ward");
			if (ward == null) {
				problems.add(row.problem("ward", "unitImport.ward.required"));
			}
			var opened = year(row, "opened", problems);
			var closed = year(row, "closed", problems);
			if (opened != null && closed != null && closed <= opened) {
				problems.add(row.problem("closed", "unitImport.closed.beforeOpened"));
			}
			schools.add(new SchoolLine(row, code, name, levels, ownership, ward, opened, closed));
		}
		if (wards.isEmpty() && schools.isEmpty() && problems.isEmpty()) {
			problems.add(SheetProblem.file("unitImport.empty"));
		}
		if (!problems.isEmpty()) {
			throw new SheetException(problems);
		}
		return new UnitImport(fileName, wards, schools);
	}

	/**
	 * Checks a file against the district as it stands and says what confirming it would
	 * change.
	 * @param file the file, as {@link #read} gave it
	 * @return the preview
	 * @throws SheetException listing every problem
	 */
	public UnitImportPreview preview(UnitImport file) {
		return plan(file).preview();
	}

	/**
	 * Applies a file, all or nothing, if the district is still as the preview shown said.
	 * @param file the file, as {@link #read} gave it (kept on the server)
	 * @param shown the preview the user confirmed
	 * @param by who confirms
	 * @return what changed
	 * @throws SheetException if the file is no longer acceptable
	 * @throws UnitImportChangedException if the preview would now be different
	 */
	@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
	@Transactional
	public UnitImportPreview apply(UnitImport file, UnitImportPreview shown, String by) {
		// Two confirmations at once queue here; the second then sees the first's changes.
		this.jdbc.execute("lock table org_unit in share row exclusive mode");
		var plan = plan(file);
		if (!plan.preview().equals(shown)) {
			throw new UnitImportChangedException(plan.preview());
		}
		var district = this.units.findByKindOrderByNameAsc(UnitKind.DISTRICT)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Create the district first"));
		var records = new ArrayList<AuditRecord>();
		var wardIds = new HashMap<String, Long>();
		for (var unit : this.units.findByKindOrderByNameAsc(UnitKind.WARD)) {
			wardIds.put(unit.getCode(), unit.getId());
		}
		for (var ward : file.wards()) {
			var existing = plan.existing().get(ward.code());
			if (existing == null) {
				var saved = this.units.saveAndFlush(OrgUnit.ward(ward.code(), ward.name(), district.getId()));
				wardIds.put(saved.getCode(), saved.getId());
				records.add(OrgUnits.record("UNIT_ADDED", saved).withDetail(OrgUnits.describe(saved)));
			}
			else if (!existing.getName().equals(ward.name())) {
				var before = OrgUnits.describe(existing);
				existing.rename(existing.getCode(), ward.name());
				records.add(OrgUnits.record("UNIT_CHANGED", existing)
					.withChange("unit", before, OrgUnits.describe(existing)));
			}
		}
		for (var school : file.schools()) {
			var existing = plan.existing().get(school.code());
			long wardId = wardIds.get(school.wardCode());
			if (existing == null) {
				var saved = this.units.saveAndFlush(OrgUnit.school(school.code(), school.name(), wardId,
						school.levels(), school.ownership(), school.openedYear()));
				records.add(OrgUnits.record("UNIT_ADDED", saved).withDetail(OrgUnits.describe(saved)));
				continue;
			}
			var before = OrgUnits.describe(existing);
			existing.changeSchool(existing.getCode(), school.name(), wardId, school.levels(), school.ownership(),
					school.openedYear());
			var after = OrgUnits.describe(existing);
			if (!before.equals(after)) {
				records.add(OrgUnits.record("UNIT_CHANGED", existing).withChange("unit", before, after));
			}
			if (school.closedYear() != null && existing.getClosedYear() == null) {
				existing.close(school.closedYear());
				records.add(OrgUnits.record("UNIT_CLOSED", existing)
					.withChange("closedYear", null, String.valueOf(school.closedYear())));
			}
		}
		this.units.flush();
		var summary = plan.preview();
		records.add(AuditRecord.of("UNITS_IMPORTED", "file", file.fileName())
			.withDetail("added=" + summary.added().size() + "; changed=" + summary.changed().size() + "; unchanged="
					+ summary.unchanged()));
		this.audit.record(by, records);
		return summary;
	}

	private Plan plan(UnitImport file) {
		var byCode = new HashMap<String, OrgUnit>();
		for (var unit : this.units.findAll()) {
			byCode.put(unit.getCode(), unit);
		}
		var wardCodesById = new HashMap<Long, String>();
		byCode.values()
			.stream()
			.filter((u) -> u.getKind() == UnitKind.WARD)
			.forEach((u) -> wardCodesById.put(u.getId(), u.getCode()));
		int latest = latestYear();
		var problems = new ArrayList<SheetProblem>();
		var added = new ArrayList<Line>();
		var changed = new ArrayList<Line>();
		int unchanged = 0;
		var existing = new LinkedHashMap<String, OrgUnit>();
		var fileWards = new HashSet<String>();
		for (var ward : file.wards()) {
			fileWards.add(ward.code());
			var unit = byCode.get(ward.code());
			if (unit == null) {
				added.add(new Line(UnitKind.WARD, ward.code(), ward.name(), List.of()));
				continue;
			}
			if (unit.getKind() != UnitKind.WARD) {
				problems.add(ward.row()
					.problem("code", "unitImport.code.otherKind", ward.code(), kind(unit.getKind()), unit.getName()));
				continue;
			}
			existing.put(ward.code(), unit);
			if (unit.getName().equals(ward.name())) {
				unchanged++;
			}
			else {
				changed.add(new Line(UnitKind.WARD, ward.code(), ward.name(),
						List.of(new FieldChange("unitImport.field.name", unit.getName(), ward.name()))));
			}
		}
		for (var school : file.schools()) {
			var row = school.row();
			var wardUnit = byCode.get(school.wardCode());
			boolean wardKnown = fileWards.contains(school.wardCode())
					|| (wardUnit != null && wardUnit.getKind() == UnitKind.WARD);
			if (!wardKnown) {
				problems.add(row.problem("ward", "unitImport.ward.unknown", school.wardCode()));
			}
			if (school.openedYear() != null
					&& (school.openedYear() < OrgUnits.FIRST_YEAR || school.openedYear() > latest + 1)) {
				problems
					.add(row.problem("opened", "unitImport.opened.range", year(OrgUnits.FIRST_YEAR), year(latest + 1)));
			}
			var unit = byCode.get(school.code());
			if (unit == null) {
				if (school.closedYear() != null) {
					problems.add(row.problem("closed", "unitImport.closed.new"));
				}
				added.add(new Line(UnitKind.SCHOOL, school.code(), school.name(), List.of()));
				continue;
			}
			if (unit.getKind() != UnitKind.SCHOOL) {
				problems.add(row.problem("code", "unitImport.code.otherKind", school.code(), kind(unit.getKind()),
						unit.getName()));
				continue;
			}
			existing.put(school.code(), unit);
			checkSchool(school, unit, latest, problems);
			var fields = new ArrayList<FieldChange>();
			field(fields, "unitImport.field.name", unit.getName(), school.name());
			field(fields, "unitImport.field.levels", levels(unit.getLevels()), levels(school.levels()));
			field(fields, "unitImport.field.ownership", OWNERSHIP.get(unit.getOwnership()),
					OWNERSHIP.get(school.ownership()));
			field(fields, "unitImport.field.ward", wardCodesById.getOrDefault(unit.getParentId(), ""),
					school.wardCode());
			field(fields, "unitImport.field.opened", year(unit.getOpenedYear()), year(school.openedYear()));
			field(fields, "unitImport.field.closed", year(unit.getClosedYear()), year(school.closedYear()));
			if (fields.isEmpty()) {
				unchanged++;
			}
			else {
				changed.add(new Line(UnitKind.SCHOOL, school.code(), school.name(), fields));
			}
		}
		if (!problems.isEmpty()) {
			throw new SheetException(problems);
		}
		var notInFile = byCode.values()
			.stream()
			.filter((u) -> u.getKind() != UnitKind.DISTRICT && !existing.containsKey(u.getCode()))
			.sorted(Comparator.comparing(OrgUnit::getCode))
			.map((u) -> u.getCode() + " – " + u.getName())
			.toList();
		return new Plan(new UnitImportPreview(added, changed, unchanged, notInFile), existing);
	}

	/** The checks of the school's own page, for a school the district has. */
	private void checkSchool(SchoolLine school, OrgUnit unit, int latest, List<SheetProblem> problems) {
		var row = school.row();
		var removed = EnumSet.noneOf(EducationLevel.class);
		removed.addAll(unit.getLevels());
		removed.removeAll(school.levels());
		for (var level : removed) {
			if (hasFigures(unit.getId(), level)) {
				problems.add(row.problem("levels", "unitImport.levels.reported", level.name()));
			}
		}
		if (school.openedYear() != null && !Objects.equals(school.openedYear(), unit.getOpenedYear())) {
			Integer earliest = this.jdbc.queryForObject("select min(school_year) from submission where unit_id = ?",
					Integer.class, unit.getId());
			if (earliest != null && earliest < school.openedYear()) {
				problems.add(row.problem("opened", "unitImport.opened.reported", year(earliest)));
			}
		}
		if (unit.getClosedYear() != null) {
			if (!Objects.equals(unit.getClosedYear(), school.closedYear())) {
				problems.add(row.problem("closed", "unitImport.closed.already", year(unit.getClosedYear())));
			}
			else if (school.openedYear() != null && school.openedYear() >= unit.getClosedYear()) {
				problems.add(row.problem("opened", "unitImport.closed.beforeOpened"));
			}
			return;
		}
		if (school.closedYear() == null) {
			return;
		}
		int first = (school.openedYear() != null) ? school.openedYear() + 1 : OrgUnits.FIRST_YEAR;
		if (school.closedYear() < first || school.closedYear() > latest) {
			problems.add(row.problem("closed", "unitImport.closed.range", year(first), year(latest)));
			return;
		}
		Integer reported = this.jdbc.queryForObject(
				"select min(school_year) from submission where unit_id = ? and school_year >= ?", Integer.class,
				unit.getId(), school.closedYear());
		if (reported != null) {
			problems.add(row.problem("closed", "unitImport.closed.reported", year(reported)));
		}
	}

	private boolean hasFigures(long unitId, EducationLevel level) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from figure f join submission s on s.id = f.submission_id
				               where s.unit_id = ? and f.level = ?)
				""", Boolean.class, unitId, level.name()));
	}

	private int latestYear() {
		Integer latest = this.jdbc.queryForObject("select max(start_year) from school_year", Integer.class);
		return (latest != null) ? latest : Year.now().getValue();
	}

	private static void field(List<FieldChange> fields, String key, String before, String after) {
		if (!Objects.equals(before, after)) {
			fields.add(new FieldChange(key, before, after));
		}
	}

	private static String code(TableReader.Row row, Map<String, TableReader.Row> seen, List<SheetProblem> problems) {
		var code = row.get("code");
		if (code == null) {
			problems.add(row.problem("code", "unitImport.code.required"));
			return null;
		}
		if (!OrgUnits.CODE.matcher(code).matches()) {
			problems.add(row.problem("code", "unitImport.code.format"));
			return code;
		}
		var first = seen.putIfAbsent(code.toUpperCase(Locale.ROOT), row);
		if (first != null) {
			problems.add(row.problem("code", "unitImport.code.duplicate", code, first.sheet(), first.number()));
		}
		return code;
	}

	private static String name(TableReader.Row row, List<SheetProblem> problems) {
		var name = row.get("name");
		if (name == null) {
			problems.add(row.problem("name", "unitImport.name.required"));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(row.problem("name", "unitImport.name.tooLong", MAX_NAME));
		}
		return name;
	}

	/**
	 * Levels as the file writes them: codes or names, separated by commas (also
	 * semicolons, plus signs or slashes), in any case and with or without accents.
	 */
	static Set<EducationLevel> parseLevels(String text) {
		var levels = EnumSet.noneOf(EducationLevel.class);
		for (var part : text.split("[,;+/]")) {
			var token = TableReader.normalise(part);
			if (token.isEmpty()) {
				continue;
			}
			var level = switch (token) {
				case "mn", "mam non" -> EducationLevel.MN;
				case "th", "tieu hoc" -> EducationLevel.TH;
				case "thcs", "trung hoc co so" -> EducationLevel.THCS;
				default -> null;
			};
			if (level == null) {
				return null;
			}
			levels.add(level);
		}
		return levels;
	}

	private static Set<EducationLevel> levels(TableReader.Row row, List<SheetProblem> problems) {
		var text = row.get("levels");
		if (text == null) {
			problems.add(row.problem("levels", "unitImport.levels.none"));
			return Set.of();
		}
		var levels = parseLevels(text);
		if (levels == null || levels.isEmpty()) {
			problems.add(row.problem("levels", "unitImport.levels.format", text));
			return Set.of();
		}
		return levels;
	}

	private static Ownership ownership(TableReader.Row row, List<SheetProblem> problems) {
		var text = row.get("ownership");
		if (text == null) {
			problems.add(row.problem("ownership", "unitImport.ownership.none"));
			return null;
		}
		var token = TableReader.normalise(text);
		for (var entry : OWNERSHIP.entrySet()) {
			if (TableReader.normalise(entry.getValue()).equals(token)) {
				return entry.getKey();
			}
		}
		problems.add(row.problem("ownership", "unitImport.ownership.format", text));
		return null;
	}

	/** A school year as the file writes it (2019-2020, or only its start year). */
	static Integer parseYear(String text) {
		var matcher = YEAR.matcher(text.strip());
		if (!matcher.matches()) {
			return null;
		}
		int start = Integer.parseInt(matcher.group(1));
		if (matcher.group(2) != null && Integer.parseInt(matcher.group(2)) != start + 1) {
			return null;
		}
		return start;
	}

	private static Integer year(TableReader.Row row, String column, List<SheetProblem> problems) {
		var text = row.get(column);
		if (text == null) {
			return null;
		}
		var year = parseYear(text);
		if (year == null) {
			problems.add(row.problem(column, "unitImport.year.format", text));
		}
		return year;
	}

	private static String levels(Set<EducationLevel> levels) {
		return levels.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
	}

	private static String year(Integer start) {
		return (start != null) ? start + "-" + (start + 1) : "";
	}

	private static XlsxFiles.Message kind(UnitKind kind) {
		return new XlsxFiles.Message("unitImport.kind." + kind.name());
	}

	/** What confirming does, and the units it touches, by code. */
	private record Plan(UnitImportPreview preview, Map<String, OrgUnit> existing) {
	}

}
