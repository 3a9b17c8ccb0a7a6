package vn.chitieu.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * The JSON API's answer to a call it could not authenticate: 401 asking for HTTP Basic,
 * unless the user could not be read at all (the database is unreachable), which is no
 * reason to doubt the password: 503 with {@code Retry-After}.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

	ApiAuthenticationEntryPoint(String realm) {
		this.basic.setRealmName(realm);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof AuthenticationServiceException) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			response.setContentType("application/json");
			response.getWriter().write("{\"status\":503,\"error\":\"Temporarily unavailable; try again later\"}");
			return;
		}
		this.basic.commence(request, response, exception);
	}

}
