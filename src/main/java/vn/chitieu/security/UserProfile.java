package vn.chitieu.security;

/**
 * What an administrator sets about a user, apart from the login name (which never
 * changes) and the password.
 *
 * @param displayName the person's full name (họ và tên)
 * @param role the role
 * @param unitId the school of a SCHOOL user or the ward of a WARD user; null for the
 * other roles
 * @param contact the person's e-mail address or telephone number, or null
 */
public record UserProfile(String displayName, Role role, Long unitId, String contact) {
}
