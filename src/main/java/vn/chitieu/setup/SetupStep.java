package vn.chitieu.setup;

/**
 * The steps of setting up an installation, in the order the guide takes them. The pages
 * each step links to are named here and nowhere else.
 */
public enum SetupStep {

	/** The organisation's name and letterhead, used by the official report. */
	ORGANISATION("/admin/organisation", null, false),

	/** At least one ward. */
	WARDS("/admin/units/wards/new", "/admin/units/import", false),

	/** At least one school still open. */
	SCHOOLS("/admin/units/schools/new", "/admin/units/import", false),

	/** At least one user of the Office, besides the administrators. */
	USERS("/admin/users/new", "/admin/users/import", false),

	/** At least one school year. */
	SCHOOL_YEAR("/admin/school-years", null, true),

	/** A deadline for every open school year. */
	DEADLINE("/admin/school-years", null, true);

	private final String path;

	private final String importPath;

	private final boolean office;

	SetupStep(String path, String importPath, boolean office) {
		this.path = path;
		this.importPath = importPath;
		this.office = office;
	}

	/**
	 * @return the page where the step is done
	 */
	public String path() {
		return this.path;
	}

	/**
	 * @return the page where the step is done from an Excel file, or {@code null}
	 */
	public String importPath() {
		return this.importPath;
	}

	/**
	 * @return whether only the Office may do this step (the administrator may not)
	 */
	public boolean officeOnly() {
		return this.office;
	}

	/**
	 * @return whether only the administrator may do this step (users)
	 */
	public boolean adminOnly() {
		return this == USERS;
	}

	/**
	 * @param role a role's name
	 * @return whether a user of that role may do this step
	 */
	public boolean isFor(String role) {
		if ("ADMIN".equals(role)) {
			return !this.office;
		}
		return "OFFICE".equals(role) && !adminOnly();
	}

}
