package vn.chitieu.web;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.ChiTieuApplication;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.platform.Formats;
import vn.chitieu.progress.IndicatorProgress;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.ProgressFormat;
import vn.chitieu.testsupport.Browser;
import vn.chitieu.testsupport.FreshDatabase;
import vn.chitieu.testsupport.Logins;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The product as its users meet it, in a real Chromium: a school reports, the Office
 * returns and approves, the dashboard and the official report show the new figure at
 * once; a school works offline with Excel; the language switch. Screenshots of every step
 * go to {@code target/journeys}.
 * <p>
 * Journeys 1 to 4 follow one report, in order: Trường THCS Phúc Đồng, which in the sample
 * district has not started its 2024-2025 report, and the indicator its figure feeds,
 * THCS-02 (pupils in two sessions a day).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysIT {

	private static final String PLAN = "KH-157-UBND-2022";

	private static final String INDICATOR = "THCS-02";

	private static final SchoolYear YEAR = SchoolYear.parse("2024-2025");

	private static final String SCHOOL = "thcs-phucdong";

	private static final String SCHOOL_NAME = "Trường THCS Phúc Đồng";

	/**
	 * Field names end with the metric's code (a school teaching two levels has both); the
	 * fields one types in have a data-kind, the hidden ones holding what the form was
	 * loaded with do not.
	 */
	private static final String TWO_SESSIONS = "input[data-kind][name$='pupils_two_sessions']";

	private static final String PUPILS = "input[data-kind][name$='pupils']";

	private static final Pattern NUMBER = Pattern.compile("^-?\\d[\\d.]*(,\\d+)?");

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@LocalServerPort
	int port;

	@Autowired
	Progress progress;

	@Autowired
	ProgressFormat format;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	/** THCS-02 in 2024-2025 before the school reports. */
	BigDecimal before;

	/** The school's pupils, as filled in from last year. */
	int pupils;

	/** The corrected number of pupils in two sessions a day. */
	int twoSessions;

	/**
	 * The window's width the journeys run at; {@link JourneysPhoneIT} runs them on a
	 * phone.
	 * @return the width in CSS pixels
	 */
	protected int width() {
		return Browser.DESKTOP;
	}

	/** Logs in, in a window of the journeys' width. */
	private Page logIn(String user) {
		return this.browser.logIn(user, Logins.PASSWORD, width());
	}

	/**
	 * A screenshot of the window; on a phone the name ends in {@code -phone}.
	 */
	private void screenshot(Page page, String name) {
		Browser.screenshot(page, (width() == Browser.DESKTOP) ? name : name + "-phone");
	}

	@BeforeAll
	void launch() {
		this.browser = Browser.launch("http://localhost:" + this.port);
		this.before = thcs02().year(YEAR).orElseThrow().result().value();
	}

	@AfterAll
	void close() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	// ------------------------------------------------------------------ 1

	@Test
	@Order(1)
	void aSchoolFillsItsFormFixesWhatIsWrongSavesADraftAndSubmits() {
		var page = logIn(SCHOOL);
		assertThat(page.locator("main")).containsText(SCHOOL_NAME);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(YEAR.label()).setExact(true)).click();
		assertThat(page.locator("h1")).containsText(SCHOOL_NAME);
		assertThat(page.locator("#figures-form")).isVisible();

		fillFromLastYear(page);
		var pupilsTyped = page.locator(PUPILS).first().inputValue();
		this.pupils = Integer.parseInt(pupilsTyped.replace(".", ""));
		assertThat(this.pupils).isPositive();

		// Not a number: the browser says so at once, in Vietnamese, and the server
		// refuses
		// to save it, keeping everything typed.
		var twoSessions = page.locator(TWO_SESSIONS).first();
		twoSessions.fill("12a");
		twoSessions.blur();
		var message = page.locator("#" + twoSessions.getAttribute("id") + "-msg");
		assertThat(message).containsText("Chỉ nhập số");
		screenshot(page, "1a-school-form-invalid-value");
		saveDraft(page);
		assertThat(page.locator("#problems")).containsText("Chưa lưu được");
		assertThat(page.locator("#problems")).containsText("1 ô có giá trị chưa đúng");
		// The server's message, beside the field.
		assertThat(message.locator(".text-danger:not(.client-check)")).containsText("Chỉ nhập số");
		assertThat(page.locator(PUPILS).first()).hasValue(pupilsTyped);
		assertThat(page.locator(TWO_SESSIONS).first()).hasValue("12a");
		// The fields left before were saved as a draft on the way (autosave); nothing is
		// sent.
		assertThat(status(SCHOOL)).isNotEqualTo("SUBMITTED");

		// More pupils in two sessions a day than pupils: a draft may hold it, but it
		// cannot be sent; the message says which figures disagree.
		page.locator(TWO_SESSIONS).first().fill(String.valueOf(this.pupils + 50));
		saveDraft(page);
		assertThat(page.locator("main")).containsText("Đã lưu nháp");
		assertThat(status(SCHOOL)).isEqualTo("DRAFT");
		submit(page);
		assertThat(page.locator("#problems")).containsText("Chưa lưu được");
		// Both figures of the rule are marked, each saying which figures disagree.
		assertThat(page.locator("#problems")).containsText("1 quy tắc chưa thỏa");
		assertThat(message).containsText("Số học sinh học 2 buổi/ngày");
		assertThat(message).containsText(
				"(" + Formats.number(BigDecimal.valueOf(this.pupils + 50), 0, VIETNAMESE) + ") không được lớn hơn");
		assertThat(message).containsText("(" + Formats.number(BigDecimal.valueOf(this.pupils), 0, VIETNAMESE) + ")");
		screenshot(page, "1b-school-form-refused");
		assertThat(status(SCHOOL)).isEqualTo("DRAFT");

		// Fixed: saved as a draft, then submitted.
		page.locator(TWO_SESSIONS).first().fill(String.valueOf(this.pupils / 2));
		saveDraft(page);
		// Saved once: by the autosave as the button took the focus, or by the button.
		assertThat(page.locator("main")).containsText("Đã lưu nháp");
		assertThat(figure(SCHOOL, "pupils_two_sessions")).isEqualByComparingTo(BigDecimal.valueOf(this.pupils / 2));
		submit(page);
		assertThat(page.locator("main")).containsText("Đã gửi báo cáo cho Phòng GD&ĐT");
		screenshot(page, "1c-school-submitted");
		assertThat(status(SCHOOL)).isEqualTo("SUBMITTED");
		assertThat(figure(SCHOOL, "pupils_two_sessions")).isEqualByComparingTo(BigDecimal.valueOf(this.pupils / 2));
		page.context().close();
	}

	// ------------------------------------------------------------------ 2

	@Test
	@Order(2)
	void theOfficeReturnsItWithACommentTheSchoolCorrectsAndTheOfficeApproves() {
		var comment = "Số học sinh học 2 buổi/ngày chưa khớp sổ theo dõi, đề nghị trường kiểm tra lại.";
		var office = logIn(Logins.OFFICE);
		openFromTheQueue(office);
		screenshot(office, "2a-office-review");
		office.locator("#review-comment").fill(comment);
		post(office,
				() -> office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trả lại để sửa")).click());
		assertThat(office.locator("main")).containsText("Đã trả lại báo cáo cho đơn vị kèm ý kiến.");
		assertThat(status(SCHOOL)).isEqualTo("RETURNED");

		var school = logIn(SCHOOL);
		school.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(YEAR.label()).setExact(true)).click();
		assertThat(school.locator("main")).containsText("Ý kiến của Phòng GD&ĐT:");
		assertThat(school.locator("main")).containsText(comment);
		screenshot(school, "2b-school-sees-the-comment");
		this.twoSessions = this.pupils * 3 / 5;
		school.locator(TWO_SESSIONS).first().fill(String.valueOf(this.twoSessions));
		submit(school);
		assertThat(school.locator("main")).containsText("Đã gửi báo cáo cho Phòng GD&ĐT");
		assertThat(status(SCHOOL)).isEqualTo("SUBMITTED");
		school.context().close();

		office.navigate("/");
		openFromTheQueue(office);
		office.locator("#approve-confirm").check();
		post(office,
				() -> office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt báo cáo")).click());
		assertThat(office.locator("main")).containsText("Đã duyệt báo cáo.");
		assertThat(status(SCHOOL)).isEqualTo("APPROVED");
		assertThat(figure(SCHOOL, "pupils_two_sessions")).isEqualByComparingTo(BigDecimal.valueOf(this.twoSessions));
		office.context().close();
	}

	// ------------------------------------------------------------------ 3

	@Test
	@Order(3)
	void theDashboardShowsTheNewValueAtOnceAndTheBreakdownListsTheSchool() {
		var indicator = thcs02();
		var latest = indicator.year(YEAR).orElseThrow();
		var after = latest.result().value();
		assertThat(after).as("THCS-02 moves when the school's figures count").isNotEqualByComparingTo(this.before);
		var vi = this.format.in(VIETNAMESE);

		var page = logIn(Logins.OFFICE);
		page.navigate("/progress/" + PLAN + "?year=" + YEAR.label());
		screenshot(page, "3a-dashboard");
		var table = page.locator("table.progress-table", new Page.LocatorOptions().setHas(page.getByText(INDICATOR)));
		var row = table.locator("tbody tr", new Locator.LocatorOptions().setHas(page.getByText(INDICATOR, exact())));
		int column = columnOf(table, YEAR.label());
		assertThat(row.locator("td").nth(column).locator("span").first())
			.hasText(vi.value(indicator.indicator(), after));
		assertThat(row.locator(".pstatus").first()).hasText(vi.verdict(latest, indicator.indicator()));
		row.scrollIntoViewIfNeeded();
		screenshot(page, "3b-dashboard-thcs-02");

		row.getByRole(AriaRole.LINK).first().click();
		assertThat(page.locator("h1")).containsText(indicator.indicator().name(VIETNAMESE));
		var part = this.progress.parts(PLAN, INDICATOR, YEAR, false)
			.stream()
			.filter((p) -> p.unit().code().equals("THCS-PHUCDONG"))
			.findFirst()
			.orElseThrow();
		var school = page.locator("tr", new Page.LocatorOptions().setHas(page.getByText(SCHOOL_NAME, exact())));
		assertThat(school).hasCount(1);
		assertThat(school.locator("td").nth(1)).hasText(vi.value(indicator.indicator(), part.value()));
		assertThat(school.locator("td").nth(2))
			.hasText(Formats.number(BigDecimal.valueOf(this.twoSessions), 2, VIETNAMESE) + " / "
					+ Formats.number(BigDecimal.valueOf(this.pupils), 2, VIETNAMESE));
		school.scrollIntoViewIfNeeded();
		screenshot(page, "3c-indicator-breakdown");
		page.context().close();
	}

	// ------------------------------------------------------------------ 4

	@Test
	@Order(4)
	void theOfficeDownloadsTheOfficialReportHoldingTheNewValue() throws Exception {
		var after = thcs02().year(YEAR).orElseThrow().result().value();
		var page = logIn(Logins.OFFICE);
		page.navigate("/progress/" + PLAN + "?year=" + YEAR.label());
		screenshot(page, "4a-report-download");
		var download = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tải báo cáo gửi UBND (Excel)"))
					.click());
		assertThat(download.suggestedFilename()).endsWith(".xlsx");
		var file = Browser.SCREENSHOTS.resolve(download.suggestedFilename());
		download.saveAs(file);
		try (var workbook = new XSSFWorkbook(new FileInputStream(file.toFile()))) {
			var sheet = workbook.getSheet("Báo cáo");
			// The heading: "STT | Chỉ tiêu | … | Thực hiện" over a row of school years.
			var heading = rowStartingWith(sheet, 0, "STT");
			int column = -1;
			for (int r = heading.getRowNum(); r <= heading.getRowNum() + 1; r++) {
				for (var cell : sheet.getRow(r)) {
					if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains(YEAR.label())) {
						column = cell.getColumnIndex();
					}
				}
			}
			assertThat(column).as("a column for " + YEAR.label()).isPositive();
			var row = rowStartingWith(sheet, 1, INDICATOR + ". ");
			var cell = row.getCell(column);
			assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(cell.getNumericCellValue()).isCloseTo(after.movePointLeft(2).doubleValue(), within(1e-9));
			assertThat(cell.getCellStyle().getDataFormatString()).contains("%");
		}
		page.context().close();
	}

	// ------------------------------------------------------------------ 5

	@Test
	@Order(5)
	void aSchoolFillsItsExcelTemplateOfflineAndUploadsItAsADraft() throws Exception {
		var code = "mn-mau-12";
		assertThat(status(code)).as("a school that has not started").isNull();
		var page = logIn(code);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(YEAR.label()).setExact(true)).click();
		page.getByText("Làm việc ngoại tuyến với tệp Excel").click();
		var download = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tải tệp Excel")).click());
		var file = Browser.SCREENSHOTS.resolve("template-" + code + ".xlsx");
		download.saveAs(file);

		// Fill it as a user would: every open cell of this year with last year's figure.
		var filled = new HashMap<String, String>();
		var formatter = new DataFormatter(VIETNAMESE);
		try (var workbook = new XSSFWorkbook(new FileInputStream(file.toFile()))) {
			var sheet = workbook.getSheet("Số liệu");
			for (var row : sheet) {
				var value = row.getCell(3);
				var last = row.getCell(4);
				if (value == null || value.getCellStyle().getLocked() || last == null
						|| last.getCellType() == CellType.BLANK) {
					continue;
				}
				if (last.getCellType() == CellType.NUMERIC) {
					value.setCellValue(last.getNumericCellValue());
				}
				else {
					value.setCellValue(last.getStringCellValue());
				}
				filled.put(row.getCell(0).getStringCellValue(), formatter.formatCellValue(last));
			}
			try (var out = new FileOutputStream(file.toFile())) {
				workbook.write(out);
			}
		}
		assertThat(filled).hasSizeGreaterThan(10);

		page.locator("#template-file").setInputFiles(file);
		post(page, () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải lên")).click());
		assertThat(page.locator("main")).containsText("Đã nhận tệp Excel");
		assertThat(page.locator("main")).containsText("lưu dạng nháp");
		screenshot(page, "5a-template-uploaded");
		assertThat(status(code)).isEqualTo("DRAFT");
		long stored = this.jdbc.queryForObject("""
				select count(*) from figure f join submission s on s.id = f.submission_id
				join org_unit u on u.id = s.unit_id where u.code = ? and s.school_year = ?
				""", Long.class, code.toUpperCase(Locale.ROOT), YEAR.startYear());
		assertThat(stored).isEqualTo(filled.size());
		// The form shows them, ready to be checked and sent.
		assertThat(page.locator("#figures-form input[data-kind]").first()).not().hasValue("");
		page.context().close();
	}

	// ------------------------------------------------------------------ 6

	@Test
	@Order(6)
	void theLanguageSwitchTurnsThePagesIntoEnglishAndBack() {
		var page = logIn(SCHOOL);
		assertThat(page.locator("html")).hasAttribute("lang", "vi");
		assertThat(page.locator("main")).containsText("Các năm học của trường");
		menu(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("English")).click();
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("main")).containsText("Your school");
		screenshot(page, "6a-english");
		// It stays English from page to page ...
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(YEAR.label()).setExact(true)).click();
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("#figures-form")).containsText("Pupils");
		// ... until switched back.
		menu(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Tiếng Việt")).click();
		assertThat(page.locator("html")).hasAttribute("lang", "vi");
		assertThat(page.locator("#figures-form")).containsText("Số học sinh");
		page.context().close();
	}

	// ------------------------------------------------------------------ 7

	@Test
	@Order(7)
	void anOpenFormWithUnsavedChangesKeepsTheSessionAlive() {
		var page = logIn("th-mau-17");
		page.clock().install();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(YEAR.label()).setExact(true)).click();
		var field = page.locator("#figures-form input[data-kind]").first();
		field.fill("12");
		field.blur();
		// Five minutes later (on the page's clock), the page tells the server the user is
		// still there; the server answers without content.
		var ping = page.waitForResponse("**/session/keepalive", () -> page.clock().runFor(5 * 60 * 1000));
		assertThat(ping.status()).isEqualTo(204);
		screenshot(page, "7a-form-kept-alive");
		page.context().close();
	}

	// ------------------------------------------------------------------ helpers

	// ------------------------------------------------------------------ 8

	/**
	 * A real installation from its very first start, on an empty database of its own: the
	 * administrator logs in with the one-time password printed in the log and is led
	 * through setting up — the organisation, the units imported from a filled template,
	 * the users from a roster with their account slips; the Office opens a school year
	 * with a deadline; then a school user from the roster logs in with the password of
	 * their slip, changes it and files the school's report.
	 */
	@Test
	@Order(8)
	void anEmptyInstallationIsSetUpInTheBrowserAndASchoolFilesItsFirstReport() throws Exception {
		var original = System.out;
		var log = new ByteArrayOutputStream();
		System.setOut(new PrintStream(new TeeStream(original, log), true, StandardCharsets.UTF_8));
		try (var database = FreshDatabase.create("journey")) {
			var arguments = new ArrayList<String>();
			database.properties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
			arguments.addAll(List.of("--server.port=0", "--management.server.port=0",
					"--spring.datasource.hikari.minimum-idle=1", "--chitieu.backup.schedule=-",
					"--chitieu.backup.directory=target/test-backups"));
			var application = new SpringApplicationBuilder(ChiTieuApplication.class)
				.run(arguments.toArray(String[]::new));
			System.setOut(original);
			try (var browser = Browser.launch("http://localhost:" + serverPort(application))) {
				var text = log.toString(StandardCharsets.UTF_8);
				var oneTime = Pattern.compile("password:\\s+(\\S+)")
					.matcher(text.substring(text.indexOf("First administrator created")));
				assertThat(oneTime.find()).as("the one-time password in the log").isTrue();
				setUp(browser, application.getBean(JdbcTemplate.class), oneTime.group(1));
			}
			finally {
				application.close();
			}
		}
		finally {
			System.setOut(original);
		}
	}

	private void setUp(Browser browser, JdbcTemplate jdbc, String oneTimePassword) throws IOException {
		// 1. The administrator: the one-time password, changed at once; the setup guide.
		var admin = firstLogIn(browser, "admin", oneTimePassword, "quan-tri-2026!");
		assertThat(admin.locator("h1")).containsText("Thiết lập ban đầu");
		assertThat(admin.locator("#setup-steps [data-done=false]")).hasCount(6);
		assertThat(admin.locator("#setup-missing")).isVisible();
		screenshot(admin, "8a-first-start-guide");
		admin.navigate("/schools");
		assertThat(admin.locator("#setup-missing")).containsText("Còn thiếu");

		// 2. The organisation, as the official report will print it.
		admin.navigate("/admin/organisation");
		admin.locator("#name").fill("Phòng Giáo dục và Đào tạo Hòa Minh");
		admin.locator("#parentBody").fill("UBND QUẬN HÒA MINH");
		admin.locator("#issuingBody").fill("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO");
		admin.locator("#place").fill("Hòa Minh");
		admin.locator("#signerTitle").fill("TRƯỞNG PHÒNG");
		admin.locator("#recipients").fill("UBND quận;\nLưu: VT.");
		post(admin, () -> admin.locator("form[action$='/admin/organisation'] button[type=submit]").click());
		assertThat(admin.locator("#organisation-missing")).hasCount(0);

		// 3. The units, from the template filled in (as an Office clerk would, in Excel).
		admin.navigate("/schools");
		admin.locator("#import-units").click();
		var unitsTemplate = admin.waitForDownload(() -> admin.locator("#template").click());
		byte[] units;
		try (var workbook = new XSSFWorkbook(Files.newInputStream(unitsTemplate.path()))) {
			append(workbook.getSheet("Phường"), "P-HOAMINH", "Phường Hòa Minh");
			append(workbook.getSheet("Trường"), "THCS-HOAMINH", "Trường THCS Hòa Minh", "THCS", "Công lập", "P-HOAMINH",
					"2010-2011");
			units = bytes(workbook);
		}
		upload(admin, "don-vi.xlsx", units);
		assertThat(admin.locator("#preview")).containsText("Thêm mới 2, thay đổi 0");
		screenshot(admin, "8b-first-start-units-preview");
		admin.locator("#confirm").click();
		assertThat(admin.locator(".alert-success")).containsText("Đã nhập xong: thêm 2, cập nhật 0 đơn vị.");

		// 4. The users, from a roster; the account slips, each password shown once.
		admin.navigate("/admin/users");
		admin.locator("#import-users").click();
		var rosterTemplate = admin.waitForDownload(() -> admin.locator("#template").click());
		byte[] roster;
		try (var workbook = new XSSFWorkbook(Files.newInputStream(rosterTemplate.path()))) {
			var sheet = workbook.getSheet("Người dùng");
			append(sheet, "Trần Thị Chuyên Viên", "chuyenvien", "Phòng GD&ĐT", "", "chuyenvien@hoaminh.edu.vn", "");
			append(sheet, "Lê Văn Kế Toán", "ketoan-thcs", "Trường", "THCS-HOAMINH", "", "0912345678");
			roster = bytes(workbook);
		}
		upload(admin, "nguoi-dung.xlsx", roster);
		assertThat(admin.locator("#preview")).containsText("sẽ tạo 2 người dùng");
		admin.locator("#confirm").click();
		assertThat(admin.locator(".slip")).hasCount(2);
		screenshot(admin, "8c-first-start-account-slips");
		var passwords = new HashMap<String, String>();
		for (int i = 0; i < 2; i++) {
			var slip = admin.locator(".slip").nth(i);
			passwords.put(slip.locator(".login").textContent().strip(),
					slip.locator(".password").textContent().strip());
		}
		assertThat(passwords).containsOnlyKeys("chuyenvien", "ketoan-thcs");
		admin.navigate("/admin/setup");
		assertThat(admin.locator("#step-WARDS")).hasAttribute("data-done", "true");
		assertThat(admin.locator("#step-SCHOOLS")).hasAttribute("data-done", "true");
		assertThat(admin.locator("#step-USERS")).hasAttribute("data-done", "true");
		assertThat(admin.locator("#step-SCHOOL_YEAR")).hasAttribute("data-done", "false");
		admin.context().close();

		// 5. The Office opens the school year and sets its deadline.
		var office = firstLogIn(browser, "chuyenvien", passwords.get("chuyenvien"), "chuyen-vien-2026");
		office.navigate("/admin/school-years");
		office.onDialog((dialog) -> dialog.accept());
		office.locator("#startYear").fill("2025");
		post(office, () -> office.locator("#open-year button[type=submit]").click());
		office.navigate("/admin/school-years/2025-2026");
		office.locator("#deadline").fill("2026-12-31");
		post(office, () -> office.locator("#deadlines button[type=submit]").click());
		office.navigate("/admin/setup");
		assertThat(office.locator("#setup-complete")).isVisible();
		assertThat(office.locator("#setup-missing")).hasCount(0);
		screenshot(office, "8d-first-start-complete");
		office.context().close();

		// 6. The school user of the roster: the slip's password, a new one, the report.
		var school = firstLogIn(browser, "ketoan-thcs", passwords.get("ketoan-thcs"), "ke-toan-thcs-2026");
		assertThat(school.locator("main")).containsText("Trường THCS Hòa Minh");
		school.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2025-2026").setExact(true)).click();
		assertThat(school.locator("#figures-form")).isVisible();
		fillAsANewSchool(school);
		saveDraft(school);
		assertThat(school.locator("main")).containsText("Đã lưu nháp");
		submit(school);
		assertThat(school.locator("main")).containsText("Đã gửi báo cáo cho Phòng GD&ĐT");
		screenshot(school, "8e-first-start-school-submitted");
		assertThat(jdbc.queryForObject("""
				select s.status from submission s join org_unit u on u.id = s.unit_id
				where u.code = 'THCS-HOAMINH' and s.school_year = 2025
				""", String.class)).isEqualTo("SUBMITTED");
		assertThat(jdbc.queryForObject("""
				select count(*) from figure f join submission s on s.id = f.submission_id
				join org_unit u on u.id = s.unit_id where u.code = 'THCS-HOAMINH'
				""", Long.class)).isGreaterThan(10);
		school.context().close();
	}

	/**
	 * Logs in with a one-time password, which must be changed before anything else.
	 * @return the page after the change
	 */
	private Page firstLogIn(Browser browser, String username, String oneTimePassword, String newPassword) {
		var page = browser.newPage(width());
		page.navigate("/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(oneTimePassword);
		page.locator("form button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/account/password.*"));
		page.locator("#currentPassword").fill(oneTimePassword);
		page.locator("#newPassword").fill(newPassword);
		page.locator("#confirmation").fill(newPassword);
		post(page, () -> page.locator("form[action$='/account/password'] button[type=submit]").click());
		assertThat(page).not().hasURL(Pattern.compile(".*/account/password.*"));
		return page;
	}

	/**
	 * A first report with nothing to copy from: every count 0, every yes/no "Không",
	 * every level the first one.
	 */
	private static void fillAsANewSchool(Page page) {
		var rows = page.locator("#figures-form table.figures tbody tr");
		assertThat(rows.count()).isGreaterThan(10);
		for (int i = 0; i < rows.count(); i++) {
			var row = rows.nth(i);
			var input = row.locator("input[data-kind]");
			if (input.count() > 0) {
				input.fill("0");
				continue;
			}
			var select = row.locator("select");
			if (select.locator("option", new Locator.LocatorOptions().setHasText("Không")).count() > 0) {
				select.selectOption(new SelectOption().setLabel("Không"));
			}
			else {
				select.selectOption(new SelectOption().setIndex(1));
			}
		}
	}

	private static void upload(Page page, String name, byte[] workbook) {
		page.locator("#file")
			.setInputFiles(new FilePayload(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					workbook));
		post(page, () -> page.locator("form[action$='/upload'] button[type=submit]").click());
	}

	private static void append(Sheet sheet, String... values) {
		var row = sheet.createRow(sheet.getLastRowNum() + 1);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
		var out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	private static int serverPort(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Writes to two streams: what the application prints, and a copy kept by the test.
	 */
	private static final class TeeStream extends OutputStream {

		private final OutputStream first;

		private final OutputStream second;

		TeeStream(OutputStream first, OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws IOException {
			this.first.write(b);
			synchronized (this.second) {
				this.second.write(b);
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.first.write(bytes, offset, length);
			synchronized (this.second) {
				this.second.write(bytes, offset, length);
			}
		}

	}

	private static void saveDraft(Page page) {
		post(page, () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu nháp")).click());
	}

	/** Sends the report, answering yes to "Gửi báo cáo cho Phòng GD&ĐT?". */
	private static void submit(Page page) {
		page.onceDialog((dialog) -> {
			assertThat(dialog.message()).contains("Gửi báo cáo cho Phòng GD&ĐT?");
			dialog.accept();
		});
		post(page, () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi Phòng GD&ĐT duyệt"))
			.click());
	}

	/**
	 * Clicks a button that posts a form and waits until the server has answered and the
	 * answer (or the page it redirects to) has loaded, so that what follows sees the
	 * result, not the page before.
	 */
	private static void post(Page page, Runnable click) {
		// The form's own post, not an autosave the click may wait for.
		page.waitForResponse(
				(response) -> response.request().method().equals("POST") && response.request().isNavigationRequest(),
				click);
		page.waitForLoadState(LoadState.LOAD);
	}

	/** Fills every figure with last year's value, as shown beside it. */
	private static void fillFromLastYear(Page page) {
		var rows = page.locator("#figures-form table.figures tbody tr");
		int count = rows.count();
		assertThat(count).isGreaterThan(10);
		for (int i = 0; i < count; i++) {
			var row = rows.nth(i);
			// "1801 học sinh", "12,5 %", "Có", "Mức 2" or nothing
			var last = row.locator("td.num > span").first().textContent().strip();
			var input = row.locator("input[data-kind]");
			if (input.count() > 0) {
				var number = NUMBER.matcher(last);
				input.fill(number.find() ? number.group() : "0");
				continue;
			}
			var select = row.locator("select");
			if (last.isEmpty() || last.equals("—")) {
				select.selectOption(new SelectOption().setIndex(1));
			}
			else {
				select.selectOption(new SelectOption().setLabel(last));
			}
		}
	}

	/**
	 * The main navigation, opened: on a phone it is folded behind the menu button, which
	 * is pressed; on a laptop it is always shown.
	 */
	private static Locator menu(Page page) {
		var toggler = page.locator("button.navbar-toggler");
		var navigation = page.locator("#mainNav");
		if (toggler.isVisible() && !"true".equals(toggler.getAttribute("aria-expanded"))) {
			toggler.click();
			assertThat(toggler).hasAttribute("aria-expanded", "true");
		}
		assertThat(navigation).isVisible();
		return navigation;
	}

	private static void openFromTheQueue(Page office) {
		menu(office).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Duyệt báo cáo").setExact(true))
			.first()
			.click();
		var row = office.locator("tr", new Page.LocatorOptions().setHas(office.getByText(SCHOOL_NAME, exact())));
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Xem và duyệt")).click();
		assertThat(office.locator("h1")).containsText(SCHOOL_NAME);
	}

	private static int columnOf(Locator table, String heading) {
		var headings = table.locator("thead th");
		for (int i = 0; i < headings.count(); i++) {
			if (headings.nth(i).textContent().strip().equals(heading)) {
				return i;
			}
		}
		throw new AssertionError("No column " + heading);
	}

	private static Page.GetByTextOptions exact() {
		return new Page.GetByTextOptions().setExact(true);
	}

	private static Row rowStartingWith(Sheet sheet, int column, String prefix) {
		for (var row : sheet) {
			var cell = row.getCell(column);
			if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(prefix)) {
				return row;
			}
		}
		throw new AssertionError("No row starting with " + prefix);
	}

	private IndicatorProgress thcs02() {
		return this.progress.plan(PLAN, YEAR, false)
			.orElseThrow()
			.indicators()
			.stream()
			.filter((i) -> i.indicator().code().equals(INDICATOR))
			.findFirst()
			.orElseThrow();
	}

	private String status(String school) {
		return this.jdbc.query("""
				select s.status from submission s join org_unit u on u.id = s.unit_id
				where u.code = ? and s.school_year = ?
				""", (rs) -> rs.next() ? rs.getString(1) : null, school.toUpperCase(Locale.ROOT), YEAR.startYear());
	}

	private BigDecimal figure(String school, String metric) {
		return this.jdbc.queryForObject("""
				select f.value from figure f join submission s on s.id = f.submission_id
				join org_unit u on u.id = s.unit_id where u.code = ? and s.school_year = ? and f.metric_code = ?
				""", BigDecimal.class, school.toUpperCase(Locale.ROOT), YEAR.startYear(), metric);
	}

}
