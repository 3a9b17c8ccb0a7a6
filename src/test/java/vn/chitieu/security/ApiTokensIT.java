package vn.chitieu.security;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * JSON API tokens: issued on the administrator's page (shown once, only the hash stored),
 * {@code Authorization: Bearer} with the scope of the token's user, refused once revoked,
 * both audited.
 */
@IntegrationTest
class ApiTokensIT {

	private static final String PLAN = "KH-157-UBND-2022";

	private static final Pattern TOKEN = Pattern.compile("id=\"token-value\">(ctk_[A-Za-z0-9_-]{43})<");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	private String issue(String username, String name) throws Exception {
		var page = this.mvc
			.perform(post("/admin/api-tokens").param("username", username)
				.param("name", name)
				.with(this.logins.as(Logins.ADMIN))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var matcher = TOKEN.matcher(page);
		assertThat(matcher.find()).as("the token shown once on the page").isTrue();
		return matcher.group(1);
	}

	private long audited(String action, String name) {
		return this.jdbc.queryForObject("select count(*) from audit_event where action = ? and detail like ?",
				Long.class, action, "%" + name);
	}

	@Test
	void shouldReadTheApiWithATokenUntilItIsRevoked() throws Exception {
		var token = issue(Logins.VIEWER, "Hệ thống của Thành phố");
		// Only the hash is stored, and the page never shows the token again.
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class,
				ApiTokens.hash(token)))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class, token))
			.isZero();
		this.mvc.perform(get("/admin/api-tokens").with(this.logins.as(Logins.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hệ thống của Thành phố")))
			.andExpect(content().string(not(containsString(token))));
		assertThat(audited("API_TOKEN_ISSUED", "lanhdao: Hệ thống của Thành phố")).isEqualTo(1);

		this.mvc
			.perform(get("/api/v1/plans/" + PLAN + "/progress?year=2023-2024").header("Authorization",
					"Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"asOf\":\"2023-2024\"")))
			.andExpect(header().doesNotExist("Set-Cookie"));

		long id = this.jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class,
				ApiTokens.hash(token));
		this.mvc.perform(post("/admin/api-tokens/" + id + "/revoke").with(this.logins.as(Logins.ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/admin/api-tokens"));
		assertThat(audited("API_TOKEN_REVOKED", "lanhdao: Hệ thống của Thành phố")).isEqualTo(1);
		this.mvc.perform(get("/api/v1/plans").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
		// Revoking again changes nothing and records nothing.
		this.mvc.perform(post("/admin/api-tokens/" + id + "/revoke").with(this.logins.as(Logins.ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/admin/api-tokens"));
		assertThat(audited("API_TOKEN_REVOKED", "lanhdao: Hệ thống của Thành phố")).isEqualTo(1);
	}

	@Test
	void shouldRefuseAWrongTokenWithoutTryingAnythingElse() throws Exception {
		issue(Logins.OFFICE, "Bảng tính");
		this.mvc.perform(get("/api/v1/plans").header("Authorization", "Bearer ctk_" + "A".repeat(43)))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(containsString("Unknown or revoked token")));
		this.mvc.perform(get("/api/v1/plans").header("Authorization", "Bearer not-a-token"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/plans").header("Authorization", "Bearer ")).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldGiveASchoolTokenTheSchoolsScopeOnly() throws Exception {
		var token = issue("th-giathuy", "Phần mềm của trường");
		// The API covers the whole district, every school: a school's token reads none of
		// it, as the school's own login does not.
		for (var path : new String[] { "/api/v1/plans", "/api/v1/plans/" + PLAN + "/progress",
				"/api/v1/plans/" + PLAN + "/indicators/TH-04/progress" }) {
			this.mvc.perform(get(path).header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
		}
	}

	@Test
	void shouldRefuseTokensForAdministratorsAndNamelessOnes() throws Exception {
		long before = this.jdbc.queryForObject("select count(*) from api_token", Long.class);
		this.mvc
			.perform(post("/admin/api-tokens").param("username", Logins.ADMIN)
				.param("name", "x")
				.with(this.logins.as(Logins.ADMIN))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"token-error\"")));
		this.mvc
			.perform(post("/admin/api-tokens").param("username", Logins.VIEWER)
				.param("name", "  ")
				.with(this.logins.as(Logins.ADMIN))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"token-error\"")));
		this.mvc
			.perform(post("/admin/api-tokens").param("username", Logins.VIEWER)
				.param("name", "x")
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select count(*) from api_token", Long.class)).isEqualTo(before);
	}

	@Test
	void shouldKeepHttpBasicWorking() throws Exception {
		this.mvc.perform(get("/api/v1/plans")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic(Logins.VIEWER, Logins.PASSWORD)))
			.andExpect(status().isOk());
	}

}
