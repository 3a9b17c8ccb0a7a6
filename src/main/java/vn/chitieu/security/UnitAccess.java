package vn.chitieu.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Decides which units' data a user may read or change. A SCHOOL or WARD user reaches only
 * their own unit, whatever identifier a request carries.
 */
@Component
public class UnitAccess {

	/**
	 * Whether a user may read a unit's data.
	 * @param user the user
	 * @param unitId the unit
	 * @return true if allowed
	 */
	public boolean canRead(CurrentUser user, long unitId) {
		if (user.role().readsDistrict()) {
			return true;
		}
		return user.role().isUnitBound() && user.unitId() != null && user.unitId() == unitId;
	}

	/**
	 * Throws unless the user may read the unit's data.
	 * @param user the user
	 * @param unitId the unit
	 * @throws AccessDeniedException if not allowed
	 */
	public void checkRead(CurrentUser user, long unitId) {
		if (!canRead(user, unitId)) {
			throw new AccessDeniedException("User " + user.getUsername() + " may not read unit " + unitId);
		}
	}

}
