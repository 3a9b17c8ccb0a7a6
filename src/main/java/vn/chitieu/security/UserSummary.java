package vn.chitieu.security;

import java.time.Instant;

/**
 * A user as pages see it (never the password hash).
 *
 * @param id the id
 * @param username the login name
 * @param displayName the name shown
 * @param role the role
 * @param unitId the school or ward of a SCHOOL or WARD user
 * @param enabled whether the user may log in
 * @param mustChangePassword whether the next login asks for a new password
 * @param createdAt when the user was created
 * @param createdBy who created the user (null for users loaded by the application)
 * @param contact the person's e-mail address or telephone number, if given
 * @param lastLoginAt when the user last logged in, null if never
 * @param version the version of the user's row, for refusing stale edits
 */
public record UserSummary(long id, String username, String displayName, Role role, Long unitId, boolean enabled,
		boolean mustChangePassword, Instant createdAt, String createdBy, String contact, Instant lastLoginAt,
		int version) {

	/**
	 * @return whether the user has never logged in
	 */
	public boolean neverLoggedIn() {
		return this.lastLoginAt == null;
	}

}
