package vn.chitieu.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, as a browser: form login with its CSRF token and session cookie,
 * friendly error pages without stack traces, logout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpIT {

	@LocalServerPort
	int port;

	FormClient client;

	@BeforeEach
	void setUp() {
		this.client = new FormClient(this.port);
	}

	@Test
	void shouldLogInThroughTheFormAndSeeTheHomePage() throws Exception {
		var response = this.client.logIn("thcs-aimo", Logins.PASSWORD);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/");
		var home = this.client.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Trường THCS Ái Mộ").contains("Dữ liệu mẫu");
	}

	@Test
	void shouldRefuseAWrongPasswordWithAClearMessage() throws Exception {
		var response = this.client.logIn("thcs-aimo", "not-the-password");
		assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/login?error");
		var page = this.client.get("/login?error");
		assertThat(page.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
	}

	@Test
	void shouldShowFriendlyErrorPagesWithoutStackTraces() throws Exception {
		this.client.logIn("thcs-aimo", Logins.PASSWORD);
		var forbidden = this.client.get("/plans");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("Không có quyền truy cập").doesNotContain("Exception");
		setUp();
		this.client.logIn(Logins.OFFICE, Logins.PASSWORD);
		var missing = this.client.get("/plans/NO-SUCH-PLAN");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Không tìm thấy trang")
			.doesNotContain("Exception")
			.doesNotContain("at vn.");
		var english = this.client.get("/plans/NO-SUCH-PLAN?lang=en");
		assertThat(english.body()).contains("Page not found");
	}

}
