package vn.chitieu.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript over real HTTP: it keeps cookies, follows no redirects,
 * and logs in through the login form with its CSRF token.
 */
public final class FormClient {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * @param port the application's port on localhost
	 */
	public FormClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/**
	 * Posts the login form.
	 * @param username the user
	 * @param password the password
	 * @return the answer: a redirect to the home page or back to the login page
	 */
	public HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
		var token = csrf(get("/login").body());
		return post("/login",
				"username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token));
	}

	/**
	 * Sends a header with every request from now on, e.g. {@code X-Forwarded-For}.
	 * @param name the header
	 * @param value its value
	 * @return this client
	 */
	public FormClient header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(request(path).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * @param path the path
	 * @param form the form, URL-encoded
	 * @return the answer
	 */
	public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return this.http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * @return the session cookie's value, if there is one
	 */
	public String session() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Sends a session cookie from now on, as someone who got hold of it would.
	 * @param id the session id
	 */
	public void useSession(String id) {
		var cookie = new HttpCookie("JSESSIONID", id);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(URI.create(this.base), cookie);
	}

	/**
	 * @param html a page with a form
	 * @return the form's CSRF token
	 */
	public static String csrf(String html) {
		var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder request(String path) {
		var builder = HttpRequest.newBuilder(uri(path));
		this.headers.forEach(builder::header);
		return builder;
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

}
