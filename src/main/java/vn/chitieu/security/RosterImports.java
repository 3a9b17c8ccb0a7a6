package vn.chitieu.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.platform.sheets.SheetException;
import vn.chitieu.platform.sheets.SheetProblem;
import vn.chitieu.platform.sheets.TableReader;
import vn.chitieu.platform.sheets.TableReader.Column;
import vn.chitieu.platform.sheets.TableReader.Table;
import vn.chitieu.platform.sheets.XlsxFiles;
import vn.chitieu.security.RosterImport.Person;

/**
 * Users created in bulk from an .xlsx roster (danh sách người dùng), by the
 * administrator: the template, reading a filled one back row by row (every problem listed
 * by sheet, row and column), the preview, and creating everyone at once with one-time
 * passwords, all or nothing. Each person has at most one contact (an e-mail address or a
 * telephone number), as on the user's own page.
 */
@Service
@Transactional(readOnly = true)
public class RosterImports {

	/** The template's kind, in its hidden mark. */
	public static final String KIND = "chitieu-roster";

	/** The version of the template's layout. */
	public static final int VERSION = 1;

	/** The largest file accepted. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	/** The most people in one roster. */
	public static final int MAX_ROWS = 500;

	static final String SHEET = "Người dùng";

	static final String UNITS = "Đơn vị";

	static final Table TABLE = new Table(SHEET,
			List.of(Column.of("name", "Họ và tên"), Column.of("username", "Tên đăng nhập"),
					Column.of("role", "Vai trò"), Column.of("unit", "Mã đơn vị"), Column.of("email", "Email"),
					Column.of("phone", "Điện thoại")));

