package vn.chitieu.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import vn.chitieu.dataentry.FigureForms;
import vn.chitieu.dataentry.FigureInput;
import vn.chitieu.dataentry.FigureKey;
import vn.chitieu.dataentry.SaveMode;
import vn.chitieu.dataentry.SaveOutcome;
import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.testsupport.Browser;
import vn.chitieu.testsupport.FormSupport;
import vn.chitieu.testsupport.Logins;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autosave in real Chromium: a figure is saved as a draft when the user leaves its field,
 * by the same save as the form's: another window sees it after a reload, an autosave made
 * on a form someone else has saved since ends on the merge page of a full save, and a
 * value typed just before pressing "Gửi" is sent with the report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutosaveJourneyIT {

	/** A primary school of the sample district that only this test touches. */
	private static final String SCHOOL = "TH-MAU-19";

	private static final String USER = "th-mau-19";

	@LocalServerPort
	int port;

	@Autowired
	OrgUnits units;

	@Autowired
	FigureForms forms;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	FormSupport support;

	String path;

	/**
	 * The window's width; the phone's subclass runs the same journeys at
	 * {@link Browser#PHONE}.
	 * @return the width in CSS pixels
	 */
	protected int width() {
		return Browser.DESKTOP;
	}

	/** A screenshot of the window; on a phone the name ends in {@code -phone}. */
	private void screenshot(Page page, String name) {
		Browser.screenshot(page, (width() == Browser.DESKTOP) ? name : name + "-phone");
	}

	@BeforeAll
	void launch() {
		this.browser = Browser.launch("http://localhost:" + this.port);
		this.support = new FormSupport(this.units, this.forms, this.users, this.jdbc);
		this.path = "/schools/" + this.support.id(SCHOOL) + "/figures/2024-2025";
	}

	@BeforeEach
	void reset() {
		this.support.reset(SCHOOL);
	}

	@AfterAll
	void close() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void aFigureSavedOnLeavingItsFieldAppearsInAnotherWindowWithoutTouchingTheDataVersion() {
		long dataVersion = dataVersion();
		var mine = this.browser.logIn(USER, Logins.PASSWORD, width());
		var other = this.browser.logIn(USER, Logins.PASSWORD, width());
		mine.navigate(this.path);
		other.navigate(this.path);
		mine.locator("#f-TH-pupils").fill("1234");
		mine.locator("#f-TH-pupils").press("Tab");
		assertThat(mine.locator("#autosave-status")).containsText("Đã lưu lúc");
		assertThat(figure("pupils")).isEqualByComparingTo("1234");
		assertThat(status()).isEqualTo("DRAFT");
		// A second field, on the version the first save brought back: no conflict.
		mine.locator("#f-TH-classes").fill("30");
		mine.locator("#f-TH-classes").press("Tab");
		assertThat(figure("classes")).isEqualByComparingTo("30");
		assertThat(mine.locator("#autosave-status")).containsText("Đã lưu lúc");
		screenshot(mine, "autosave-saved");

		other.reload();
		// Grouped by thousands, as staff write it.
		assertThat(other.locator("#f-TH-pupils")).hasValue("1.234");
		assertThat(other.locator("#f-TH-classes")).hasValue("30");
		assertThat(dataVersion()).as("a draft does not change what the dashboards count").isEqualTo(dataVersion);

		// A value that cannot be read is not saved, and the server says why beside it.
		mine.locator("#f-TH-teachers").fill("12a");
		mine.locator("#f-TH-teachers").press("Tab");
		assertThat(mine.locator("#f-TH-teachers-msg .autosave-check")).containsText("Chỉ nhập số");
		assertThat(mine.locator("#autosave-status")).containsText("chưa lưu được");
		assertThat(figureOrNull("teachers")).isNull();
	}

	@Test
	void anAutosaveOnAFormSomeoneElseSavedEndsOnTheMergePage() {
		var mine = this.browser.logIn(USER, Logins.PASSWORD, width());
		var colleague = this.browser.logIn(USER, Logins.PASSWORD, width());
		mine.navigate(this.path);
		colleague.navigate(this.path);
		colleague.locator("#f-TH-pupils").fill("49");
		colleague.locator("#f-TH-pupils").press("Tab");
		assertThat(colleague.locator("#autosave-status")).containsText("Đã lưu lúc");

		// This user's form was loaded before the colleague's save.
		mine.locator("#f-TH-classes").fill("31");
		mine.waitForNavigation(() -> mine.locator("#f-TH-classes").press("Tab"));
		assertThat(mine.locator("#conflict")).containsText("sau khi bạn mở trang này");
		assertThat(mine.locator("#f-TH-pupils")).hasValue("49");
		assertThat(mine.locator("#f-TH-classes")).hasValue("31");
		assertThat(figureOrNull("classes")).as("nothing of this user's saved yet").isNull();
		screenshot(mine, "autosave-conflict");
		mine.waitForNavigation(() -> mine.locator("#figures-form button[name=action][value=save]").click());
		assertThat(mine.locator(".alert-success")).isVisible();
		assertThat(figure("pupils")).isEqualByComparingTo("49");
		assertThat(figure("classes")).isEqualByComparingTo("31");
	}

	@Test
	void aValueTypedJustBeforeSubmittingIsSentWithTheReport() {
		// Everything filled in but the teachers.
		var values = new java.util.LinkedHashMap<>(this.support.complete(SCHOOL));
		var teachers = new FigureKey("teachers", EducationLevel.TH);
		var last = values.get(teachers);
		values.put(teachers, "");
		var saved = this.forms.save(this.support.user(USER), this.support.id(SCHOOL), FormSupport.YEAR,
				new FigureInput(values, Map.of(), -1, Instant.now()), SaveMode.DRAFT);
		assertThat(saved).isInstanceOf(SaveOutcome.Saved.class);

		var page = this.browser.logIn(USER, Logins.PASSWORD, width());
		page.navigate(this.path);
		page.onDialog((dialog) -> dialog.accept());
		page.locator("#f-TH-teachers").fill(last);
		// Straight from the field to the button: the autosave and the submission race.
		page.waitForNavigation(() -> page.locator("#figures-form button[name=action][value=submit]").click());
		assertThat(page.locator(".alert-success")).containsText("Đã gửi báo cáo");
		assertThat(status()).isEqualTo("SUBMITTED");
		assertThat(figure("teachers")).isEqualByComparingTo(last);
	}

	@Test
	void aFigureFarFromLastYearsAsksForAnExplanationAsSoonAsItIsAutosaved() {
		var last = this.jdbc.queryForObject("""
				select f.value from figure f join submission s on s.id = f.submission_id
				where s.unit_id = ? and s.school_year = 2023 and f.metric_code = 'land_area_m2' and f.level = 'TH'""",
				BigDecimal.class, this.support.id(SCHOOL));
		assertThat(last).isGreaterThan(BigDecimal.valueOf(1000));
		// Hectares typed where square metres are asked: "14,773" for 14.773.
		var odd = last.movePointLeft(3).setScale(1, java.math.RoundingMode.HALF_UP);
		var page = this.browser.logIn(USER, Logins.PASSWORD, width());
		page.navigate(this.path);
		var land = page.locator("#f-TH-land_area_m2");
		var explanation = page.locator("#f-TH-land_area_m2-explanation");
		assertThat(explanation).hasCount(0);
		land.fill(odd.toPlainString().replace('.', ','));
		land.press("Tab");
		assertThat(page.locator("#autosave-status")).containsText("Đã lưu lúc");
		// At once, without reloading: why it looks wrong, and a place to say it is right.
		assertThat(page.locator("#f-TH-land_area_m2-msg .plausibility-warning").first())
			.containsText("Khác xa năm trước");
		assertThat(explanation).isVisible();
		assertThat(page.getByLabel("Giải thích (vì sao số liệu này đúng)")).hasAttribute("name", "e.TH.land_area_m2");
		Browser.check(page);
		screenshot(page, "autosave-plausibility");

		var words = "Đo lại theo giấy chứng nhận mới";
		explanation.fill(words);
		explanation.press("Tab");
		for (int i = 0; i < 50 && explanationStored() == null; i++) {
			sleep();
		}
		assertThat(explanationStored()).as("the explanation, saved on leaving its field").isEqualTo(words);
		page.reload();
		assertThat(page.locator("#f-TH-land_area_m2-explanation")).hasValue(words);

		// Corrected: the warning goes, and its box with it.
		page.locator("#f-TH-land_area_m2").fill(last.toPlainString().replace('.', ','));
		page.locator("#f-TH-land_area_m2").press("Tab");
		assertThat(page.locator("#autosave-status")).containsText("Đã lưu lúc");
		assertThat(page.locator("#f-TH-land_area_m2-msg .plausibility-warning")).hasCount(0);
		assertThat(page.locator("#f-TH-land_area_m2-explanation")).isHidden();
	}

	private String explanationStored() {
		return this.jdbc.queryForList("""
				select e.explanation from figure_explanation e join submission s on s.id = e.submission_id
				where s.unit_id = ? and s.school_year = 2024 and e.metric_code = 'land_area_m2' and e.level = 'TH'""",
				String.class, this.support.id(SCHOOL))
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** A figure, waiting a little for an autosave still on its way. */
	private BigDecimal figure(String metric) {
		var value = figureOrNull(metric);
		for (int i = 0; value == null && i < 50; i++) {
			sleep();
			value = figureOrNull(metric);
		}
		assertThat(value).as(metric).isNotNull();
		return value;
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private BigDecimal figureOrNull(String metric) {
		return this.jdbc
			.queryForList("""
					select f.value from figure f join submission s on s.id = f.submission_id
					where s.unit_id = ? and s.school_year = 2024 and f.metric_code = ? and f.level = 'TH'""",
					BigDecimal.class, this.support.id(SCHOOL), metric)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private String status() {
		return this.jdbc.queryForObject("select status from submission where unit_id = ? and school_year = 2024",
				String.class, this.support.id(SCHOOL));
	}

	private long dataVersion() {
		return this.jdbc.queryForObject("select coalesce(sum(n), 0) from data_version", Long.class);
	}

}
