package vn.chitieu.testsupport;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Requests made as one of the sample district's users, loaded the way login loads them.
 */
public final class Logins {

	/** The Education Office's sample login. */
	public static final String OFFICE = "phonggd";

	/** The leader's sample login. */
	public static final String VIEWER = "lanhdao";

	/** The administrator's sample login. */
	public static final String ADMIN = "admin";

	/** The password of every sample login. */
	public static final String PASSWORD = "chitieu-mau";

	private final UserDetailsService users;

	public Logins(UserDetailsService users) {
		this.users = users;
	}

	/**
	 * @param username a sample login, e.g. {@code thcs-aimo}
	 * @return a request post-processor authenticating as that user
	 */
	public RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

}
