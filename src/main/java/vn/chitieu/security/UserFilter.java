package vn.chitieu.security;

/**
 * Which users the administrator's list shows; a null criterion shows every user.
 *
 * @param role only users of this role
 * @param unitId only users bound to this school or ward
 * @param enabled only active users (true) or only disabled ones (false)
 * @param neverLoggedIn only users who have never logged in
 */
public record UserFilter(Role role, Long unitId, Boolean enabled, boolean neverLoggedIn) {

	/**
	 * @param user a user
	 * @return whether the list shows the user
	 */
	public boolean matches(UserSummary user) {
		return (this.role == null || this.role == user.role())
				&& (this.unitId == null || this.unitId.equals(user.unitId()))
				&& (this.enabled == null || this.enabled == user.enabled())
				&& (!this.neverLoggedIn || user.neverLoggedIn());
	}

}
