package vn.chitieu.security;

/**
 * The roles of the application (see {@code docs/security.md}).
 */
public enum Role {

	/** Staff of one school: enters and submits that school's figures. */
	SCHOOL,
	/**
	 * Official of one ward: enters that ward's population and universal-education status.
	 */
	WARD,
	/**
	 * Specialist of the Education Office: everything district-wide, review, management.
	 */
	OFFICE,
	/**
	 * Leader of the People's Committee or the Office: read-only dashboards and reports.
	 */
	VIEWER,
	/** System administrator: users, roles, configuration. */
	ADMIN;

	/**
	 * @return the Spring Security authority of this role
	 */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * @return whether users of this role are bound to one unit
	 */
	public boolean isUnitBound() {
		return this == SCHOOL || this == WARD;
	}

	/**
	 * @return whether users of this role read every unit's data
	 */
	public boolean readsDistrict() {
		return this == OFFICE || this == VIEWER;
	}

}