	/** The roles as the file names them (the Vietnamese names of the application). */
	static final Map<Role, String> ROLE_NAMES = roleNames();

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .-]{7,19}");

	private static final int MAX_NAME = 200;

	private final Users users;

	private final OrgUnits units;

	private final AuditLog audit;

	RosterImports(Users users, OrgUnits units, AuditLog audit) {
		this.users = users;
		this.units = units;
		this.audit = audit;
	}

	private static Map<Role, String> roleNames() {
		var names = new LinkedHashMap<Role, String>();
		names.put(Role.SCHOOL, "Trường");
		names.put(Role.WARD, "Phường");
		names.put(Role.OFFICE, "Phòng GD&ĐT");
		names.put(Role.VIEWER, "Lãnh đạo");
		names.put(Role.ADMIN, "Quản trị");
		return names;
	}

	/**
	 * The empty roster, with instructions, the list of open schools and wards with their
	 * codes, and Excel's own checks on the cells.
	 * @return the .xlsx
	 */
	public byte[] template() {
		var workbook = new XSSFWorkbook();
		var header = workbook.createCellStyle();
		var font = workbook.createFont();
		font.setBold(true);
		header.setFont(font);
		header.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		var text = workbook.createCellStyle();
		text.setDataFormat(workbook.createDataFormat().getFormat("@"));

		var guide = workbook.createSheet("Hướng dẫn");
		String[] lines = { "Tạo nhiều người dùng từ tệp Excel", "",
				"1. Trang “Người dùng”: mỗi dòng một người — Họ và tên, Tên đăng nhập, Vai trò, Mã đơn vị, Email, "
						+ "Điện thoại.",
				"2. Tên đăng nhập: 3 đến 60 ký tự, chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới; không trùng "
						+ "với người đã có.",
				"3. Vai trò: Trường, Phường, Phòng GD&ĐT, Lãnh đạo hoặc Quản trị.",
				"4. Mã đơn vị: bắt buộc với vai trò Trường (mã trường) và Phường (mã phường); để trống với các vai "
						+ "trò khác. Danh sách mã ở trang “Đơn vị”.",
				"5. Email hoặc Điện thoại: không bắt buộc; mỗi người chỉ ghi một trong hai.",
				"6. Không dùng công thức; không đổi tên trang hay tên cột.",
				"7. Khi tải lên, hệ thống liệt kê mọi lỗi (trang, dòng, cột) và không tạo ai nếu còn lỗi. Sau khi "
						+ "xác nhận, hệ thống in phiếu tài khoản có mật khẩu dùng một lần; mật khẩu chỉ hiện một lần "
						+ "và người dùng phải đổi khi đăng nhập lần đầu." };
		for (int i = 0; i < lines.length; i++) {
			guide.createRow(i).createCell(0).setCellValue(lines[i]);
		}
		guide.setColumnWidth(0, 120 * 256);

		var sheet = workbook.createSheet(SHEET);
		var row = sheet.createRow(0);
		int[] widths = { 30, 22, 16, 18, 30, 16 };
		for (int c = 0; c < TABLE.columns().size(); c++) {
			var cell = row.createCell(c);
			cell.setCellValue(TABLE.columns().get(c).header());
			cell.setCellStyle(header);
			sheet.setColumnWidth(c, widths[c] * 256);
			sheet.setDefaultColumnStyle(c, text);
		}
		sheet.createFreezePane(0, 1);

		var unitSheet = workbook.createSheet(UNITS);
		var unitHeader = unitSheet.createRow(0);
		String[] unitHeaders = { "Mã đơn vị", "Tên đơn vị", "Loại" };
		for (int c = 0; c < unitHeaders.length; c++) {
			unitHeader.createCell(c).setCellValue(unitHeaders[c]);
			unitHeader.getCell(c).setCellStyle(header);
		}
		unitSheet.setColumnWidth(0, 18 * 256);
		unitSheet.setColumnWidth(1, 44 * 256);
		unitSheet.setColumnWidth(2, 12 * 256);
		int r = 1;
		for (var ward : this.units.wards()) {
			var line = unitSheet.createRow(r++);
			line.createCell(0).setCellValue(ward.code());
			line.createCell(1).setCellValue(ward.name());
			line.createCell(2).setCellValue(ROLE_NAMES.get(Role.WARD));
		}
		for (var school : this.units.schools()) {
			if (!school.active()) {
				continue;
			}
			var line = unitSheet.createRow(r++);
			line.createCell(0).setCellValue(school.code());
			line.createCell(1).setCellValue(school.name());
			line.createCell(2).setCellValue(ROLE_NAMES.get(Role.SCHOOL));
		}

		var helper = sheet.getDataValidationHelper();
		validate(sheet,
				helper.createValidation(helper.createExplicitListConstraint(ROLE_NAMES.values().toArray(String[]::new)),
						column(2)),
				"Vai trò", "Chọn một vai trò trong danh sách.");
		var units = workbook.createName();
		units.setNameName("MaDonVi");
		units.setRefersToFormula("'" + UNITS + "'!$A$2:$A$" + Math.max(2, r));
		validate(sheet, helper.createValidation(helper.createFormulaListConstraint("MaDonVi"), column(3)), "Mã đơn vị",
				"Chọn một mã có ở trang “Đơn vị”, hoặc để trống.");
		workbook.setActiveSheet(workbook.getSheetIndex(sheet));
		XlsxFiles.mark(workbook, KIND, VERSION);
		return XlsxFiles.bytes(workbook);
	}

	private static CellRangeAddressList column(int c) {
		return new CellRangeAddressList(1, MAX_ROWS, c, c);
	}

	private static void validate(Sheet sheet, DataValidation validation, String title, String message) {
		validation.setShowErrorBox(true);
		validation.createErrorBox(title, message);
		validation.setEmptyCellAllowed(true);
		sheet.addValidationData(validation);
	}

	/**
	 * Reads a filled roster and checks each row on its own.
	 * @param fileName the uploaded file's name
	 * @param bytes the file
	 * @return what it holds
	 * @throws SheetException listing every problem
	 */
	public RosterImport read(String fileName, byte[] bytes) {
		List<TableReader.Row> rows;
		try (var workbook = XlsxFiles.open(bytes, MAX_BYTES)) {
			XlsxFiles.checkMark(workbook, KIND, VERSION);
			rows = TableReader.read(workbook, List.of(TABLE), MAX_ROWS).get(SHEET);
		}
		catch (java.io.IOException ex) {
			throw new SheetException(List.of(SheetProblem.file("template.error.damaged")));
		}
		var problems = new ArrayList<SheetProblem>();
		var seen = new HashMap<String, TableReader.Row>();
		var people = new ArrayList<Person>();
		for (var row : rows) {
			var name = row.get("name");
			if (name == null) {
				problems.add(row.problem("name", "roster.name.required"));
			}
			else if (name.length() > MAX_NAME) {
				problems.add(row.problem("name", "roster.name.tooLong", MAX_NAME));
			}
			var username = row.get("username");
			if (username == null) {
				problems.add(row.problem("username", "roster.username.required"));
			}
			else if (!Users.isWellFormed(username)) {
				problems.add(row.problem("username", "roster.username.format"));
			}
			else {
				username = username.toLowerCase(Locale.ROOT);
				var first = seen.putIfAbsent(username, row);
				if (first != null) {
					problems.add(row.problem("username", "roster.username.duplicate", username, first.number()));
				}
			}
			var role = role(row, problems);
			var unit = row.get("unit");
			if (role != null && role.isUnitBound() && unit == null) {
				problems.add(row.problem("unit", "roster.unit.required." + role.name()));
			}
			else if (role != null && !role.isUnitBound() && unit != null) {
				problems.add(row.problem("unit", "roster.unit.forbidden", ROLE_NAMES.get(role)));
			}
			var email = row.get("email");
			var phone = row.get("phone");
			if (email != null && !EMAIL.matcher(email).matches()) {
				problems.add(row.problem("email", "roster.email.format", email));
			}
			if (phone != null && !PHONE.matcher(phone).matches()) {
				problems.add(row.problem("phone", "roster.phone.format", phone));
			}
			if (email != null && phone != null) {
				problems.add(row.problem("phone", "roster.contact.both"));
			}
			people.add(new Person(row, name, username, role, unit, (email != null) ? email : phone));
		}
		if (people.isEmpty() && problems.isEmpty()) {
			problems.add(SheetProblem.file("roster.empty"));
		}
		if (!problems.isEmpty()) {
			throw new SheetException(problems);
		}
		return new RosterImport(fileName, people);
	}

	private static Role role(TableReader.Row row, List<SheetProblem> problems) {
		var text = row.get("role");
		if (text == null) {
			problems.add(row.problem("role", "roster.role.required"));
			return null;
		}
		var wanted = TableReader.normalise(text);
		for (var entry : ROLE_NAMES.entrySet()) {
			if (TableReader.normalise(entry.getValue()).equals(wanted)
					|| entry.getKey().name().equalsIgnoreCase(wanted)) {
				return entry.getKey();
			}
		}
		problems.add(row.problem("role", "roster.role.unknown", text, String.join(", ", ROLE_NAMES.values())));
		return null;
	}

	/**
	 * Checks a roster against the database: logins not taken, units that exist, are of
	 * the right kind for the role and still open.
	 * @param roster the roster, as {@link #read} gave it
	 * @return the accounts to create, in the file's order
	 * @throws SheetException listing every problem
	 */
	public List<Account> preview(RosterImport roster) {
		var problems = new ArrayList<SheetProblem>();
		var accounts = new ArrayList<Account>();
		for (var person : roster.people()) {
			var row = person.row();
			if (this.users.isTaken(person.username())) {
				problems.add(row.problem("username", "roster.username.taken", person.username()));
			}
			Long unitId = null;
			String unitName = null;
			if (person.unitCode() != null) {
				var kind = (person.role() == Role.SCHOOL) ? UnitKind.SCHOOL : UnitKind.WARD;
				var unit = this.units.unitByCode(person.unitCode());
				if (unit.isEmpty()) {
					problems.add(row.problem("unit", "roster.unit.unknown", person.unitCode()));
				}
				else if (unit.get().kind() != kind) {
					problems.add(row.problem("unit", "roster.unit.kind." + person.role().name(), person.unitCode(),
							unit.get().name()));
				}
				else if (kind == UnitKind.SCHOOL && !this.units.school(unit.get().id()).orElseThrow().active()) {
					problems.add(row.problem("unit", "roster.unit.closed", unit.get().name()));
				}
				else {
					unitId = unit.get().id();
					unitName = unit.get().name();
				}
			}
			accounts.add(new Account(person.displayName(), person.username(), person.role(), unitId, unitName,
					person.contact()));
		}
		if (!problems.isEmpty()) {
			throw new SheetException(problems);
		}
		return accounts;
	}

	/**
	 * Creates everyone in a roster, all or nothing, each with a one-time password to be
	 * changed at the first login. The roster is checked again against the database.
	 * @param roster the roster, as {@link #read} gave it (kept on the server)
	 * @param actor the administrator
	 * @return the account slips, in the file's order, with the passwords in clear: to be
	 * shown once
	 * @throws SheetException if the roster is no longer acceptable
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public List<AccountSlip> apply(RosterImport roster, String actor) {
		var accounts = preview(roster);
		var slips = new ArrayList<AccountSlip>();
		for (var account : accounts) {
			var created = this.users.createWithOneTimePassword(account.username(),
					new UserProfile(account.displayName(), account.role(), account.unitId(), account.contact()), actor);
			slips.add(new AccountSlip(account.displayName(), account.unitName(), account.role(), created.username(),
					created.oneTimePassword()));
		}
		this.audit.record(actor,
				AuditRecord.of("USERS_IMPORTED", "file", roster.fileName()).withDetail("created=" + slips.size()));
		return slips;
	}

	/**
	 * An account the roster will create.
	 *
	 * @param displayName the full name
	 * @param username the login name
	 * @param role the role
	 * @param unitId the school or ward, or null
	 * @param unitName its name, or null
	 * @param contact the e-mail address or telephone number, or null
	 */
	public record Account(String displayName, String username, Role role, Long unitId, String unitName,
			String contact) implements java.io.Serializable {
	}

}
