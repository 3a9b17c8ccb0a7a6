package vn.chitieu.dataentry;

import java.util.List;

/**
 * An uploaded Excel file was refused; nothing of it was saved.
 */
public class TemplateException extends RuntimeException {

	private final transient List<TemplateProblem> problems;

	public TemplateException(List<TemplateProblem> problems) {
		super("Refused: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<TemplateProblem> problems() {
		return this.problems;
	}

}
