package vn.chitieu.planning.definition;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition file was refused; nothing of it was loaded.
 */
public class DefinitionException extends RuntimeException {

	private final transient List<DefinitionProblem> problems;

	public DefinitionException(List<DefinitionProblem> problems) {
		super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n", "Refused:\n", "")));
		this.problems = List.copyOf(problems);
	}

	public List<DefinitionProblem> problems() {
		return this.problems;
	}

}
