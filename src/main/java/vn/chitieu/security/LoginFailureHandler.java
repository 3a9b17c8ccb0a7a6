package vn.chitieu.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Where a failed login goes. A login that failed because the user could not be read (the
 * database is unreachable) is not a wrong password: the login page says the system is
 * temporarily interrupted, and the failure is not counted against the user
 * ({@link LoginAttempts} counts bad credentials only).
 */
class LoginFailureHandler extends ExceptionMappingAuthenticationFailureHandler {

	static final String UNAVAILABLE_PAGE = "/login?unavailable";

	LoginFailureHandler() {
		setDefaultFailureUrl("/login?error");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof AuthenticationServiceException) {
			getRedirectStrategy().sendRedirect(request, response, UNAVAILABLE_PAGE);
			return;
		}
		super.onAuthenticationFailure(request, response, exception);
	}

}
