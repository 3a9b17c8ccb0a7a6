package vn.chitieu.dataentry;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Without a mail server ({@code spring.mail.host} unset, as in the shared test context):
 * the completeness page says reminders cannot be sent and how to set them up, offers no
 * send button, and a send is refused plainly with nothing recorded.
 */
@IntegrationTest
class ReminderWithoutMailIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void shouldSayEmailIsNotConfiguredAndRefuseToSend() throws Exception {
		var logins = new Logins(this.userDetails);
		var page = this.mvc.perform(get("/completeness").param("year", "2024-2025").with(logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"mail-not-configured\"")
			.contains("hệ thống chưa được cấu hình máy chủ thư (SMTP)")
			.contains("docs/operations.md")
			.doesNotContain("name=\"scope\"");
		long before = this.jdbc.queryForObject("select count(*) from reminder_batch", Long.class);
		this.mvc
			.perform(post("/completeness/reminders").param("year", "2024-2025")
				.param("token", UUID.randomUUID().toString())
				.param("scope", "all")
				.with(logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(redirectedUrl("/completeness?year=2024-2025#reminders"))
			.andExpect(flash().attribute("problem", containsString("chưa được cấu hình máy chủ thư")));
		assertThat(this.jdbc.queryForObject("select count(*) from reminder_batch", Long.class)).isEqualTo(before);
		// In English too.
		this.mvc
			.perform(get("/completeness").param("year", "2024-2025").param("lang", "en").with(logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("no mail server (SMTP) is configured")));
	}

}
