package vn.chitieu.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused before its password was checked: too many failed attempts
 * ({@link LoginAttempts}).
 */
class LoginThrottledException extends AuthenticationException {

	private final Duration wait;

	LoginThrottledException(Duration wait) {
		super("Too many failed logins; try again later");
		this.wait = wait;
	}

	/**
	 * @return how long logging in stays refused
	 */
	Duration waitFor() {
		return this.wait;
	}

}
