package vn.chitieu.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

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

import vn.chitieu.dataentry.HostileFiles;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Users created from an .xlsx roster: only the administrator; the preview; the slips,
 * shown once, whose passwords log in and must then be changed; and bad files refused with
 * where the problem is and nobody created.
 */
@IntegrationTest
class RosterImportIT {

	private static final Pattern SLIP = Pattern
		.compile("class=\"login secret\">([^<]+)</dd>\\s*<dt>[^<]*</dt>\\s*<dd class=\"password secret\">([^<]+)</dd>");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	Logins logins;

	String schoolCode;

	String wardCode;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
		this.schoolCode = "THCS-AIMO";
		this.wardCode = this.jdbc.queryForObject("select code from org_unit where kind = 'WARD' order by code limit 1",
				String.class);
	}

	@AfterEach
	void restore() {
		this.jdbc.update("delete from app_user where username like 'test-roster-%'");
		this.jdbc.update("update org_unit set active = true, closed_year = null where code = 'THCS-MAU-01'");
	}

	@Test
	void shouldLetOnlyTheAdministratorImportUsers() throws Exception {
		var roster = edit(template(), (workbook) -> append(workbook.getSheet("Người dùng"), "Người Thử",
				"test-roster-x", "Lãnh đạo", "", "", ""));
		for (var user : List.of(Logins.OFFICE, Logins.VIEWER, "thcs-aimo", "p-bode")) {
			this.mvc.perform(get("/admin/users/import").with(this.logins.as(user))).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/users/import/template.xlsx").with(this.logins.as(user)))
				.andExpect(status().isForbidden());
			this.mvc.perform(
					multipart("/admin/users/import/upload").file(file(roster)).with(this.logins.as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(count()).isZero();
		this.mvc.perform(get("/admin/users").with(this.logins.as(Logins.ADMIN)))
			.andExpect(content().string(containsString("/admin/users/import")));
	}

	@Test
	void shouldCreateEveryoneAndShowTheirSlipsOnceWithPasswordsThatMustBeChanged() throws Exception {
		long lastEntry = lastAudit();
		var roster = edit(template(), (workbook) -> {
			var sheet = workbook.getSheet("Người dùng");
			append(sheet, "Nguyễn Thị Thử", "test-roster-1", "Trường", this.schoolCode, "thu@aimo.edu.vn", "");
			append(sheet, "Trần Văn Thử", "Test-Roster-2", "phuong", this.wardCode, "", "0912 345 678");
			append(sheet, "Lê Thị Lãnh Đạo", "test-roster-3", "Lãnh đạo", "", "", "");
		});
		var session = new MockHttpSession();
		var preview = upload(session, roster);
		this.mvc.perform(get(preview).session(session).with(this.logins.as(Logins.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("sẽ tạo 3 người dùng"), containsString("test-roster-1"),
					containsString("test-roster-2"), containsString("Trần Văn Thử"))));
		assertThat(count()).as("nobody created before confirming").isZero();

		var slipsUrl = this.mvc
			.perform(post(preview + "/confirm").session(session).with(this.logins.as(Logins.ADMIN)).with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/users/import/slips/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(count()).isEqualTo(3);
		assertThat(
				this.jdbc.queryForObject("select contact from app_user where username = 'test-roster-2'", String.class))
			.isEqualTo("0912 345 678");
		assertThat(this.jdbc.queryForList("select action from audit_event where id > ? order by id", String.class,
				lastEntry))
			.contains("USER_CREATED", "USERS_IMPORTED");

		var page = this.mvc.perform(get(slipsUrl).session(session).with(this.logins.as(Logins.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(allOf(containsString("http://localhost/login"), containsString("Trường THCS"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		var matcher = SLIP.matcher(page);
		var passwords = new java.util.LinkedHashMap<String, String>();
		while (matcher.find()) {
			passwords.put(matcher.group(1), matcher.group(2));
		}
		assertThat(passwords).containsOnlyKeys("test-roster-1", "test-roster-2", "test-roster-3");

		// Shown once: reloading shows no password.
		this.mvc.perform(get(slipsUrl).session(session).with(this.logins.as(Logins.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("id=\"slips-gone\""), not(containsString(passwords.get("test-roster-1"))))));

		// Each password logs in, and the first thing asked is a new password.
		for (var entry : passwords.entrySet()) {
			var login = this.mvc.perform(formLogin("/login").user(entry.getKey()).password(entry.getValue()))
				.andExpect(authenticated().withUsername(entry.getKey()))
				.andReturn();
			var userSession = (MockHttpSession) login.getRequest().getSession();
			this.mvc.perform(get("/").session(userSession)).andExpect(redirectedUrl("/account/password"));
		}
	}

	@Test
	void shouldListEveryProblemOfABadRosterByRowAndColumnAndCreateNobody() throws Exception {
		var before = users();
		this.jdbc.update("update org_unit set active = false, closed_year = 2024 where code = 'THCS-MAU-01'");
		var bad = edit(template(), (workbook) -> {
			var sheet = workbook.getSheet("Người dùng");
			append(sheet, "Người Một", "test-roster-1", "Trường", this.schoolCode, "", "");
			append(sheet, "Người Hai", "TEST-ROSTER-1", "Giáo viên", "", "khong-phai-email", "");
			append(sheet, "", "co dau cach", "Trường", "", "", "12");
			append(sheet, "Người Bốn", "test-roster-4", "Lãnh đạo", this.schoolCode, "a@b.vn", "0912345678");
		});
		refused(bad,
				"Trang “Người dùng”, dòng 3, cột B (Tên đăng nhập): Tên đăng nhập “test-roster-1” bị trùng với dòng 2.",
				"Trang “Người dùng”, dòng 3, cột C (Vai trò): Không hiểu vai trò “Giáo viên”",
				"Trang “Người dùng”, dòng 3, cột E (Email): Email “khong-phai-email” không đúng dạng",
				"Trang “Người dùng”, dòng 4, cột A (Họ và tên): Thiếu họ và tên.",
				"Trang “Người dùng”, dòng 4, cột B (Tên đăng nhập): Tên đăng nhập gồm 3 đến 60 ký tự",
				"Trang “Người dùng”, dòng 4, cột D (Mã đơn vị): Người dùng vai trò Trường phải có mã trường.",
				"Trang “Người dùng”, dòng 4, cột F (Điện thoại): Số điện thoại “12” không đúng dạng",
				"Trang “Người dùng”, dòng 5, cột D (Mã đơn vị): Vai trò Lãnh đạo không gắn với đơn vị nào",
				"Trang “Người dùng”, dòng 5, cột F (Điện thoại): Mỗi người chỉ ghi một liên hệ");
		var clash = edit(template(), (workbook) -> {
			var sheet = workbook.getSheet("Người dùng");
			append(sheet, "Người Một", "phonggd", "Phòng GD&ĐT", "", "", "");
			append(sheet, "Người Hai", "test-roster-2", "Trường", "KHONG-CO", "", "");
			append(sheet, "Người Ba", "test-roster-3", "Trường", this.wardCode, "", "");
			append(sheet, "Người Bốn", "test-roster-4", "Phường", this.schoolCode, "", "");
			append(sheet, "Người Năm", "test-roster-5", "Trường", "THCS-MAU-01", "", "");
		});
		refused(clash, "dòng 2, cột B (Tên đăng nhập): Tên đăng nhập “phonggd” đã có người dùng.",
				"dòng 3, cột D (Mã đơn vị): Không có đơn vị mã “KHONG-CO”.",
				"dòng 4, cột D (Mã đơn vị): Mã “" + this.wardCode + "” là của",
				"dòng 5, cột D (Mã đơn vị): Mã “" + this.schoolCode + "” là của",
				"dòng 6, cột D (Mã đơn vị): Trường THCS Mẫu 01 đã đóng cửa; không tạo người dùng");
		refused(edit(template(),
				(workbook) -> workbook.getSheet("Người dùng").getRow(0).getCell(1).setCellValue("Login")),
				"Trang “Người dùng”, dòng 1, cột B (Login): Cột “Login” không có trong tệp mẫu.",
				"Trang “Người dùng”, dòng 1: Thiếu cột “Tên đăng nhập”.");
		refused(edit(template(), (workbook) -> {
			var row = workbook.getSheet("Người dùng").createRow(1);
			row.createCell(0).setCellValue("Người Một");
			row.createCell(1).setCellFormula("\"test-roster-\"&\"1\"");
			row.createCell(2).setCellValue("Lãnh đạo");
		}), "Trang “Người dùng”, dòng 2, cột B (Tên đăng nhập): Ô có công thức");
		refused("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "Đây không phải tệp Excel (.xlsx).");
		var huge = new byte[3 * 1024 * 1024];
		System.arraycopy(new byte[] { 'P', 'K', 3, 4 }, 0, huge, 0, 4);
		refused(huge, "Tệp quá lớn (tối đa 2 MB).");
		refused(HostileFiles.zipBomb(template(), 60 * 1024 * 1024), "nén quá mức");
		var units = this.mvc.perform(get("/admin/units/import/template.xlsx").with(this.logins.as(Logins.ADMIN)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		refused(units, "Đây là tệp mẫu danh sách phường và trường, không phải tệp mẫu danh sách người dùng.");
		refused(template(), "Tệp không có người nào.");
		assertThat(users()).isEqualTo(before);
	}

	private void refused(byte[] bytes, String... expected) throws Exception {
		var result = this.mvc
			.perform(multipart("/admin/users/import/upload").file(file(bytes))
				.with(this.logins.as(Logins.ADMIN))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("problems"));
		for (var text : expected) {
			result.andExpect(model().attribute("problems", hasItem(containsString(text))));
		}
	}

	private String upload(MockHttpSession session, byte[] bytes) throws Exception {
		return this.mvc
			.perform(multipart("/admin/users/import/upload").file(file(bytes))
				.session(session)
				.with(this.logins.as(Logins.ADMIN))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/admin/users/import/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private byte[] template() throws Exception {
		return this.mvc.perform(get("/admin/users/import/template.xlsx").with(this.logins.as(Logins.ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private long count() {
		Long n = this.jdbc.queryForObject("select count(*) from app_user where username like 'test-roster-%'",
				Long.class);
		return (n != null) ? n : 0;
	}

	private List<Map<String, Object>> users() {
		return this.jdbc.queryForList("select * from app_user order by id");
	}

	private long lastAudit() {
		Long id = this.jdbc.queryForObject("select max(id) from audit_event", Long.class);
		return (id != null) ? id : 0;
	}

	private static MockMultipartFile file(byte[] bytes) {
		return new MockMultipartFile("file", "roster.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
	}

	private static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) throws Exception {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			change.accept(workbook);
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void append(Sheet sheet, String... values) {
		var row = sheet.createRow(sheet.getLastRowNum() + 1);
		var cells = new ArrayList<String>(List.of(values));
		for (int i = 0; i < cells.size(); i++) {
			row.createCell(i).setCellValue(cells.get(i));
		}
	}

}
