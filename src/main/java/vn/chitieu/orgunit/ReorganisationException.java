package vn.chitieu.orgunit;

import java.util.List;

/**
 * A reorganisation refused, with every reason: nothing was changed.
 */
public class ReorganisationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<Problem> problems;

	private final transient ReorganisationPreview partial;

	public ReorganisationException(List<Problem> problems) {
		this(problems, null);
	}

	public ReorganisationException(List<Problem> problems, ReorganisationPreview partial) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
		this.partial = partial;
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * @return what the plan would change as far as it could be read (to show the schools
	 * still to place), null if not even the year could be read
	 */
	public ReorganisationPreview partial() {
		return this.partial;
	}

	/**
	 * One reason a reorganisation is refused.
	 *
	 * @param field the form field it belongs to, null for the whole form
	 * @param key the message key
	 * @param args the message arguments
	 */
	public record Problem(String field, String key, List<Object> args) {

		public static Problem of(String field, String key, Object... args) {
			return new Problem(field, key, List.of(args));
		}

	}

}
