package vn.chitieu.web;

import java.math.BigDecimal;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.testsupport.Browser;
import vn.chitieu.testsupport.Logins;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people of one school edit its form at the same time, each in a browser window of
 * their own (real Chromium): the second save is refused, the form shows the colleague's
 * new value where this user changed nothing, saving it again keeps the colleague's value;
 * a figure both changed is shown side by side and must be chosen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentEditingJourneyIT {

	/** A primary school of the sample district that only this test touches. */
	private static final String SCHOOL = "TH-MAU-17";

	private static final String USER = "th-mau-17";

	private static final String SAVE = "#figures-form button[name=action][value=save]";

	@LocalServerPort
	int port;

	@Autowired
	OrgUnits units;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	long unitId;

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
		this.unitId = this.units.unitByCode(SCHOOL).orElseThrow().id();
	}

	@AfterAll
	void close() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void twoPeopleSavingTheSameFormNeverUndoEachOthersChanges() {
		this.jdbc.update("delete from submission where unit_id = ? and school_year = 2024", this.unitId);
		var path = "/schools/" + this.unitId + "/figures/2024-2025";
		var mine = this.browser.logIn(USER, Logins.PASSWORD, width());
		var colleague = this.browser.logIn(USER, Logins.PASSWORD, width());
		mine.navigate(path);
		mine.locator("#f-TH-pupils").fill("48");
		mine.locator("#f-TH-classes").fill("30");
		mine.locator("#f-TH-teachers").fill("40");
		save(mine);
		assertThat(mine.locator(".alert-success")).isVisible();

		// Both open the form; the colleague corrects the pupils, then this user the
		// classes.
		mine.navigate(path);
		colleague.navigate(path);
		colleague.locator("#f-TH-pupils").fill("49");
		save(colleague);
		assertThat(colleague.locator(".alert-success")).isVisible();
		mine.locator("#f-TH-classes").fill("31");
		save(mine);
		assertThat(mine.locator("#conflict")).containsText("sau khi bạn mở trang này");
		assertThat(mine.locator("#f-TH-pupils")).hasValue("49");
		assertThat(mine.locator("#f-TH-classes")).hasValue("31");
		screenshot(mine, "conflict-merged");
		// Saving as the message invites keeps the colleague's 49.
		save(mine);
		assertThat(mine.locator(".alert-success")).isVisible();
		assertThat(figure("pupils")).isEqualByComparingTo("49");
		assertThat(figure("classes")).isEqualByComparingTo("31");

		// Both change the teachers: nothing is saved until this user chooses.
		colleague.navigate(path);
		mine.navigate(path);
		colleague.locator("#f-TH-teachers").fill("41");
		save(colleague);
		assertThat(colleague.locator(".alert-success")).isVisible();
		mine.locator("#f-TH-teachers").fill("42");
		save(mine);
		assertThat(mine.locator(".conflict-choice")).containsText("Giữ giá trị của bạn: 42");
		assertThat(mine.locator(".conflict-choice")).containsText("Giữ giá trị " + USER + " đã lưu: 41");
		screenshot(mine, "conflict-choose");
		save(mine);
		assertThat(mine.locator("#problems")).containsText("Chưa lưu được");
		assertThat(mine.locator("#f-TH-teachers-msg")).containsText("hãy chọn giá trị giữ lại");
		assertThat(figure("teachers")).isEqualByComparingTo("41");
		mine.locator("#f-TH-teachers-theirs").check();
		save(mine);
		assertThat(mine.locator(".alert-success")).isVisible();
		assertThat(figure("teachers")).isEqualByComparingTo("41");
		assertThat(figure("pupils")).isEqualByComparingTo("49");
	}

	private static void save(Page page) {
		page.waitForNavigation(() -> page.locator(SAVE).click());
	}

	private BigDecimal figure(String metric) {
		return this.jdbc.queryForObject("""
				select f.value from figure f join submission s on s.id = f.submission_id
				where s.unit_id = ? and s.school_year = 2024 and f.metric_code = ? and f.level = 'TH'""",
				BigDecimal.class, this.unitId, metric);
	}

}
