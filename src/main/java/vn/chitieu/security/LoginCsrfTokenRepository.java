package vn.chitieu.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens without a session before login. A logged-in user's token lives in their
 * session, as usual; a visitor without a session (the login page) gets theirs in an
 * HttpOnly cookie instead, compared with the form's field (double submit), so that the
 * login form stays protected while an anonymous request never creates a session: twenty
 * thousand requests for the login page cost no memory.
 */
final class LoginCsrfTokenRepository implements CsrfTokenRepository {

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	LoginCsrfTokenRepository() {
		this.cookie.setCookieCustomizer((customizer) -> customizer.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			this.session.saveToken(null, request, response);
			if (this.cookie.loadToken(request) != null) {
				this.cookie.saveToken(null, request, response);
			}
		}
		else if (request.getSession(false) != null) {
			this.session.saveToken(token, request, response);
		}
		else {
			this.cookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		// With a session, only its own token counts: a cookie planted by someone else
		// cannot stand in for it.
		return (request.getSession(false) != null) ? this.session.loadToken(request) : this.cookie.loadToken(request);
	}

}
