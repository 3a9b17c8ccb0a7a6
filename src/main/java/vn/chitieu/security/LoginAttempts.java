package vn.chitieu.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Tells {@link LoginThrottle} of every login, through the events Spring Security
 * publishes for the login form and HTTP Basic alike.
 */
@Component
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private final LoginThrottle throttle;

	LoginAttempts(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		var address = address(event.getAuthentication());
		this.throttle.failed(event.getAuthentication().getName(), address);
		if (this.throttle.lockedUntil(event.getAuthentication().getName(), address).isPresent()) {
			log.warn("Logins as '{}' from {} refused for a while after repeated failures",
					printable(event.getAuthentication().getName()), address);
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.throttle.succeeded(event.getAuthentication().getName(), address(event.getAuthentication()));
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
