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
 */
public record UserSummary(long id, String username, String displayName, Role role, Long unitId, boolean enabled,
		boolean mustChangePassword, Instant createdAt) {
}
