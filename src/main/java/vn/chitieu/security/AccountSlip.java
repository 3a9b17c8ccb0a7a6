package vn.chitieu.security;

import java.io.Serializable;

/**
 * What a new user is handed on paper (phiếu tài khoản): who, where to go, the login and
 * the one-time password, which must be changed at the first login. Shown once.
 *
 * @param displayName the person's full name
 * @param unitName the name of their school or ward, or null
 * @param role the role
 * @param username the login name
 * @param oneTimePassword the one-time password
 */
public record AccountSlip(String displayName, String unitName, Role role, String username,
		String oneTimePassword) implements Serializable {

	@Override
	public String toString() {
		return "AccountSlip[" + this.username + "]";
	}

}
