package vn.chitieu.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.testsupport.Browser;
import vn.chitieu.testsupport.Logins;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing wards and schools, and users, in a real Chromium on a phone's width (390 px):
 * the template downloaded from the page, filled and uploaded, the preview confirmed; the
 * account slips printed as an A4 PDF, without the navigation, eight to a page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportJourneyIT {

	private static final int PHONE = 390;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@BeforeAll
	void launch() {
		this.browser = Browser.launch("http://localhost:" + this.port);
	}

	@AfterAll
	void close() {
		this.browser.close();
	}

	@AfterEach
	void restore() {
		this.jdbc.update("delete from app_user where username like 'test-journey-%'");
		this.jdbc.update("""
				delete from school_level where school_id in (select id from org_unit where code like 'TEST-J%')""");
		this.jdbc.update("delete from org_unit where code like 'TEST-J%' and kind = 'SCHOOL'");
		this.jdbc.update("delete from org_unit where code like 'TEST-J%'");
	}

	@Test
	void shouldImportAWardAndASchoolOnAPhone() throws Exception {
		var page = this.browser.logIn(Logins.OFFICE, Logins.PASSWORD);
		page.setViewportSize(PHONE, 844);
		page.navigate("/schools");
		page.locator("#import-units").click();
		fitsThePhone(page);
		var download = page.waitForDownload(() -> page.locator("#template").click());
		var template = Files.readAllBytes(download.path());
		byte[] filled;
		try (var workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
			append(workbook.getSheet("Phường"), "TEST-J1", "Phường Hành Trình");
			append(workbook.getSheet("Trường"), "TEST-J2", "Trường Mầm non Hành Trình", "MN", "Công lập", "TEST-J1",
					"2024-2025");
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			filled = out.toByteArray();
		}
		page.locator("#file")
			.setInputFiles(new FilePayload("don-vi.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled));
		page.locator("form[action$='/upload'] button[type=submit]").click();
		assertThat(page.locator("#preview")).containsText("Thêm mới 2, thay đổi 0");
		assertThat(page.locator("#added")).containsText("Trường Mầm non Hành Trình");
		fitsThePhone(page);
		Browser.screenshot(page, "units-import-preview-390");
		page.locator("#confirm").click();
		assertThat(page.locator(".alert-success")).containsText("Đã nhập xong: thêm 2, cập nhật 0 đơn vị.");
		assertThat(this.jdbc.queryForObject("select count(*) from org_unit where code like 'TEST-J%'", Long.class))
			.isEqualTo(2);
	}

	@Test
	void shouldPrintTheAccountSlipsEightToAnA4PageWithoutTheNavigation() throws Exception {
		var page = this.browser.logIn(Logins.ADMIN, Logins.PASSWORD);
		page.setViewportSize(PHONE, 844);
		page.navigate("/admin/users");
		page.locator("#import-users").click();
		fitsThePhone(page);
		var download = page.waitForDownload(() -> page.locator("#template").click());
		byte[] filled;
		try (var workbook = new XSSFWorkbook(Files.newInputStream(download.path()))) {
			var sheet = workbook.getSheet("Người dùng");
			for (int i = 1; i <= 9; i++) {
				append(sheet, "Người Hành Trình " + i, "test-journey-" + i, "Trường", "THCS-AIMO",
						"nguoi" + i + "@aimo.edu.vn", "");
			}
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			filled = out.toByteArray();
		}
		page.locator("#file")
			.setInputFiles(new FilePayload("nguoi-dung.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled));
		page.locator("form[action$='/upload'] button[type=submit]").click();
		assertThat(page.locator("#preview")).containsText("sẽ tạo 9 người dùng");
		fitsThePhone(page);
		page.locator("#confirm").click();
		assertThat(page.locator(".slip")).hasCount(9);
		fitsThePhone(page);
		Browser.screenshot(page, "account-slips-390");

		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
		assertThat(page.locator("nav.navbar")).isHidden();
		assertThat(page.locator("#print")).isHidden();
		assertThat(page.locator(".slip").first()).isVisible();
		var pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setPreferCSSPageSize(true));
		Files.write(Browser.SCREENSHOTS.resolve("account-slips.pdf"), pdf);
		var text = new String(pdf, StandardCharsets.ISO_8859_1);
		var pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(text).results().count();
		assertThat(pages).as("9 slips, 8 to an A4 page").isEqualTo(2);

		page.reload();
		assertThat(page.locator("#slips-gone")).isVisible();
		assertThat(page.locator(".slip")).hasCount(0);
	}

	/** Nothing wider than the phone's screen: no sideways scrolling of the page. */
	private static void fitsThePhone(Page page) {
		var width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
		assertThat(width).as("page width on %s", page.url()).isLessThanOrEqualTo(PHONE);
	}

	private static void append(org.apache.poi.ss.usermodel.Sheet sheet, String... values) {
		var row = sheet.createRow(sheet.getLastRowNum() + 1);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

}
