package vn.chitieu.planning.definition;

import java.util.List;

/**
 * One problem found in a definition file.
 *
 * @param source the file
 * @param line the line, counted from 1 (0 when the whole file is concerned)
 * @param key the message key describing it
 * @param args the message arguments
 */
public record DefinitionProblem(String source, int line, String key, List<Object> args) {

	public DefinitionProblem {
		args = List.copyOf(args);
	}

	@Override
	public String toString() {
		return this.source + ":" + this.line + ": " + this.key + " " + this.args;
	}

}
