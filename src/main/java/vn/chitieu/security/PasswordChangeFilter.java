package vn.chitieu.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a user whose password must be changed (a generated one-time password) to the
 * password page before anything else.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	private final boolean api;

	/**
	 * @param api true for the JSON API, which answers 403 instead of sending to the page
	 */
	PasswordChangeFilter(boolean api) {
		this.api = api;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.mustChangePassword()
				&& !isAllowed(request.getRequestURI().substring(request.getContextPath().length()))) {
			if (this.api) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setContentType("application/json");
				response.getWriter()
					.write("{\"status\":403,\"error\":\"The password of this account must be changed first\"}");
				return;
			}
			response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isAllowed(String path) {
		return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.equals("/error");
	}

}
