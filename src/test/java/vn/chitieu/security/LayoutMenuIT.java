package vn.chitieu.security;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The menu each role sees: exactly its own entries (the layout reads the roles once per
 * page, {@code MenuRoles}), none of another role's, and no menu before logging in.
 */
@IntegrationTest
class LayoutMenuIT {

	private static final Pattern LINK = Pattern
		.compile("<a class=\"(?:nav-link|dropdown-item)[^\"]*\"[^>]*href=\"([^\"]+)\"");

	private static final String SETUP = "/admin/setup";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@Test
	void shouldShowEachRoleItsOwnMenu() throws Exception {
		// The set-up guide shows to the Office and the administrator while the
		// installation lacks something, to nobody else.
		boolean setup = menu(Logins.OFFICE).contains(SETUP);
		assertThat(menu(Logins.ADMIN).contains(SETUP)).isEqualTo(setup);
		assertThat(without(menu(Logins.OFFICE))).containsExactlyInAnyOrder("/", "/progress", "/plans", "/schools",
				"/wards", "/review", "/completeness", "/audit", "/admin/school-years", "/admin/organisation",
				"/account/password");
		assertThat(menu(Logins.VIEWER)).containsExactlyInAnyOrder("/", "/progress", "/plans", "/schools", "/wards",
				"/completeness", "/account/password");
		assertThat(without(menu(Logins.ADMIN))).containsExactlyInAnyOrder("/", "/schools", "/wards", "/audit",
				"/admin/users", "/admin/organisation", "/admin/backups", "/admin/api-tokens", "/account/password");
		var school = menu("th-mau-12");
		assertThat(school).contains("/", "/account/password")
			.anyMatch((href) -> href.startsWith("/schools/"))
			.doesNotContain("/progress", "/review", "/audit", "/admin/users", "/schools", "/wards", SETUP);
		var ward = menu("p-giathuy");
		assertThat(ward).contains("/", "/progress", "/account/password")
			.anyMatch((href) -> href.startsWith("/wards/"))
			.doesNotContain("/review", "/audit", "/admin/users", "/schools", "/wards", "/plans", SETUP);
	}

	@Test
	void shouldShowNoMenuBeforeLoggingIn() throws Exception {
		var html = this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(links(html)).isEmpty();
		assertThat(html).doesNotContain("/logout").doesNotContain("id=\"setup-missing\"");
	}

	private static Set<String> without(Set<String> menu) {
		var rest = new LinkedHashSet<>(menu);
		rest.remove(SETUP);
		return rest;
	}

	private Set<String> menu(String user) throws Exception {
		var html = this.mvc.perform(get("/").with(this.logins.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return links(html.substring(html.indexOf("<nav"), html.indexOf("</nav>")));
	}

	private static Set<String> links(String html) {
		var start = html.indexOf("id=\"mainNav\"");
		var links = new LinkedHashSet<String>();
		if (start < 0) {
			return links;
		}
		var matcher = LINK.matcher(html.substring(start));
		while (matcher.find()) {
			var href = matcher.group(1);
			// Not the language switch, nor a drop-down's own toggle.
			if (!href.contains("lang=") && !href.equals("#")) {
				links.add(href);
			}
		}
		return links;
	}

}
