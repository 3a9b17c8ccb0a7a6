package vn.chitieu.dataentry;

/**
 * A workflow step that is not allowed from the submission's current status.
 */
public class WorkflowException extends RuntimeException {

	private final SubmissionStatus from;

	private final String step;

	public WorkflowException(SubmissionStatus from, String step) {
		super("Cannot " + step + " a submission that is " + from);
		this.from = from;
		this.step = step;
	}

	public SubmissionStatus from() {
		return this.from;
	}

	public String step() {
		return this.step;
	}

}
