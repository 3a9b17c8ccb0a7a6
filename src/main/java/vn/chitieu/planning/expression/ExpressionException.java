package vn.chitieu.planning.expression;

import java.util.List;

/**
 * An expression that cannot be read. The message is a key of the message files, so that
 * it reaches the user in their language.
 */
public class ExpressionException extends RuntimeException {

	private final int column;

	private final String key;

	private final transient List<Object> args;

	ExpressionException(int column, String key, Object... args) {
		super(key + " at column " + column + " " + List.of(args));
		this.column = column;
		this.key = key;
		this.args = List.of(args);
	}

	/**
	 * @return where the problem is, counted from 1
	 */
	public int column() {
		return this.column;
	}

	/**
	 * @return the message key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * @return the message arguments
	 */
	public List<Object> args() {
		return this.args;
	}

}
