package vn.chitieu.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request id: whose to believe, what it looks like; and the switch to JSON logs.
 */
class RequestLogTest {

	@Test
	void shouldMakeShortIdsThatAreEasyToReadAloud() {
		for (int i = 0; i < 1000; i++) {
			assertThat(RequestLog.newId()).matches("[2-9A-HJKMNP-Z]{8}");
		}
	}

	@Test
	void shouldBelieveTheIdOfATrustedProxyOnly() {
		var fromClient = new MockHttpServletRequest();
		fromClient.addHeader(RequestLog.HEADER, "proxy-id-1");
		assertThat(RequestLog.idFor(fromClient)).isNotEqualTo("proxy-id-1").hasSize(8);

		var fromProxy = new MockHttpServletRequest();
		fromProxy.addHeader(RequestLog.HEADER, "proxy-id-1");
		fromProxy.setAttribute("org.apache.tomcat.request.forwarded", Boolean.TRUE);
		assertThat(RequestLog.idFor(fromProxy)).isEqualTo("proxy-id-1");
	}

	@Test
	void shouldRefuseAnIdThatCouldForgeLogLines() {
		var request = new MockHttpServletRequest();
		request.addHeader(RequestLog.HEADER, "abc\n2026-01-01 ERROR forged");
		request.setAttribute("org.apache.tomcat.request.forwarded", Boolean.TRUE);
		assertThat(RequestLog.idFor(request)).hasSize(8).doesNotContain("forged");
		assertThat(RequestLog.printable("/a\nb")).isEqualTo("/a?b");
	}

	@Test
	void shouldSwitchToJsonLinesWithOneSetting() throws Exception {
		assertThat(consoleFormat(null)).isEmpty();
		assertThat(consoleFormat("text")).isEmpty();
		assertThat(consoleFormat("json")).isEqualTo("ecs");
		assertThat(consoleFormat("logstash")).isEqualTo("logstash");
	}

	/** {@code logging.structured.format.console} as application.yaml sets it. */
	private static String consoleFormat(String setting) throws Exception {
		var environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		if (setting != null) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("env", Map.of("CHITIEU_LOG_FORMAT", setting)));
		}
		for (var source : new YamlPropertySourceLoader().load("application",
				new ClassPathResource("application.yaml"))) {
			environment.getPropertySources().addLast(source);
		}
		return environment.getProperty("logging.structured.format.console");
	}

}
