package vn.chitieu.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt while {@link LoginThrottle} locks its user name or address,
 * before the password is even checked: the login form is sent back to the login page with
 * a message, the JSON API answers 429 with {@code Retry-After}.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	static final String LOCKED_PAGE = "/login?locked";

	private final LoginThrottle throttle;

	private final boolean api;

	/**
	 * @param throttle the failures counted so far
	 * @param api true for the JSON API (HTTP Basic), false for the login form
	 */
	LoginThrottleFilter(LoginThrottle throttle, boolean api) {
		this.throttle = throttle;
		this.api = api;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var username = this.api ? basicUsername(request) : formUsername(request);
		if (username != null) {
			var wait = this.throttle.remaining(username, request.getRemoteAddr());
			if (wait.isPresent()) {
				refuse(request, response, wait.get());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
		if (this.api) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
			response.setContentType("application/json");
			response.getWriter().write("{\"status\":429,\"error\":\"Too many failed logins; try again later\"}");
			return;
		}
		response.sendRedirect(request.getContextPath() + LOCKED_PAGE);
	}

	/** The user name of a login form being posted, or null. */
	private static String formUsername(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"POST".equals(request.getMethod()) || !path.equals("/login")) {
			return null;
		}
		var username = request.getParameter("username");
		return (username != null) ? username : "";
	}

	/** The user name of an HTTP Basic header, or null. */
	private static String basicUsername(HttpServletRequest request) {
		var header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			var decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon >= 0) ? decoded.substring(0, colon) : decoded;
		}
		catch (IllegalArgumentException ex) {
			// Not Base64: Spring Security's own filter refuses it.
			return null;
		}
	}

}
