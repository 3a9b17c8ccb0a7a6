package vn.chitieu.security;

/**
 * A password an administrator reset: shown to them once, never stored in clear.
 *
 * @param username the user
 * @param oneTimePassword the new password, which the user must change at login
 */
public record PasswordReset(String username, String oneTimePassword) {

	@Override
	public String toString() {
		return "PasswordReset[" + this.username + "]";
	}

}
