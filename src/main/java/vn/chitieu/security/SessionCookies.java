package vn.chitieu.security;

import java.io.IOException;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.session.InvalidSessionStrategy;

/**
 * Ends a session for good and sends the browser to the login page with a message: the
 * session cookie is deleted too, so the next request carries no stale id and no new
 * session is created for it (an anonymous visitor never gets a session).
 */
final class SessionCookies implements InvalidSessionStrategy {

	private final String page;

	/**
	 * @param page where to send the browser, e.g. {@code /login?expired}
	 */
	SessionCookies(String page) {
		this.page = page;
	}

	/** A session that timed out or was ended elsewhere: its id is no longer known. */
	@Override
	public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
		deleteSessionCookie(request, response);
		response.sendRedirect(request.getContextPath() + this.page);
	}

	static void deleteSessionCookie(HttpServletRequest request, HttpServletResponse response) {
		var cookie = new Cookie(SecurityConfiguration.SESSION_COOKIE, "");
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setMaxAge(0);
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		response.addCookie(cookie);
	}

}
