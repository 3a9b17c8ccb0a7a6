package vn.chitieu.web;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import vn.chitieu.security.NewUser;
import vn.chitieu.security.Role;
import vn.chitieu.security.Users;
import vn.chitieu.testsupport.FormClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy the application believes {@code X-Forwarded-*} headers only from
 * the proxy's configured address ({@code CHITIEU_TRUSTED_PROXIES}): a client that reaches
 * the application's port directly can neither escape the login throttle by inventing
 * addresses nor choose the host of redirects. Here the proxy is 10.0.0.2, and the tests
 * connect from 127.0.0.1, an address Tomcat would trust by default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.forward-headers-strategy=native", "chitieu.trusted-proxies=10.0.0.2/32" })
class ForwardedHeadersIT {

	@LocalServerPort
	int port;

	@Autowired
	Users users;

	@Autowired
	ServletWebServerApplicationContext context;

	@Test
	void shouldLockADirectClientWhateverAddressItClaimsToForward() throws Exception {
		var name = newUser();
		for (int i = 0; i < 5; i++) {
			var browser = new FormClient(this.port).header("X-Forwarded-For", "198.51.100." + (i + 1));
			assertThat(location(browser.logIn(name, "wrong-password-" + i))).endsWith("/login?error");
		}
		var browser = new FormClient(this.port).header("X-Forwarded-For", "198.51.100.99");
		assertThat(location(browser.logIn(name, "right-password-1"))).endsWith("/login?locked");
	}

	@Test
	void shouldNotLetADirectClientChooseTheHostOfRedirects() throws Exception {
		var browser = new FormClient(this.port).header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https");
		var page = browser.get("/schools");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(location(page)).contains("/login").doesNotContain("evil.example").doesNotStartWith("https:");
	}

	@Test
	void shouldBelieveTheTrustedProxyAndThrottleTheClientItNames() throws Exception {
		var valve = Arrays.stream(tomcat().getEngine().getPipeline().getValves())
			.filter(RemoteIpValve.class::isInstance)
			.map(RemoteIpValve.class::cast)
			.findFirst()
			.orElseThrow();
		var configured = valve.getInternalProxies();
		assertThat(configured).isEqualTo("10.0.0.2/32");
		valve.setInternalProxies("127.0.0.1/32");
		try {
			var redirect = new FormClient(this.port).header("X-Forwarded-Host", "chitieu.example").get("/schools");
			assertThat(location(redirect)).contains("chitieu.example");

			var name = newUser();
			for (int i = 0; i < 5; i++) {
				var browser = new FormClient(this.port).header("X-Forwarded-For", "203.0.113.7");
				assertThat(location(browser.logIn(name, "wrong-password-" + i))).endsWith("/login?error");
			}
			assertThat(location(
					new FormClient(this.port).header("X-Forwarded-For", "203.0.113.7").logIn(name, "right-password-1")))
				.endsWith("/login?locked");
			// The same user from another computer behind the proxy is not locked out.
			assertThat(location(
					new FormClient(this.port).header("X-Forwarded-For", "203.0.113.8").logIn(name, "right-password-1")))
				.endsWith("/");
		}
		finally {
			valve.setInternalProxies(configured);
		}
	}

	private org.apache.catalina.startup.Tomcat tomcat() {
		return ((TomcatWebServer) this.context.getWebServer()).getTomcat();
	}

	private String newUser() {
		var name = "proxy-" + UUID.randomUUID().toString().substring(0, 8);
		this.users.create(new NewUser(name, "right-password-1", "Thử proxy", Role.OFFICE, null, false), "test");
		return name;
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

}
