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

	static final String EXPIRED_PAGE = "/login?expired";

	static final String ENDED_PAGE = "/login?ended";

	private final UserSessions sessions;

	/**
	 * @param sessions the sessions ended because their user's password changed
	 */
	SessionCookies(UserSessions sessions) {
		this.sessions = sessions;
	}

	/**
	 * A session that timed out, or was ended because its user's password changed: its id
	 * is no longer known.
	 */
	@Override
	public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
		deleteSessionCookie(request, response);
		var page = this.sessions.wasEnded(request.getRequestedSessionId()) ? ENDED_PAGE : EXPIRED_PAGE;
		response.sendRedirect(request.getContextPath() + page);
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
