package vn.chitieu.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose user had their password reset or changed elsewhere, or was
 * disabled, since it logged in ({@link Users#isCurrent}): the session is invalidated, its
 * cookie deleted, and the browser sent to the login page, which says why. Checked on
 * every request of a logged-in session against the database, so it holds for every
 * instance of the application.
 */
class SessionCheckFilter extends OncePerRequestFilter {

	private final Users users;

	SessionCheckFilter(Users users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& !this.users.isCurrent(user)) {
			SecurityContextHolder.clearContext();
			var session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SessionCookies.deleteSessionCookie(request, response);
			response.sendRedirect(request.getContextPath() + SessionCookies.ENDED_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/img/");
	}

}
