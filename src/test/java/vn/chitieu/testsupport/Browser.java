package vn.chitieu.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Chromium driven by Playwright, for the browser journeys. The system's Chromium
 * is used when there is one ({@code CHITIEU_CHROMIUM}, else {@code /usr/bin/chromium} and
 * its usual other names; {@code .ci/run} installs Debian's); otherwise Playwright
 * downloads its own, as it does on a developer's laptop. The tests never skip for want of
 * a browser.
 * <p>
 * Every page a journey loads is checked ({@link #problems(Page)}): it must fit the width
 * of the window, and axe-core must find no serious or critical accessibility violation.
 * What a check finds is logged at once and fails the journey when the browser is closed;
 * {@link #check(Page)} fails at once. The journeys and the page tour run at
 * {@link #DESKTOP} width and at {@link #PHONE} width.
 */
public final class Browser implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Browser.class);

	private static final List<String> SYSTEM_CHROMIUMS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

	/** Where the journeys' screenshots go. */
	public static final Path SCREENSHOTS = Path.of("target", "journeys");

	/** A laptop's window. */
	public static final int DESKTOP = 1366;

	/** A phone's window. */
	public static final int PHONE = 390;

	/** axe-core's script, from the axe-core Playwright jar (test scope). */
	private static final String AXE = axeScript();

	/**
	 * The document's width against the window's; when wider, the element sticking out
	 * furthest that is not inside a scrolling box.
	 */
	private static final String WIDTH_CHECK = """
			() => {
			  const width = window.innerWidth;
			  const scroll = document.documentElement.scrollWidth;
			  if (scroll <= width) { return null; }
			  const scrolls = (el) => {
			    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement;
			         a = a.parentElement) {
			      const o = getComputedStyle(a).overflowX;
			      if (o !== 'visible') { return true; }
			    }
			    return false;
			  };
			  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
			      + (el.classList.length ? '.' + [...el.classList].join('.') : '');
			  let widest = null;
			  let right = width;
			  for (const el of document.body.querySelectorAll('*')) {
			    const r = el.getBoundingClientRect();
			    if (r.width > 0 && r.right > right + 0.5 && !scrolls(el)) { right = r.right; widest = el; }
			  }
			  // Positioned out of its scrolling box (an absolute element whose containing block is
			  // outside the box).
			  for (const el of (widest ? [] : document.body.querySelectorAll('*'))) {
			    const r = el.getBoundingClientRect();
			    const position = getComputedStyle(el).position;
			    if ((position === 'absolute' || position === 'fixed') && r.right > right + 0.5) {
			      right = r.right; widest = el;
			    }
			  }
			  let path = '';
			  for (let a = widest; a && a !== document.body; a = a.parentElement) {
			    path = name(a) + (path ? ' > ' + path : '');
			  }
			  return 'the page is ' + scroll + ' px wide in a ' + width + ' px window; widest: '
			      + (widest ? path + ' (right edge at ' + Math.round(right) + ' px, text "'
			         + (widest.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60) + '")' : '?');
			}
			""";

	/** axe-core's serious and critical violations, one line each. */
	private static final String AXE_CHECK = """
			async () => {
			  const result = await axe.run(document, { resultTypes: ['violations'] });
			  return result.violations
			    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
			    .map((v) => v.id + ' (' + v.impact + ', ' + v.nodes.length + ' element'
			        + (v.nodes.length > 1 ? 's' : '') + '): ' + v.help + ' - '
			        + v.nodes.slice(0, 5).map((n) => n.target.join(' ')
			          + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 160) + ']' : ''))
			          .join('; '));
			}
			""";

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser chromium;

	private final String baseUrl;

	/** What the checks of the pages loaded so far found, once each. */
	private final LinkedHashSet<String> problems = new LinkedHashSet<>();

	private boolean checkEveryPage = true;

	private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium, String baseUrl) {
		this.playwright = playwright;
		this.chromium = chromium;
		this.baseUrl = baseUrl;
	}

	/**
	 * Starts a headless Chromium.
	 * @param baseUrl the application's address, e.g. {@code http://localhost:8080}
	 * @return the browser
	 */
	public static Browser launch(String baseUrl) {
		var system = systemChromium();
		var env = new HashMap<String, String>();
		system.ifPresent((path) -> env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
		var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
		var options = new BrowserType.LaunchOptions().setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
					"--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync"));
		system.ifPresent((path) -> options.setExecutablePath(Path.of(path)));
		log.info("Browser journeys in {}", system.orElse("Playwright's own Chromium"));
		try {
			return new Browser(playwright, playwright.chromium().launch(options), baseUrl);
		}
		catch (RuntimeException ex) {
			playwright.close();
			throw ex;
		}
	}

	private static Optional<String> systemChromium() {
		var configured = System.getenv("CHITIEU_CHROMIUM");
		return Stream.concat(Stream.ofNullable(configured), SYSTEM_CHROMIUMS.stream())
			.filter((path) -> Files.isExecutable(Path.of(path)))
			.findFirst();
	}

	/**
	 * A new page in a window of its own (its own cookies, so its own login), as a user in
	 * Vietnam would open it, {@link #DESKTOP} pixels wide.
	 * @return the page
	 */
	public Page newPage() {
		return newPage(DESKTOP);
	}

	/**
	 * A new page in a window of its own, of the given width.
	 * @param width the window's width in CSS pixels, e.g. {@link #PHONE}
	 * @return the page
	 */
	public Page newPage(int width) {
		BrowserContext context = this.chromium
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL(this.baseUrl)
				.setLocale("vi-VN")
				.setTimezoneId("Asia/Ho_Chi_Minh")
				.setViewportSize(width, (width <= PHONE) ? 844 : 900)
				.setAcceptDownloads(true));
		// Every page load runs axe-core in the page, which on a long page (the dashboard)
		// holds the page's thread for seconds on a busy machine: an action waiting for it
		// gets more than the 15 s it had before.
		context.setDefaultTimeout(45_000);
		// Through the browser's protocol, so the application's Content-Security-Policy
		// (no inline script) lets it run.
		context.addInitScript(AXE);
		var page = context.newPage();
		if (this.checkEveryPage) {
			page.onLoad(this::checkQuietly);
		}
		return page;
	}

	/**
	 * Pages opened from now on are not checked on every load: the caller calls
	 * {@link #check(Page)} itself (the page tour, which checks each page once).
	 * @return this browser
	 */
	public Browser checkOnlyWhenAsked() {
		this.checkEveryPage = false;
		return this;
	}

	/**
	 * Checks the page now.
	 * @param page the page, loaded
	 * @throws AssertionError naming what is wrong and where
	 */
	public static void check(Page page) {
		var found = problems(page);
		if (!found.isEmpty()) {
			throw new AssertionError(String.join("\n", found));
		}
	}

	/**
	 * What is wrong with a page: wider than the window (naming the widest element), and
	 * axe-core's serious and critical violations (rule, impact, selectors).
	 * @param page the page, loaded
	 * @return one line a problem, each starting with the page's address and window width;
	 * empty when none
	 */
	@SuppressWarnings("unchecked")
	public static List<String> problems(Page page) {
		var where = page.url().replaceFirst("^https?://[^/]+", "") + " at " + page.viewportSize().width + " px: ";
		var found = new ArrayList<String>();
		var width = (String) page.evaluate(WIDTH_CHECK);
		if (width != null) {
			found.add(where + width);
		}
		for (var violation : (List<Object>) page.evaluate(AXE_CHECK)) {
			found.add(where + "axe " + violation);
		}
		return found;
	}

	private void checkQuietly(Page page) {
		try {
			var found = problems(page);
			found.forEach((problem) -> log.error("Page check: {}", problem));
			synchronized (this.problems) {
				this.problems.addAll(found);
			}
		}
		catch (PlaywrightException ex) {
			// The page went on to another (a form posted, a redirect) or was closed while
			// being checked: the next page is checked in its turn.
			log.debug("Page check cut short: {}", ex.getMessage());
		}
	}

	/**
	 * @return what the checks of the pages loaded so far found
	 */
	public List<String> problems() {
		synchronized (this.problems) {
			return List.copyOf(this.problems);
		}
	}

	/**
	 * Opens the login page and logs in.
	 * @param username the user
	 * @param password the password
	 * @return the page, on the user's home page
	 */
	public Page logIn(String username, String password) {
		return logIn(username, password, DESKTOP);
	}

	/**
	 * Opens the login page in a window of the given width and logs in.
	 * @param username the user
	 * @param password the password
	 * @param width the window's width, e.g. {@link #PHONE}
	 * @return the page, on the user's home page
	 */
	public Page logIn(String username, String password, int width) {
		var page = newPage(width);
		page.navigate("/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("form button[type=submit]").click();
		page.waitForURL(this.baseUrl + "/");
		return page;
	}

	/**
	 * Saves a screenshot of what the window shows (e.g. 1366 × 900) under
	 * {@link #SCREENSHOTS}.
	 * @param page the page
	 * @param name the file's name, without extension
	 */
	public static void screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
	}

	private static String axeScript() {
		try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Closes the browser.
	 * @throws AssertionError when a page loaded was wider than its window or had a
	 * serious or critical accessibility violation
	 */
	@Override
	public void close() {
		try {
			this.chromium.close();
		}
		finally {
			this.playwright.close();
		}
		var found = problems();
		if (!found.isEmpty()) {
			throw new AssertionError(found.size() + " page check(s) failed:\n" + String.join("\n", found));
		}
	}

}
