package vn.chitieu.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How repeated failed logins are slowed down ({@link LoginAttempts}).
 *
 * @param maxFailures failed logins for one user name, from one address, before logging in
 * as that user from there is refused ({@code CHITIEU_LOGIN_MAX_FAILURES})
 * @param maxFailuresPerAddress failed logins from one address for user names that do not
 * exist, before every login from there is refused
 * ({@code CHITIEU_LOGIN_MAX_FAILURES_PER_ADDRESS})
 * @param lockout how long logins stay refused, and how long a failure is remembered
 * ({@code CHITIEU_LOGIN_LOCKOUT})
 */
@ConfigurationProperties("chitieu.login")
public record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("50") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration lockout) {

	public LoginProperties {
		if (maxFailures < 1 || maxFailuresPerAddress < 1 || lockout.isNegative() || lockout.isZero()) {
			throw new IllegalArgumentException("chitieu.login: failures must be at least 1 and the lockout positive");
		}
	}

}
