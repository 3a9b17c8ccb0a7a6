package vn.chitieu.security;

/**
 * A user's edit was refused: someone changed the user after the form was opened.
 */
public class UserChangedException extends RuntimeException {

	private final transient UserSummary current;

	UserChangedException(UserSummary current) {
		super("User " + current.username() + " changed meanwhile");
		this.current = current;
	}

	/**
	 * @return the user as it is now
	 */
	public UserSummary current() {
		return this.current;
	}

}
