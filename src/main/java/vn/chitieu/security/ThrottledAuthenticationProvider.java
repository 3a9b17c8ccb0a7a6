package vn.chitieu.security;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.TransactionException;

import vn.chitieu.platform.Meters;

/**
 * Checks a user name and password, throttled: every way in (the login form on any
 * spelling of its path, HTTP Basic) comes through here, and the attempt is counted
 * ({@link LoginAttempts}) before the password is checked, so that no request path and no
 * number of parallel guesses gets more password checks than the limit. The address is the
 * request's remote address, after Tomcat has applied the {@code X-Forwarded-For} of a
 * trusted proxy only.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

	private final AuthenticationProvider passwords;

	private final LoginAttempts attempts;

	private final Users users;

	/**
	 * @param passwords what checks the password
	 * @param attempts the counts
	 * @param users whether a user name exists
	 */
	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts, Users users) {
		this.passwords = passwords;
		this.attempts = attempts;
		this.users = users;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		var username = authentication.getName();
		var address = address(authentication);
		boolean known;
		try {
			known = this.users.exists(username);
		}
		catch (DataAccessException | TransactionException ex) {
			// The database cannot be reached: not a wrong password, and not counted.
			throw new AuthenticationServiceException("The user could not be read", ex);
		}
		Optional<Duration> wait;
		try {
			wait = this.attempts.attempt(username, address, known);
		}
		catch (DataAccessException | TransactionException ex) {
			throw new AuthenticationServiceException("The attempt could not be counted", ex);
		}
		if (wait.isPresent()) {
			log.debug("Login as '{}' from {} refused after repeated failures", printable(username), address);
			Meters.login("throttled");
			throw new LoginThrottledException(wait.get());
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (AuthenticationServiceException ex) {
			this.attempts.notChecked(username, address, known);
			throw ex;
		}
		catch (AuthenticationException ex) {
			this.attempts.failed(username, address, known);
			Meters.login("failed");
			if (this.attempts.isLocked(username, address)) {
				log.warn("Logins as '{}' from {} refused for a while after repeated failures", printable(username),
						address);
			}
			throw ex;
		}
		if (result != null) {
			this.attempts.succeeded(username, address);
			try {
				this.users.recordLogin(username);
			}
			catch (DataAccessException | TransactionException ex) {
				// The login stands: only its time is not recorded.
				log.warn("The last login of '{}' could not be recorded: {}", printable(username), ex.getMessage());
			}
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * A typed name as it may go into the log: no line breaks or other control characters.
	 */
	private static String printable(String text) {
		var clean = (text == null) ? "" : text.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() > 60) ? clean.substring(0, 60) + "…" : clean;
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "unknown";
	}

}
