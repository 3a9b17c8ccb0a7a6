package vn.chitieu.orgunit;

/**
 * A change to a school year that was refused; nothing was changed.
 */
public class SchoolYearException extends RuntimeException {

	private final String field;

	private final String code;

	private final transient Object[] arguments;

	/**
	 * @param field the form field the problem belongs to, or null for the whole change
	 * @param code the message key that explains it
	 * @param arguments the message's arguments
	 */
	public SchoolYearException(String field, String code, Object... arguments) {
		super(code);
		this.field = field;
		this.code = code;
		this.arguments = arguments;
	}

	public String field() {
		return this.field;
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
