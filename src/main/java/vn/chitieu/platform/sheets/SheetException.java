package vn.chitieu.platform.sheets;

import java.util.List;

/**
 * An uploaded workbook was refused; nothing of it was saved.
 */
public class SheetException extends RuntimeException {

	private final transient List<SheetProblem> problems;

	/**
	 * @param problems every problem found, at least one
	 */
	public SheetException(List<SheetProblem> problems) {
		super("Refused: " + problems);
		this.problems = List.copyOf(problems);
	}

	/**
	 * @return every problem found
	 */
	public List<SheetProblem> problems() {
		return this.problems;
	}

}
