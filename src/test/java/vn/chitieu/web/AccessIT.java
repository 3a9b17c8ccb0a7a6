package vn.chitieu.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who reaches which page: a school or ward user only their own unit, never the Office's
 * pages; the Office everything but administration.
 */
@IntegrationTest
class AccessIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	OrgUnits units;

	Logins logins;

	long aiMo;

	long boDe;

	long wardBoDe;

	long wardGiaThuy;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
		this.aiMo = this.units.schoolByCode("THCS-AIMO").orElseThrow().id();
		this.boDe = this.units.schoolByCode("THCS-BODE").orElseThrow().id();
		this.wardBoDe = this.units.unitByCode("P-BODE").orElseThrow().id();
		this.wardGiaThuy = this.units.unitByCode("P-GIATHUY").orElseThrow().id();
	}

	@Test
	void shouldLetASchoolUserOpenItsOwnSchoolOnly() throws Exception {
		var school = this.logins.as("thcs-aimo");
		this.mvc.perform(get("/schools/{id}", this.aiMo).with(school))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Trường THCS Ái Mộ")));
		this.mvc.perform(get("/schools/{id}", this.boDe).with(school)).andExpect(status().isForbidden());
		this.mvc.perform(get("/wards/{id}", this.wardBoDe).with(school)).andExpect(status().isForbidden());
		// An id that is no school at all is refused the same way: ids reveal nothing.
		this.mvc.perform(get("/schools/{id}", 999_999).with(school)).andExpect(status().isForbidden());
	}

	@Test
	void shouldKeepASchoolUserOutOfTheOfficesPages() throws Exception {
		var school = this.logins.as("thcs-aimo");
		for (var page : new String[] { "/plans", "/plans/KH-157-UBND-2022", "/plans/KH-157-UBND-2022/indicators/MN-01",
				"/plans/import", "/schools", "/wards", "/admin/users" }) {
			this.mvc.perform(get(page).with(school)).andExpect(status().isForbidden());
		}
		this.mvc.perform(multipart("/plans/import").file("file", new byte[] { 1 }).with(school).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldLetAWardUserOpenItsOwnWardOnly() throws Exception {
		var ward = this.logins.as("p-bode");
		this.mvc.perform(get("/wards/{id}", this.wardBoDe).with(ward)).andExpect(status().isOk());
		this.mvc.perform(get("/wards/{id}", this.wardGiaThuy).with(ward)).andExpect(status().isForbidden());
		this.mvc.perform(get("/schools/{id}", this.aiMo).with(ward)).andExpect(status().isForbidden());
		this.mvc.perform(get("/plans").with(ward)).andExpect(status().isForbidden());
	}

	@Test
	void shouldLetTheOfficeSeeEverythingButAdministration() throws Exception {
		var office = this.logins.as(Logins.OFFICE);
		for (var page : new String[] { "/", "/plans", "/plans/KH-157-UBND-2022", "/plans/KH-NH-2019-2020",
				"/plans/KH-157-UBND-2022/indicators/THCS-06", "/plans/import", "/schools", "/wards",
				"/schools/" + this.aiMo, "/schools/" + this.boDe, "/wards/" + this.wardBoDe,
				"/wards/" + this.wardGiaThuy }) {
			this.mvc.perform(get(page).with(office)).andExpect(status().isOk());
		}
		this.mvc.perform(get("/admin/users").with(office)).andExpect(status().isForbidden());
	}

	@Test
	void shouldLetALeaderReadButNotImport() throws Exception {
		var viewer = this.logins.as(Logins.VIEWER);
		this.mvc.perform(get("/plans").with(viewer)).andExpect(status().isOk());
		this.mvc.perform(get("/schools/{id}", this.aiMo).with(viewer)).andExpect(status().isOk());
		this.mvc.perform(get("/plans/import").with(viewer)).andExpect(status().isForbidden());
	}

	@Test
	void shouldLetTheAdministratorManageUsersOnly() throws Exception {
		var admin = this.logins.as(Logins.ADMIN);
		this.mvc.perform(get("/admin/users").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("thcs-aimo")));
		this.mvc.perform(get("/schools/{id}", this.aiMo).with(admin)).andExpect(status().isForbidden());
		this.mvc.perform(get("/plans").with(admin)).andExpect(status().isForbidden());
	}

	@Test
	void shouldSendAnonymousVisitorsToTheLoginPage() throws Exception {
		for (var page : new String[] { "/", "/plans", "/schools/" + this.aiMo, "/admin/users" }) {
			this.mvc.perform(get(page))
				.andExpect(status().is3xxRedirection())
				.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
		}
		this.mvc.perform(get("/login")).andExpect(status().isOk());
	}

	@Test
	void shouldLogInWithTheRightPasswordOnly() throws Exception {
		this.mvc.perform(formLogin("/login").user("thcs-aimo").password(Logins.PASSWORD)).andExpect(authenticated());
		this.mvc.perform(formLogin("/login").user("THCS-AIMO").password(Logins.PASSWORD)).andExpect(authenticated());
		this.mvc.perform(formLogin("/login").user("thcs-aimo").password("wrong-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrlPattern("/login?error*"));
	}

	@Test
	void shouldRefuseAStateChangingRequestWithoutItsCsrfToken() throws Exception {
		// A logged-in user's session holds a token (every page with a form has one); a
		// forged request from another site cannot know it.
		var session = new org.springframework.mock.web.MockHttpSession();
		this.mvc.perform(get("/login").session(session)).andExpect(status().isOk());
		var office = this.logins.as(Logins.OFFICE);
		this.mvc.perform(multipart("/plans/import").file("file", "x".getBytes()).session(session).with(office))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/account/password")
				.param("currentPassword", Logins.PASSWORD)
				.param("newPassword", "another-password")
				.param("confirmation", "another-password")
				.session(session)
				.with(office))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/logout")
				.session(session)
				.with(office))
			.andExpect(status().isForbidden());
		// Without a session at all (it ended), the request goes to the login page, which
		// says the session ended; nothing is done either way.
		this.mvc.perform(multipart("/plans/import").file("file", "x".getBytes()).with(office))
			.andExpect(redirectedUrlPattern("/login?expired"));
	}

	@Test
	void shouldSendSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("X-Content-Type-Options", "nosniff"));
	}

}
