package vn.chitieu.security;

import java.security.SecureRandom;

/**
 * What a password must be.
 */
public final class PasswordPolicy {

	/** Shortest password accepted. */
	public static final int MIN_LENGTH = 8;

	/** Longest password accepted (BCrypt reads 72 bytes at most). */
	public static final int MAX_LENGTH = 64;

	/** Letters and digits that cannot be mistaken for one another (no I, l, O, 0, 1). */
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	/**
	 * @return a random one-time password of 16 characters (about 93 bits)
	 */
	static String oneTimePassword() {
		var password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
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
