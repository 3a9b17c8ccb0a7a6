package vn.chitieu.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Chromium driven by Playwright, for the browser journeys. The system's Chromium
 * is used when there is one ({@code CHITIEU_CHROMIUM}, else {@code /usr/bin/chromium} and
 * its usual other names; {@code .ci/run} installs Debian's); otherwise Playwright
 * downloads its own, as it does on a developer's laptop. The tests never skip for want of
 * a browser.
 */
public final class Browser implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Browser.class);

	private static final List<String> SYSTEM_CHROMIUMS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

	/** Where the journeys' screenshots go. */
	public static final Path SCREENSHOTS = Path.of("target", "journeys");

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser chromium;

	private final String baseUrl;

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
	 * Vietnam would open it.
	 * @return the page
	 */
	public Page newPage() {
		BrowserContext context = this.chromium
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL(this.baseUrl)
				.setLocale("vi-VN")
				.setTimezoneId("Asia/Ho_Chi_Minh")
				.setViewportSize(1280, 900)
				.setAcceptDownloads(true));
		context.setDefaultTimeout(15_000);
		return context.newPage();
	}

	/**
	 * Opens the login page and logs in.
	 * @param username the user
	 * @param password the password
	 * @return the page, on the user's home page
	 */
	public Page logIn(String username, String password) {
		var page = newPage();
		page.navigate("/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("form button[type=submit]").click();
		page.waitForURL(this.baseUrl + "/");
		return page;
	}

	/**
	 * Saves a screenshot of what the window shows (1280 × 900) under
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

	@Override
	public void close() {
		try {
			this.chromium.close();
		}
		finally {
			this.playwright.close();
		}
	}

}
