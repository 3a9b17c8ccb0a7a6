package vn.chitieu.organisation;

/**
 * Someone else changed the settings since the form was opened: nothing was saved.
 */
public class OrganisationChangedException extends RuntimeException {

	private final OrganisationSettings current;

	OrganisationChangedException(OrganisationSettings current) {
		super("The organisation's settings were changed by " + current.changedBy());
		this.current = current;
	}

	/**
	 * @return the settings as the other person left them
	 */
	public OrganisationSettings current() {
		return this.current;
	}

}
