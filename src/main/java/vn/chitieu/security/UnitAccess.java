package vn.chitieu.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.orgunit.UnitRef;

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
		return user.role().isUnitBound() && isOwn(user, unitId);
	}

	/**
	 * Whether a user may enter figures for a unit: a school its own, a ward its own, the
	 * Office those of the district.
	 * @param user the user
	 * @param unit the unit
	 * @return true if allowed
	 */
	public boolean canWrite(CurrentUser user, UnitRef unit) {
		return switch (user.role()) {
			case SCHOOL -> unit.kind() == UnitKind.SCHOOL && isOwn(user, unit.id());
			case WARD -> unit.kind() == UnitKind.WARD && isOwn(user, unit.id());
			case OFFICE -> unit.kind() == UnitKind.DISTRICT;
			default -> false;
		};
	}

	/**
	 * Whether a user reviews submissions: approves, returns, reopens.
	 * @param user the user
	 * @return true for the Office
	 */
	public boolean canReview(CurrentUser user) {
		return user.role() == Role.OFFICE;
	}

	private static boolean isOwn(CurrentUser user, long unitId) {
		return user.unitId() != null && user.unitId() == unitId;
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
