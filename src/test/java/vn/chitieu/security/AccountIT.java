package vn.chitieu.security;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Passwords: a one-time password must be changed before anything else; a user changes
 * their own password; the first administrator never has a built-in password.
 */
@IntegrationTest
class AccountIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldMakeAUserWithATemporaryPasswordChooseANewOneFirst() throws Exception {
		var name = "test-" + UUID.randomUUID().toString().substring(0, 8);
		this.users.create(new NewUser(name, "temporary-1", "Test", Role.OFFICE, null, true), "test");
		var temporary = user(this.userDetails.loadUserByUsername(name));
		this.mvc.perform(get("/plans").with(temporary)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/account/password").with(temporary))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("mật khẩu tạm thời")));

		this.mvc
			.perform(post("/account/password").param("currentPassword", "wrong-one")
				.param("newPassword", "brand-new-1")
				.param("confirmation", "brand-new-1")
				.with(temporary)
				.with(csrf()))
			.andExpect(content().string(containsString("Mật khẩu hiện tại không đúng.")));
		this.mvc
			.perform(post("/account/password").param("currentPassword", "temporary-1")
				.param("newPassword", "brand-new-1")
				.param("confirmation", "brand-new-2")
				.with(temporary)
				.with(csrf()))
			.andExpect(content().string(containsString("Hai lần nhập mật khẩu mới không giống nhau.")));
		this.mvc
			.perform(post("/account/password").param("currentPassword", "temporary-1")
				.param("newPassword", "short")
				.param("confirmation", "short")
				.with(temporary)
				.with(csrf()))
			.andExpect(content().string(containsString("Mật khẩu mới phải có từ 8 đến 64 ký tự.")));

		this.mvc
			.perform(post("/account/password").param("currentPassword", "temporary-1")
				.param("newPassword", "brand-new-1")
				.param("confirmation", "brand-new-1")
				.with(temporary)
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("flash",
					"Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản này đã kết thúc."));
		assertThat(this.users.find(name).orElseThrow().mustChangePassword()).isFalse();
		this.mvc.perform(formLogin("/login").user(name).password("temporary-1")).andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(name).password("brand-new-1")).andExpect(authenticated());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'PASSWORD_CHANGED' and entity_id = ?", Long.class,
				name))
			.isEqualTo(1);
	}

	@Test
	@Transactional
	void shouldCreateTheFirstAdministratorFromTheEnvironment() {
		this.jdbc.update("delete from app_user where role = 'ADMIN'");
		new AdminBootstrap(this.users, new AdminProperties("chief", "chief-password-1")).run(null);
		var admin = this.users.find("chief").orElseThrow();
		assertThat(admin.role()).isEqualTo(Role.ADMIN);
		assertThat(admin.mustChangePassword()).isFalse();
		// Once an administrator exists, nothing more is created.
		new AdminBootstrap(this.users, new AdminProperties("second", "second-password")).run(null);
		assertThat(this.users.find("second")).isEmpty();
	}

	@Test
	@Transactional
	void shouldGenerateAOneTimePasswordWhenTheEnvironmentGivesNone() {
		this.jdbc.update("delete from app_user where role = 'ADMIN'");
		new AdminBootstrap(this.users, new AdminProperties("chief", "")).run(null);
		var admin = this.users.find("chief").orElseThrow();
		assertThat(admin.mustChangePassword()).isTrue();
		var hash = this.jdbc.queryForObject("select password_hash from app_user where username = 'chief'",
				String.class);
		assertThat(hash).startsWith("{bcrypt}");
	}

	@Test
	void shouldNeverStoreAPasswordInClear() {
		var hashes = this.jdbc.queryForList("select password_hash from app_user", String.class);
		assertThat(hashes).isNotEmpty()
			.allSatisfy((h) -> assertThat(h).startsWith("{bcrypt}").doesNotContain(Logins.PASSWORD));
	}

}
