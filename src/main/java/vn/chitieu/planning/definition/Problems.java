package vn.chitieu.planning.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one file.
 */
final class Problems {

	private static final int MAX = 200;

	private final String source;

	private final List<DefinitionProblem> list = new ArrayList<>();

	Problems(String source) {
		this.source = source;
	}

	void add(int line, String key, Object... args) {
		if (this.list.size() < MAX) {
			this.list.add(new DefinitionProblem(this.source, line, key, List.of(args)));
		}
	}

	boolean isEmpty() {
		return this.list.isEmpty();
	}

	int size() {
		return this.list.size();
	}

	void throwIfAny() {
		if (!this.list.isEmpty()) {
			throw new DefinitionException(this.list);
		}
	}

	String source() {
		return this.source;
	}

}
