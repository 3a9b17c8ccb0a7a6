package vn.chitieu.orgunit;

/**
 * A change to a ward or school refused: {@link #field()} names the form field at fault
 * (or null for the whole form), {@link #code()} the message key, {@link #args()} its
 * arguments.
 */
public class UnitChangeException extends RuntimeException {

	private final String field;

	private final String code;

	private final transient Object[] args;

	UnitChangeException(String field, String code, Object... args) {
		super(code);
		this.field = field;
		this.code = code;
		this.args = args;
	}

	public String field() {
		return this.field;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args.clone();
	}

	/**
	 * Whether someone else changed the unit since the form was opened.
	 * @return true for a stale edit
	 */
	public boolean stale() {
		return "unit.conflict".equals(this.code);
	}

}
