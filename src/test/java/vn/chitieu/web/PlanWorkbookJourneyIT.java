package vn.chitieu.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.chitieu.testsupport.Browser;
import vn.chitieu.testsupport.Logins;
import vn.chitieu.testsupport.PlanWorkbookFiles;
import vn.chitieu.testsupport.SampleDatabase;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new plan without YAML, in a real Chromium, as the Office clerk meets it: the empty
 * plan workbook downloaded from the page, three indicators of a 2025-2030 plan filled in
 * (with POI, as Excel would), a mistake in it reported by sheet, row and column with
 * nothing stored, the mistake corrected, the indicator previewed on the figures already
 * in the sample district, the plan published and its dashboard computed; then one target
 * changed in the browser editor, checked while it is typed, published as version 2, with
 * version 1 still readable and who published each and when.
 * <p>
 * The steps run in order on one page. Publishing a plan changes what every dashboard
 * lists, so the test has a database of its own. Screenshots go to
 * {@code target/journeys}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanWorkbookJourneyIT {

	private static final String CODE = "KH-245-UBND-2025";

	private static final String YEAR = "2024-2025";

	private static final String[] HEADER = { CODE, "245/KH-UBND",
			"Kế hoạch phát triển giáo dục quận Long Biên giai đoạn 2025-2030",
			"Long Biên education development plan 2025-2030", "UBND quận Long Biên", "2025-10-15", "2023-2024",
			"2029-2030" };

	/** A ratio of two figures every primary school reports. */
	private static final String[] RATIO = { "TH-01", "TH", "II.1",
			"Ít nhất 90% giáo viên tiểu học có trình độ đại học trở lên",
			"Tỷ lệ giáo viên tiểu học có trình độ đại học trở lên", "Primary teachers with a degree or higher",
			"percent", "{kind: ratio, numerator: teachers_university_plus, denominator: teachers}", "{at_least: 90}" };

	/** A share of schools meeting a condition. */
	private static final String[] SHARE = { "TH-02", "TH", "II.2", "100% trường tiểu học công lập đạt chuẩn quốc gia",
			"Tỷ lệ trường tiểu học công lập đạt chuẩn quốc gia", "Public primary schools at the national standard",
			"percent", "{kind: share, condition: \"national_standard_level >= 1\", ownership: public}",
			"{at_least: 100}" };

	/** A target reached by yearly milestones. */
	private static final String[] MILESTONES = { "THCS-01", "THCS", "III.1",
			"Tỷ lệ học sinh THCS học 2 buổi/ngày tăng dần, đến năm 2030 đạt trên 90%",
			"Tỷ lệ học sinh THCS học 2 buổi/ngày", "Lower-secondary pupils in two sessions a day", "percent",
			"{kind: ratio, numerator: pupils_two_sessions, denominator: pupils}", "{at_least: 90}",
			"2025-2026: 80, 2026-2027: 84, 2027-2028: 87" };

	/** The clerk's typo: a metric the catalog does not know. */
	private static final String TYPO = "{kind: ratio, numerator: teachers_universty_plus, denominator: teachers}";

	/** A value as the pages show it: "72,4 %", "100 %". */
	private static final Pattern PERCENT = Pattern.compile("\\d+(,\\d+)?\\s%");

	private static final double ASSERTION_TIMEOUT = 30_000;

	private static final double PLAYWRIGHT_DEFAULT_TIMEOUT = 5_000;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		SampleDatabase.register("planjourney", registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	/** The Office's page, carried from step to step. */
	Page page;

	/** The empty workbook, as downloaded. */
	byte[] empty;

	/** The filled workbook with the clerk's mistake. */
	byte[] refused;

	@BeforeAll
	void launch() {
		// Every page load runs axe-core, which holds a page's thread for seconds on a
		// busy
		// machine: the assertions wait as long as the actions do, not Playwright's 5 s.
		PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT);
		this.browser = Browser.launch("http://localhost:" + this.port);
		this.page = this.browser.logIn(Logins.OFFICE, Logins.PASSWORD);
	}

	@AfterAll
	void close() {
		PlaywrightAssertions.setDefaultAssertionTimeout(PLAYWRIGHT_DEFAULT_TIMEOUT);
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	@Order(1)
	void theOfficeDownloadsAnEmptyPlanWorkbook() throws Exception {
		this.page.navigate("/plans");
		this.page.locator("#import-workbook").click();
		this.page.waitForURL("**/plans/import/workbook");
		assertThat(this.page.locator("h1")).hasText("Nhập kế hoạch từ tệp Excel");
		var download = this.page.waitForDownload(() -> this.page.locator("#empty-workbook").click());
		assertThat(download.suggestedFilename()).isEqualTo("ke-hoach-moi.xlsx");
		this.empty = Files.readAllBytes(download.path());
		PlanWorkbookFiles.edit(this.empty, (book) -> {
			assertThat(book.getSheet("Hướng dẫn")).isNotNull();
			assertThat(book.getSheet("Chỉ tiêu").getLastRowNum()).as("no indicator yet").isZero();
		});
	}

	@Test
	@Order(2)
	void aWorkbookWithAMistakeIsRefusedWithWhereItIsAndNothingStored() {
		var typo = RATIO.clone();
		typo[7] = TYPO;
		this.refused = workbook(typo);
		upload(this.refused, "ke-hoach-2025-2030.xlsx");
		var problems = this.page.locator("#problems");
		assertThat(problems)
			.containsText("Tệp ke-hoach-2025-2030.xlsx không được nạp (1 lỗi). Không có gì bị thay đổi.");
		assertThat(problems.locator("li")).hasCount(1);
		assertThat(problems.locator("li")).hasText(
				"Trang “Chỉ tiêu”, dòng 2, cột H (Cách tính): Chỉ số “teachers_universty_plus” không có trong danh mục.");
		Browser.screenshot(this.page, "plan-workbook-refused");

		this.page.navigate("/plans");
		assertThat(this.page.locator("main")).not().containsText(CODE);
		assertThat(this.page.locator("#drafts")).hasCount(0);
		assertThat(this.jdbc.queryForObject("select count(*) from plan where code = ?", Integer.class, CODE)).isZero();
	}

	@Test
	@Order(3)
	void theCorrectedWorkbookBecomesADraftWhosePreviewIsComputedFromTheFigures() {
		// The clerk corrects the cell the page named, and only that one.
		var corrected = PlanWorkbookFiles.edit(this.refused, (book) -> {
			var cell = book.getSheet("Chỉ tiêu").getRow(1).getCell(7);
			assertThat(cell.getStringCellValue()).isEqualTo(TYPO);
			cell.setCellValue(RATIO[7]);
		});
		this.page.navigate("/plans");
		this.page.locator("#import-workbook").click();
		upload(corrected, "ke-hoach-2025-2030.xlsx");
		this.page.waitForURL("**/plans/" + CODE + "/draft");
		assertThat(this.page.locator(".alert-success"))
			.containsText("Đã nạp tệp ke-hoach-2025-2030.xlsx thành bản nháp phiên bản 1 của kế hoạch " + CODE);
		assertThat(this.page.locator("#draft-banner")).isVisible();
		var rows = this.page.locator("main table tbody tr");
		assertThat(rows).hasCount(3);
		assertThat(rows.nth(0)).containsText("TH-01");
		assertThat(rows.nth(1)).containsText("TH-02");
		assertThat(rows.nth(2)).containsText("THCS-01");
		assertThat(rows.nth(0)).containsText("≥ 90 %");
		Browser.screenshot(this.page, "plan-workbook-draft");

		// The share: how many public primary schools are at the national standard.
		rows.nth(1).getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
		this.page.waitForURL("**/plans/" + CODE + "/draft/indicators/TH-02");
		assertThat(this.page.locator("#measure")).hasValue(SHARE[7]);
		this.page.locator("#check").click();
		assertThat(this.page.locator("#checked")).isVisible();
		var preview = this.page.locator("#preview");
		assertThat(preview.locator("tbody tr")).hasCount(2);
		assertThat(preview.locator("tr[data-year='2023-2024']")).isVisible();
		computed(preview.locator("tr[data-year='2023-2024'] .preview-value"));
		computed(preview.locator("tr[data-year='" + YEAR + "'] .preview-value"));
		preview.scrollIntoViewIfNeeded();
		Browser.screenshot(this.page, "plan-workbook-preview");
		assertThat(this.jdbc.queryForObject("select count(*) from plan where code = ? and status <> 'DRAFT'",
				Integer.class, CODE))
			.as("nothing published yet")
			.isZero();
	}

	@Test
	@Order(4)
	void publishedTheNewPlansDashboardShowsTheThreeIndicatorsComputed() {
		this.page.navigate("/plans/" + CODE + "/draft");
		this.page.locator("#publish").click();
		this.page.waitForURL("**/plans/" + CODE + "/draft/publish");
		// A new plan's figures are asked on the forms for it from the next school year;
		// they are already in the catalog, with figures.
		var metrics = this.page.locator("#new-metrics");
		for (var metric : List.of("teachers_university_plus", "national_standard_level", "pupils_two_sessions")) {
			assertThat(metrics).containsText(metric);
		}
		assertThat(this.page.locator("#from-year")).containsText("2025-2026");
		Browser.screenshot(this.page, "plan-workbook-publish");
		this.page.locator("#confirm-publish").click();
		this.page.waitForURL("**/plans/" + CODE);
		assertThat(this.page.locator(".alert-success")).containsText("Đã công bố phiên bản 1.");
		assertThat(this.page.locator("h1")).hasText(HEADER[2]);

		this.page.navigate("/progress/" + CODE + "?year=" + YEAR);
		for (var indicator : List.of(RATIO, SHARE, MILESTONES)) {
			var row = this.page.locator("tr[data-indicator='" + indicator[0] + "']");
			assertThat(row).containsText(indicator[4]);
			computed(row.locator("td[data-year='" + YEAR + "'] .pvalue"));
		}
		assertThat(this.page.locator("tr[data-indicator='TH-01']")).containsText("≥ 90 %");
		// The ratio of the closed year, as the figures the schools had approved give it.
		assertThat(this.page.locator("tr[data-indicator='TH-01'] td[data-year='2023-2024'] .pvalue"))
			.hasText(percent(approvedRatio("teachers_university_plus", "teachers", "TH", 2023)));
		this.page.locator("tr[data-indicator='TH-01']").scrollIntoViewIfNeeded();
		Browser.screenshot(this.page, "plan-workbook-dashboard");

		// The milestones came through from the workbook.
		this.page.navigate("/plans/" + CODE + "/indicators/THCS-01");
		var milestones = this.page.locator("main table").getByText("Mốc từng năm:").locator("..");
		assertThat(milestones).containsText("2025-2026: 80");
		assertThat(milestones).containsText("2026-2027: 84");
		assertThat(milestones).containsText("2027-2028: 87");
	}

	@Test
	@Order(5)
	void oneTargetChangedInTheEditorBecomesVersionTwoAndVersionOneStaysReadable() {
		this.page.navigate("/plans/" + CODE);
		this.page.locator("#start-draft").click();
		this.page.waitForURL("**/plans/" + CODE + "/draft");
		assertThat(this.page.locator("#draft-banner")).containsText("2");
		this.page.locator("main table tbody tr")
			.filter(new Locator.FilterOptions().setHasText("TH-01"))
			.getByRole(com.microsoft.playwright.options.AriaRole.LINK)
			.click();
		var target = this.page.locator("#target");
		assertThat(target).hasValue(RATIO[8]);

		// Checked while it is typed: first a slip, then the right value.
		target.fill("{at_least: chín lăm}");
		assertThat(this.page.locator("#target-live .live-problem")).containsText("chín lăm");
		target.fill("{at_least: 95}");
		assertThat(this.page.locator("#target-live .live-ok")).hasText("Chỉ tiêu phải đạt đọc được.");
		assertThat(this.page.locator("#target-live .live-problem")).hasCount(0);
		this.page.locator("#target-live").scrollIntoViewIfNeeded();
		Browser.screenshot(this.page, "plan-editor-live");
		this.page.locator("#save").click();
		assertThat(this.page.locator(".alert-success")).hasText("Đã lưu vào bản nháp.");

		this.page.navigate("/plans/" + CODE + "/draft");
		assertThat(this.page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText("TH-01")))
			.containsText("≥ 95 %");
		this.page.locator("#publish").click();
		this.page.locator("#confirm-publish").click();
		this.page.waitForURL("**/plans/" + CODE);
		assertThat(this.page.locator(".alert-success")).containsText("Đã công bố phiên bản 2.");

		this.page.navigate("/progress/" + CODE + "?year=" + YEAR);
		var ratio = this.page.locator("tr[data-indicator='TH-01']");
		assertThat(ratio).containsText("≥ 95 %");
		assertThat(ratio).not().containsText("≥ 90 %");
		computed(ratio.locator("td[data-year='" + YEAR + "'] .pvalue"));
		Browser.screenshot(this.page, "plan-editor-dashboard-v2");

		this.page.navigate("/plans/" + CODE);
		this.page.locator("#versions summary").click();
		var versions = this.page.locator("#versions tbody tr");
		assertThat(versions).hasCount(2);
		for (int i = 0; i < 2; i++) {
			// Who published it, by name as everywhere else (not the login).
			assertThat(versions.nth(i)).containsText("Chuyên viên Phòng GD&ĐT (mẫu)");
			assertThat(versions.nth(i)).containsText(Pattern.compile("\\d{2}/\\d{2}/\\d{4}"));
		}
		Browser.screenshot(this.page, "plan-versions");
		versions.locator("a", new Locator.LocatorOptions().setHasText("1")).first().click();
		this.page.waitForURL("**/plans/" + CODE + "/versions/1");
		assertThat(this.page.locator("#version-banner")).containsText("1");
		var first = this.page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText("TH-01"));
		assertThat(first).containsText("≥ 90 %");
		assertThat(first).not().containsText("≥ 95 %");
		Browser.screenshot(this.page, "plan-version-1");
		assertThat(this.jdbc.queryForList("select status from plan where code = ? order by number", String.class, CODE))
			.hasSize(2)
			.last()
			.isEqualTo("PUBLISHED");
	}

	/** The downloaded empty workbook filled in with the plan, the ratio as given. */
	private byte[] workbook(String[] ratio) {
		assertThat(this.empty).as("the empty workbook was downloaded in step 1").isNotNull();
		return PlanWorkbookFiles.fill(this.empty, HEADER, List.of(ratio, SHARE, MILESTONES), List.of());
	}

	private void upload(byte[] workbook, String name) {
		this.page.locator("#file")
			.setInputFiles(new FilePayload(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					workbook));
		this.page.locator("#upload").click();
	}

	/**
	 * Σ numerator ÷ Σ denominator × 100 over the schools whose report of the year was
	 * approved with both figures.
	 */
	private BigDecimal approvedRatio(String numerator, String denominator, String level, int startYear) {
		return this.jdbc.queryForObject("""
				select 100 * sum(n.value) / sum(d.value) from submission s
				join figure n on n.submission_id = s.id and n.metric_code = ? and n.level = ?
				join figure d on d.submission_id = s.id and d.metric_code = ? and d.level = ?
				where s.school_year = ? and s.status = 'APPROVED'""", BigDecimal.class, numerator, level, denominator,
				level, startYear);
	}

	/** "93,2 %", as the dashboard writes a percentage. */
	private static String percent(BigDecimal value) {
		return value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString().replace('.', ',') + " %";
	}

	/** A value computed, not "—". */
	private static void computed(Locator value) {
		assertThat(value).hasText(PERCENT);
	}

}
