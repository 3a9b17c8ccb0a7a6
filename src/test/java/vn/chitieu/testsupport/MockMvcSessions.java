package vn.chitieu.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

/**
 * Lets MockMvc tests keep using {@link MockHttpSession} for "the browser's session" now
 * that the application keeps its sessions in the database (Spring Session JDBC), which
 * finds a session by its cookie only and never looks at the servlet container's session
 * object MockMvc passes in.
 * <p>
 * A {@code MockHttpSession} given to a request stands for a browser holding a session
 * cookie: the first time it is used a real session is created in the application's
 * session store (as logging in would) and its cookie sent with the request; a session
 * cookie set by an answer (a login, a new session id) is remembered in the request's
 * {@code MockHttpSession}, and one deleted by an answer (a logout, an ended session) is
 * no longer sent, exactly as a browser does. The sessions are the application's own: what
 * a controller keeps in them goes through the database, serialised.
 */
final class MockMvcSessions implements MockMvcBuilderCustomizer {

	/** The session cookie, as application.yaml names it. */
	static final String COOKIE = "JSESSIONID";

	/**
	 * The session id a {@code MockHttpSession} stands for; empty when the browser's
	 * cookie was deleted.
	 */
	private static final String LINK = MockMvcSessions.class.getName() + ".id";

	private final ApplicationContext context;

	MockMvcSessions(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void customize(ConfigurableMockMvcBuilder<?> builder) {
		builder.defaultRequest(MockMvcRequestBuilders.get("/").with(this::sendCookie));
		builder.alwaysDo(MockMvcSessions::keepCookie);
	}

	private MockHttpServletRequest sendCookie(MockHttpServletRequest request) {
		if (!(request.getSession(false) instanceof MockHttpSession mock) || hasCookie(request)) {
			return request;
		}
		var id = (String) mock.getAttribute(LINK);
		if (id == null) {
			id = newSession();
			mock.setAttribute(LINK, id);
		}
		if (!id.isEmpty()) {
			var cookies = new ArrayList<>(
					(request.getCookies() != null) ? Arrays.asList(request.getCookies()) : new ArrayList<Cookie>());
			cookies.add(new Cookie(COOKIE, encode(id)));
			request.setCookies(cookies.toArray(Cookie[]::new));
		}
		return request;
	}

	private static void keepCookie(MvcResult result) {
		var cookie = result.getResponse().getCookie(COOKIE);
		if (cookie == null) {
			return;
		}
		var deleted = cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty();
		if (deleted) {
			if (result.getRequest().getSession(false) != null) {
				result.getRequest().getSession(false).setAttribute(LINK, "");
			}
			return;
		}
		result.getRequest().getSession(true).setAttribute(LINK, decode(cookie.getValue()));
	}

	@SuppressWarnings("unchecked")
	private String newSession() {
		var repository = (SessionRepository<Session>) this.context.getBean(SessionRepository.class);
		var session = repository.createSession();
		repository.save(session);
		return session.getId();
	}

	private static boolean hasCookie(MockHttpServletRequest request) {
		return request.getCookies() != null
				&& Arrays.stream(request.getCookies()).anyMatch((c) -> c.getName().equals(COOKIE));
	}

	/**
	 * @param id a session id
	 * @return the session cookie's value for it (Spring Session writes it in base64)
	 */
	static String encode(String id) {
		return Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param cookie a session cookie's value
	 * @return the session id it names
	 */
	static String decode(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

}
