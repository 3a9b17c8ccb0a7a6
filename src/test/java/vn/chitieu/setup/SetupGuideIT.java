package vn.chitieu.setup;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * On the sample district everything is set up: the guide says so, no page shows the
 * banner; only the Office and the administrator open the guide.
 */
@IntegrationTest
class SetupGuideIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void shouldShowTheSampleDistrictAsSetUpWithoutABanner() throws Exception {
		var logins = new Logins(this.userDetails);
		// Another test may have opened a year without a deadline: the guide must say so.
		boolean deadlinesSet = this.jdbc.queryForObject(
				"""
						select count(*) from school_year
						where open and deadline is null and deadline_mn is null and deadline_th is null and deadline_thcs is null
						""",
				Long.class) == 0;
		for (var user : List.of(Logins.OFFICE, Logins.ADMIN)) {
			var guide = this.mvc.perform(get("/admin/setup").with(logins.as(user)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			for (var step : List.of("ORGANISATION", "WARDS", "SCHOOLS", "USERS", "SCHOOL_YEAR")) {
				assertThat(guide).as(step).contains("id=\"step-" + step + "\" data-done=\"true\"");
			}
			assertThat(guide).contains("Đã có 14 phường")
				.contains("id=\"step-DEADLINE\" data-done=\"" + deadlinesSet + "\"");
			if (deadlinesSet) {
				assertThat(guide).contains("id=\"setup-complete\"");
				for (var page : List.of("/", "/schools", "/admin/organisation")) {
					var body = this.mvc.perform(get(page).with(logins.as(user)))
						.andReturn()
						.getResponse()
						.getContentAsString();
					assertThat(body).as(page).doesNotContain("setup-missing").doesNotContain("setup-in-progress");
				}
			}
		}
		assertThat(this.mvc.perform(get("/").with(logins.as(Logins.ADMIN))).andReturn().getResponse().getStatus())
			.as("the administrator's home, not the guide")
			.isEqualTo(200);
		for (var user : List.of(Logins.VIEWER, "thcs-aimo", "p-bode")) {
			this.mvc.perform(get("/admin/setup").with(logins.as(user))).andExpect(status().isForbidden());
			var home = this.mvc.perform(get("/").with(logins.as(user))).andReturn().getResponse().getContentAsString();
			assertThat(home).doesNotContain("setup-in-progress").doesNotContain("setup-missing");
		}
	}

}
