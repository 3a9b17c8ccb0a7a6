package vn.chitieu.planning;

import java.util.List;

/**
 * A step on a plan's versions that cannot be taken: the draft changed meanwhile, there is
 * no draft, the plan exists already…; the message key says which, for the user.
 */
public class PlanDraftException extends RuntimeException {

	private final String key;

	private final List<Object> args;

	public PlanDraftException(String key, Object... args) {
		super(key);
		this.key = key;
		this.args = List.of(args);
	}

	public String key() {
		return this.key;
	}

	public Object[] args() {
		return this.args.toArray();
	}

}
