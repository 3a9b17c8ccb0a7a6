package vn.chitieu.orgunit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chitieu.dataentry.HostileFiles;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Wards and schools from an .xlsx: the template, the preview, the confirmation, a change
 * made meanwhile, and every kind of bad file refused with where the problem is and
 * nothing changed. The sample district is restored after each test.
 */
@IntegrationTest
class UnitImportIT {

	/** A sample school with approved figures up to 2023-2024 and none for 2024-2025. */
	static final String REPORTED = UnitManagementIT.REPORTED;

	static final String RENAMED = "THCS-AIMO";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	OrgUnits units;

	@Autowired
	JdbcTemplate jdbc;

	Logins logins;

	String renamedName;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
		this.renamedName = this.jdbc.queryForObject("select name from org_unit where code = ?", String.class, RENAMED);
	}

	@AfterEach
	void restore() {
		this.jdbc.update("""
				delete from school_level where school_id in (select id from org_unit where code like 'TEST-%')""");
		this.jdbc.update("delete from org_unit where code like 'TEST-%' and kind = 'SCHOOL'");
		this.jdbc.update("delete from org_unit where code like 'TEST-%'");
		this.jdbc.update("update org_unit set active = true, closed_year = null where code = ?", REPORTED);
		this.jdbc.update("update org_unit set name = ? where code = ?", this.renamedName, RENAMED);
	}

	@Test
	void shouldLetOnlyTheOfficeAndTheAdministratorIn() throws Exception {
		for (var user : List.of(Logins.VIEWER, "thcs-aimo", "p-bode")) {
			this.mvc.perform(get("/admin/units/import").with(this.logins.as(user))).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/units/import/template.xlsx").with(this.logins.as(user)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(multipart("/admin/units/import/upload").file(file("x.xlsx", template()))
					.with(this.logins.as(user))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		for (var user : List.of(Logins.OFFICE, Logins.ADMIN)) {
			this.mvc.perform(get("/admin/units/import").with(this.logins.as(user)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("/admin/units/import/template.xlsx")));
		}
		this.mvc.perform(get("/schools").with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(containsString("/admin/units/import")));
	}

	@Test
	void shouldOfferATemplateOfTheDistrictWithInstructionsAndExcelChecks() throws Exception {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
			assertThat(workbook.getSheet("Hướng dẫn")).isNotNull();
			var wards = workbook.getSheet("Phường");
			var schools = workbook.getSheet("Trường");
			assertThat(text(wards.getRow(0))).containsExactly("Mã phường", "Tên phường");
			assertThat(text(schools.getRow(0))).containsExactly("Mã trường", "Tên trường", "Cấp học", "Loại hình",
					"Mã phường", "Năm học thành lập", "Năm học đóng cửa");
			assertThat(wards.getLastRowNum()).isEqualTo(this.units.wards().size());
			assertThat(schools.getLastRowNum()).isEqualTo(this.units.schools().size());
			var reported = text(row(schools, REPORTED));
			assertThat(reported.get(2)).isEqualTo("THCS");
			assertThat(reported.get(3)).isIn("Công lập", "Tư thục");
			assertThat(schools.getDataValidations()).hasSize(5);
			assertThat(workbook.getSheetVisibility(workbook.getSheetIndex("_meta")))
				.isEqualTo(org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN);
		}
	}

	@Test
	void shouldPreviewThenApplyNewAndChangedUnitsAndAuditThem() throws Exception {
		long lastEntry = lastAudit();
		var session = new MockHttpSession();
		var file = edit(template(), (workbook) -> {
			append(workbook.getSheet("Phường"), "TEST-P1", "Phường Thử");
			append(workbook.getSheet("Trường"), "TEST-S1", "Trường Tư thục Thử", "th,thcs", "tư thục", "TEST-P1",
					"2024-2025", "");
			row(workbook.getSheet("Trường"), RENAMED).getCell(1).setCellValue("Trường THCS Ái Mộ (mới)");
			row(workbook.getSheet("Trường"), REPORTED).createCell(6).setCellValue("2024-2025");
		});
		var preview = upload(session, Logins.OFFICE, file);
		this.mvc.perform(get(preview).session(session).with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Thêm mới 2, thay đổi 2, giữ nguyên"),
					containsString("TEST-P1"), containsString("Trường Tư thục Thử"), containsString(this.renamedName),
					containsString("Trường THCS Ái Mộ (mới)"), containsString("2024-2025"))));
		assertThat(this.units.unitByCode("TEST-P1")).as("nothing saved before confirming").isEmpty();

		this.mvc.perform(post(preview + "/confirm").session(session).with(this.logins.as(Logins.OFFICE)).with(csrf()))
			.andExpect(redirectedUrl("/schools"))
			.andExpect(flash().attribute("flash", "Đã nhập xong: thêm 2, cập nhật 2 đơn vị."));
		var school = this.units.schoolByCode("TEST-S1").orElseThrow();
		assertThat(school.levels()).containsExactlyInAnyOrder(EducationLevel.TH, EducationLevel.THCS);
		assertThat(school.ownership()).isEqualTo(Ownership.PRIVATE);
		assertThat(school.wardName()).isEqualTo("Phường Thử");
		assertThat(school.openedYear()).isEqualTo(2024);
		assertThat(this.units.schoolByCode(RENAMED).orElseThrow().name()).isEqualTo("Trường THCS Ái Mộ (mới)");
		assertThat(this.units.schoolByCode(REPORTED).orElseThrow().active()).isFalse();
		assertThat(this.jdbc.queryForList("select action from audit_event where id > ? order by id", String.class,
				lastEntry))
			.containsExactlyInAnyOrder("UNIT_ADDED", "UNIT_ADDED", "UNIT_CHANGED", "UNIT_CLOSED", "UNITS_IMPORTED");

		// The same preview cannot be confirmed twice.
		this.mvc.perform(post(preview + "/confirm").session(session).with(this.logins.as(Logins.OFFICE)).with(csrf()))
			.andExpect(redirectedUrl("/admin/units/import"))
			.andExpect(flash().attribute("problem", startsWith("Bản xem trước đã hết hạn")));

		// The template downloaded now, uploaded as it is, changes nothing.
		var again = upload(session, Logins.ADMIN, template());
		this.mvc.perform(get(again).session(session).with(this.logins.as(Logins.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("id=\"nothing\""), not(containsString("id=\"confirm\"")))));
	}

	@Test
	void shouldShowTheNewPreviewWhenSomeoneChangedTheUnitsMeanwhile() throws Exception {
		var session = new MockHttpSession();
		var file = edit(template(), (workbook) -> {
			append(workbook.getSheet("Phường"), "TEST-P1", "Phường Thử");
			row(workbook.getSheet("Trường"), RENAMED).getCell(1).setCellValue("Tên trong tệp");
		});
		var preview = upload(session, Logins.OFFICE, file);
		this.jdbc.update("update org_unit set name = 'Tên người khác sửa', version = version + 1 where code = ?",
				RENAMED);
		this.mvc.perform(post(preview + "/confirm").session(session).with(this.logins.as(Logins.OFFICE)).with(csrf()))
			.andExpect(redirectedUrl(preview))
			.andExpect(flash().attribute("problem", startsWith("Trong lúc bạn xem")));
		assertThat(this.units.unitByCode("TEST-P1")).isEmpty();
		this.mvc.perform(get(preview).session(session).with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(containsString("Tên người khác sửa")));
		this.mvc.perform(post(preview + "/confirm").session(session).with(this.logins.as(Logins.OFFICE)).with(csrf()))
			.andExpect(redirectedUrl("/schools"));
		assertThat(this.units.unitByCode("TEST-P1")).isPresent();
		assertThat(this.units.schoolByCode(RENAMED).orElseThrow().name()).isEqualTo("Tên trong tệp");
	}

	@Test
	void shouldListEveryProblemOfABadFileBySheetRowAndColumnAndChangeNothing() throws Exception {
		var before = snapshot();
		var wardCode = this.units.wards().get(0).code();
		var bad = edit(template(), (workbook) -> {
			var schools = workbook.getSheet("Trường");
			append(workbook.getSheet("Phường"), "TEST-P1", "");
			append(schools, "TEST-S1", "Trường A", "TH", "Công lập", "TEST-NOPE", "2019-2020", "");
			append(schools, "TEST-S1", "Trường B", "", "Công lập", wardCode, "", "");
			append(schools, "TEST-S2", "Trường C", "TH, ĐH", "Công lập", wardCode, "2019-2021", "");
			append(schools, wardCode, "Trường D", "MN", "Dân lập", wardCode, "", "");
			row(schools, REPORTED).createCell(6).setCellValue("2023-2024");
		});
		int wards = this.units.wards().size() + 2;
		int last = this.units.schools().size() + 1;
		refused(bad, "Trang “Phường”, dòng " + wards + ", cột B (Tên phường): Thiếu tên.",
				"Trang “Trường”, dòng " + (last + 2) + ", cột C (Cấp học): Trường phải có ít nhất một cấp học",
				"Trang “Trường”, dòng " + (last + 2)
						+ ", cột A (Mã trường): Mã “TEST-S1” bị trùng: đã có ở trang “Trường”, dòng " + (last + 1)
						+ ".",
				"Trang “Trường”, dòng " + (last + 3) + ", cột C (Cấp học): Không hiểu cấp học “TH, ĐH”",
				"Trang “Trường”, dòng " + (last + 3) + ", cột F (Năm học thành lập): Không hiểu năm học “2019-2021”",
				"Trang “Trường”, dòng " + (last + 4) + ", cột A (Mã trường): Mã “" + wardCode + "” bị trùng",
				"Trang “Trường”, dòng " + (last + 4) + ", cột D (Loại hình): Không hiểu loại hình “Dân lập”");
		// Once each row is well formed, the database is checked.
		var clash = edit(template(), (workbook) -> {
			var schools = workbook.getSheet("Trường");
			append(schools, "TEST-S1", "Trường A", "TH", "Công lập", "TEST-NOPE", "", "");
			append(schools, "TEST-P9", "Trường E", "MN", "Công lập", REPORTED, "", "");
			var reported = row(schools, REPORTED);
			reported.createCell(6).setCellValue("2023-2024");
			reported.getCell(2).setCellValue("TH");
		});
		refused(clash, "Trang “Trường”, dòng " + (last + 1) + ", cột E (Mã phường): Không có phường mã “TEST-NOPE”",
				"Trang “Trường”, dòng " + (last + 2) + ", cột E (Mã phường): Không có phường mã “" + REPORTED + "”",
				"cột C (Cấp học): Không bỏ được cấp THCS: trường đã có số liệu của cấp này.",
				"cột G (Năm học đóng cửa): Trường đã có số liệu năm học 2023-2024; không đóng từ năm đó được.");
		var otherKind = edit(template(), (workbook) -> {
			var wardSheet = workbook.getSheet("Phường");
			wardSheet.removeRow(row(wardSheet, wardCode));
			append(workbook.getSheet("Trường"), wardCode, "Trường F", "MN", "Công lập", wardCode, "", "");
		});
		refused(otherKind, "Trang “Trường”, dòng " + (last + 1) + ", cột A (Mã trường): Mã “" + wardCode
				+ "” đã là mã của phường");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void shouldRefuseFilesThatAreNotAFilledTemplateAndChangeNothing() throws Exception {
		var before = snapshot();
		refused(edit(template(), (workbook) -> workbook.getSheet("Trường").getRow(0).getCell(2).setCellValue("Cấp")),
				"Trang “Trường”, dòng 1, cột C (Cấp): Cột “Cấp” không có trong tệp mẫu.",
				"Trang “Trường”, dòng 1: Thiếu cột “Cấp học”.");
		refused(edit(template(), (workbook) -> workbook.removeSheetAt(workbook.getSheetIndex("Phường"))),
				"Thiếu trang “Phường”.");
		refused(edit(template(),
				(workbook) -> row(workbook.getSheet("Trường"), RENAMED).getCell(1).setCellFormula("\"Trường \"&\"X\"")),
				"cột B (Tên trường): Ô có công thức");
		refused("%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII), "Đây không phải tệp Excel (.xlsx).");
		refused(new byte[0], "Tệp rỗng.");
		var huge = new byte[3 * 1024 * 1024];
		huge[0] = 'P';
		huge[1] = 'K';
		huge[2] = 3;
		huge[3] = 4;
		refused(huge, "Tệp quá lớn (tối đa 2 MB).");
		var bomb = HostileFiles.zipBomb(template(), 60 * 1024 * 1024);
		assertThat(bomb.length).as("small on the wire").isLessThan(UnitImports.MAX_BYTES);
		refused(bomb, "nén quá mức");
		var figures = this.mvc
			.perform(get("/schools/" + this.units.unitByCode(REPORTED).orElseThrow().id()
					+ "/figures/2024-2025/template.xlsx")
				.with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		refused(figures,
				"Đây là tệp số liệu của một đơn vị (tải ở trang nhập liệu), không phải tệp mẫu danh sách phường và trường.");
		refused(edit(template(), (workbook) -> {
			for (var name : List.of("Phường", "Trường")) {
				var sheet = workbook.getSheet(name);
				for (int i = sheet.getLastRowNum(); i >= 1; i--) {
					sheet.removeRow(sheet.getRow(i));
				}
			}
		}), "Tệp không có phường hay trường nào.");
		assertThat(snapshot()).isEqualTo(before);
	}

	private void refused(byte[] bytes, String... expected) throws Exception {
		var session = new MockHttpSession();
		var result = this.mvc
			.perform(multipart("/admin/units/import/upload").file(file("units.xlsx", bytes))
				.session(session)
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("problems"));
		for (var text : expected) {
			result.andExpect(model().attribute("problems", hasItem(containsString(text))));
		}
		assertThat(session.getAttribute("vn.chitieu.orgunit.web.UnitImportController.pending")).isNull();
	}

	private String upload(MockHttpSession session, String user, byte[] bytes) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/admin/units/import/upload").file(file("units.xlsx", bytes))
				.session(session)
				.with(this.logins.as(user))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/units/import/*"))
			.andReturn();
		return result.getResponse().getRedirectedUrl();
	}

	private byte[] template() throws Exception {
		return this.mvc.perform(get("/admin/units/import/template.xlsx").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private List<Map<String, Object>> snapshot() {
		var units = this.jdbc.queryForList("""
				select id, kind, code, name, parent_id, ownership, opened_year, active, closed_year, version
				from org_unit order by id""");
		var levels = this.jdbc.queryForList("select school_id, level from school_level order by school_id, level");
		var all = new java.util.ArrayList<>(units);
		all.addAll(levels);
		return all;
	}

	private long lastAudit() {
		Long id = this.jdbc.queryForObject("select max(id) from audit_event", Long.class);
		return (id != null) ? id : 0;
	}

	static MockMultipartFile file(String name, byte[] bytes) {
		return new MockMultipartFile("file", name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				bytes);
	}

	static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) throws Exception {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			change.accept(workbook);
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static void append(Sheet sheet, String... values) {
		var row = sheet.createRow(sheet.getLastRowNum() + 1);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	static Row row(Sheet sheet, String code) {
		for (var row : sheet) {
			if (row.getCell(0) != null && code.equals(row.getCell(0).toString())) {
				return row;
			}
		}
		throw new IllegalArgumentException("No row " + code);
	}

	static List<String> text(Row row) {
		var texts = new java.util.ArrayList<String>();
		for (int i = 0; i < row.getLastCellNum(); i++) {
			var cell = row.getCell(i);
			texts.add((cell != null) ? cell.toString() : "");
		}
		return texts;
	}

}
