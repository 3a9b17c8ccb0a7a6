package vn.chitieu.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads over the size limit, over real HTTP on the real server (Tomcat): the user is
 * sent back to the page they came from with the application's message in their language,
 * never Tomcat's bare "HTTP Status 413" page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitsIT {

	/** Larger than every limit: the application's and the multipart parser's. */
	private static final int OVERSIZED = 12 * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldSendASchoolBackToItsFormWithAMessageWhenItsExcelFileIsTooLarge() throws Exception {
		var browser = new FormClient(this.port);
		browser.logIn("thcs-aimo", Logins.PASSWORD);
		long id = this.jdbc.queryForObject("select id from org_unit where code = 'THCS-AIMO'", Long.class);
		var form = "/schools/" + id + "/figures/2023-2024";
		var token = FormClient.csrf(browser.get(form).body());
		var answer = upload(browser, form + "/upload", token, "huge.xlsx", OVERSIZED, "");
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(form);
		assertThat(browser.get(form).body()).contains("Tệp quá lớn");
	}

	@Test
	void shouldSendTheOfficeBackToTheImportPageInItsLanguageWhenAPlanFileIsTooLarge() throws Exception {
		var browser = new FormClient(this.port);
		browser.logIn(Logins.OFFICE, Logins.PASSWORD);
		browser.get("/plans/import?lang=en");
		var token = FormClient.csrf(browser.get("/plans/import").body());
		var answer = upload(browser, "/plans/import", token, "huge.yaml", OVERSIZED, "; chitieu-lang=en");
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/plans/import");
		assertThat(browser.get("/plans/import").body()).contains("The file is too large");
	}

	@Test
	void shouldSendTheOfficeAndTheAdministratorBackToTheImportPagesWhenAFileIsTooLarge() throws Exception {
		for (var page : new String[][] { { Logins.OFFICE, "/admin/units/import" },
				{ Logins.ADMIN, "/admin/users/import" } }) {
			var browser = new FormClient(this.port);
			browser.logIn(page[0], Logins.PASSWORD);
			var token = FormClient.csrf(browser.get(page[1]).body());
			var answer = upload(browser, page[1] + "/upload", token, "huge.xlsx", OVERSIZED, "");
			assertThat(answer.statusCode()).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(page[1]);
			assertThat(browser.get(page[1]).body()).contains("Tệp quá lớn");
		}
	}

	/** A multipart form as a browser sends it: the CSRF token, then the file. */
	private HttpResponse<String> upload(FormClient browser, String path, String token, String name, int size,
			String cookies) throws Exception {
		var boundary = "----chitieu" + UUID.randomUUID();
		var body = new ByteArrayOutputStream(size + 1024);
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		var filler = new byte[size];
		java.util.Arrays.fill(filler, (byte) 'x');
		body.writeBytes(filler);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", "JSESSIONID=" + browser.session() + cookies)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
