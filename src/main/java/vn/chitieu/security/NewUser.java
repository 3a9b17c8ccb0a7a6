package vn.chitieu.security;

/**
 * What it takes to create a user.
 *
 * @param username the login name (lower case, letters, digits, dot, dash, underscore)
 * @param password the initial password
 * @param displayName the name shown
 * @param role the role
 * @param unitId the school or ward of a SCHOOL or WARD user, null otherwise
 * @param mustChangePassword whether the first login asks for a new password
 */
public record NewUser(String username, String password, String displayName, Role role, Long unitId,
		boolean mustChangePassword) {
}
