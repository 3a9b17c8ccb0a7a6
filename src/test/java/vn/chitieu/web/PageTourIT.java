package vn.chitieu.web;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chitieu.testsupport.Browser;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page each role can reach, at a laptop's width (1366 px) and a phone's (390 px),
 * in a real Chromium: each fits its window (no sideways scrolling of the page; a wide
 * table scrolls inside its own box) and axe-core finds no serious or critical
 * accessibility violation on it. The tour follows the links of the navigation and of the
 * pages themselves from the home page, one page of each kind (the form of one school, not
 * of every school), reading only: it follows links, never submits a form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageTourIT {

	/**
	 * A primary school whose 2024-2025 report is a draft that no other test touches, so
	 * its form can be typed in; and a ward.
	 */
	private static final String SCHOOL = "th-mau-21";

	private static final String WARD = "p-bode";

	/**
	 * A page of each kind is enough; this bounds a tour that a new link would lengthen.
	 */
	private static final int MOST_PAGES = 80;

	/** Files, not pages; and the links that change something or switch the language. */
	private static final Pattern NOT_A_PAGE = Pattern.compile(
			"\\.(xlsx|pdf|csv|zip|sql|dump|gz)$|^/logout|^/api/|^/admin/backups/.+|^/session/|^/webjars/|^/css/|^/js/");

	private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void launch() {
		this.browser = Browser.launch("http://localhost:" + this.port).checkOnlyWhenAsked();
	}

	@AfterAll
	void close() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	static Stream<Arguments> rolesAndWidths() {
		return Stream.of(Logins.ADMIN, Logins.OFFICE, Logins.VIEWER, SCHOOL, WARD)
			.flatMap((user) -> Stream.of(Arguments.of(user, Browser.DESKTOP), Arguments.of(user, Browser.PHONE)));
	}

	@ParameterizedTest(name = "{0} at {1} px")
	@MethodSource("rolesAndWidths")
	void everyPageTheRoleCanReachFitsTheWindowAndPassesAxe(String user, int width) {
		var page = this.browser.logIn(user, Logins.PASSWORD, width);
		try {
			var problems = new ArrayList<String>();
			var visited = tour(page, user, width, problems);
			assertThat(visited).as("pages %s reached at %d px", user, width).hasSizeGreaterThan(3);
			assertThat(problems).as("problems on the pages %s reached at %d px: %s", user, width, visited).isEmpty();
		}
		finally {
			page.context().close();
		}
	}

	private List<String> tour(Page page, String user, int width, List<String> problems) {
		var origin = URI.create("http://localhost:" + this.port);
		var queue = new ArrayDeque<String>(List.of("/"));
		var kinds = new HashSet<String>();
		kinds.add(kind("/"));
		var visited = new ArrayList<String>();
		while (!queue.isEmpty() && visited.size() < MOST_PAGES) {
			var path = queue.removeFirst();
			var response = page.navigate(path);
			visited.add(path);
			if (response == null || response.status() >= 400) {
				problems.add(path + " at " + width + " px: answered "
						+ ((response != null) ? response.status() : "nothing") + " to a link " + user + " was shown");
				continue;
			}
			problems.addAll(Browser.problems(page));
			// One page of this kind a tour: the school's form, for the README.
			if (SCHOOL.equals(user) && width == Browser.PHONE && path.matches("/schools/\\d+/figures/.+")) {
				Browser.screenshot(page, "form-phone");
			}
			@SuppressWarnings("unchecked")
			var links = (List<String>) page
				.evaluate("() => [...document.querySelectorAll('nav a[href], main a[href]')].map((a) => a.href)");
			for (var link : links) {
				var next = samePage(origin, link);
				if (next != null && kinds.add(kind(next))) {
					queue.addLast(next);
				}
			}
		}
		return visited;
	}

	/**
	 * @return the link's path and query when it is a page of the application, else null
	 */
	private static String samePage(URI origin, String link) {
		var uri = URI.create(link);
		if (!origin.getHost().equals(uri.getHost()) || origin.getPort() != uri.getPort()) {
			return null;
		}
		var path = uri.getRawPath();
		var query = uri.getRawQuery();
		if (path == null || path.isEmpty() || NOT_A_PAGE.matcher(path).find()
				|| (query != null && query.contains("lang="))) {
			return null;
		}
		return (query != null) ? path + "?" + query : path;
	}

	/**
	 * A page's kind: its path with every segment holding a digit (an id, a year, a code)
	 * as {@code *}, and the names of its parameters.
	 */
	private static String kind(String pathAndQuery) {
		var parts = pathAndQuery.split("\\?", 2);
		var path = Arrays.stream(parts[0].split("/"))
			.map((segment) -> HAS_DIGIT.matcher(segment).matches() ? "*" : segment)
			.collect(Collectors.joining("/"));
		if (parts.length == 1) {
			return path;
		}
		Set<String> names = Arrays.stream(parts[1].split("&"))
			.map((p) -> p.split("=", 2)[0].toLowerCase(Locale.ROOT))
			.collect(Collectors.toCollection(java.util.TreeSet::new));
		return path + "?" + String.join("&", names);
	}

}
