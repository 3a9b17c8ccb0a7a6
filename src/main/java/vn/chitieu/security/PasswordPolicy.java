package vn.chitieu.security;

/**
 * What a password must be.
 */
public final class PasswordPolicy {

	/** Shortest password accepted. */
	public static final int MIN_LENGTH = 8;

	/** Longest password accepted (BCrypt reads 72 bytes at most). */
	public static final int MAX_LENGTH = 64;

	private PasswordPolicy() {
	}

	/**
	 * @param password a candidate password
	 * @return whether it is acceptable
	 */
	public static boolean isAcceptable(String password) {
		return password != null && password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH
				&& !password.isBlank();
	}

}
