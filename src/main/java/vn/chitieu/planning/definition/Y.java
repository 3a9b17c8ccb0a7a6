package vn.chitieu.planning.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node that knows its line and reports type problems to the file's
 * {@link Problems}.
 */
final class Y {

	/** The first number too large for a numeric(16, 4) column. */
	private static final BigDecimal LARGEST = BigDecimal.TEN.pow(12);

	private final Node node;

	private final Problems problems;

	Y(Node node, Problems problems) {
		this.node = node;
		this.problems = problems;
	}

	int line() {
		return this.node.getStartMark().getLine() + 1;
	}

	void problem(String key, Object... args) {
		this.problems.add(line(), key, args);
	}

	boolean isNull() {
		return this.node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
	}

	/**
	 * Reads a mapping, reporting keys that are not allowed and keys given twice.
	 * @param allowed the allowed keys
	 * @return the entries, or empty if this is not a mapping
	 */
	Optional<Map<String, Y>> map(Collection<String> allowed) {
		if (!(this.node instanceof MappingNode mapping)) {
			problem("definition.error.expectedMapping");
			return Optional.empty();
		}
		var entries = new LinkedHashMap<String, Y>();
		for (NodeTuple tuple : mapping.getValue()) {
			var keyNode = tuple.getKeyNode();
			if (!(keyNode instanceof ScalarNode key)) {
				this.problems.add(keyNode.getStartMark().getLine() + 1, "definition.error.expectedKey");
				continue;
			}
			int line = keyNode.getStartMark().getLine() + 1;
			if (!allowed.contains(key.getValue())) {
				this.problems.add(line, "definition.error.unknownKey", key.getValue(), String.join(", ", allowed));
				continue;
			}
			if (entries.containsKey(key.getValue())) {
				this.problems.add(line, "definition.error.duplicateKey", key.getValue());
				continue;
			}
			entries.put(key.getValue(), new Y(tuple.getValueNode(), this.problems));
		}
		return Optional.of(entries);
	}

	/**
	 * Reads a mapping whose keys are free (e.g. school years), reporting keys given
	 * twice.
	 * @return the entries, or empty if this is not a mapping
	 */
	Optional<Map<String, Y>> entries() {
		if (!(this.node instanceof MappingNode mapping)) {
			problem("definition.error.expectedMapping");
			return Optional.empty();
		}
		var entries = new LinkedHashMap<String, Y>();
		for (NodeTuple tuple : mapping.getValue()) {
			var keyNode = tuple.getKeyNode();
			int line = keyNode.getStartMark().getLine() + 1;
			if (!(keyNode instanceof ScalarNode key)) {
				this.problems.add(line, "definition.error.expectedKey");
			}
			else if (entries.putIfAbsent(key.getValue(), new Y(tuple.getValueNode(), this.problems)) != null) {
				this.problems.add(line, "definition.error.duplicateKey", key.getValue());
			}
		}
		return Optional.of(entries);
	}

	Optional<List<Y>> list() {
		if (!(this.node instanceof SequenceNode sequence)) {
			problem("definition.error.expectedList");
			return Optional.empty();
		}
		var items = new ArrayList<Y>();
		for (Node item : sequence.getValue()) {
			items.add(new Y(item, this.problems));
		}
		return Optional.of(items);
	}

	/**
	 * A list, or a single scalar taken as a list of one.
	 * @return the items
	 */
	Optional<List<Y>> listOrOne() {
		if (this.node instanceof ScalarNode) {
			return Optional.of(List.of(this));
		}
		return list();
	}

	Optional<String> text() {
		if (!(this.node instanceof ScalarNode scalar)) {
			problem("definition.error.expectedText");
			return Optional.empty();
		}
		var value = scalar.getValue().strip();
		if (Tag.NULL.equals(scalar.getTag()) || value.isEmpty()) {
			problem("definition.error.emptyValue");
			return Optional.empty();
		}
		// A NUL cannot be stored in PostgreSQL text, and no other control character
		// belongs in a plan's words.
		if (value.chars().anyMatch((c) -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F)) {
			problem("definition.error.controlCharacter");
			return Optional.empty();
		}
		return Optional.of(value);
	}

	/**
	 * Text that must fit a column.
	 * @param maxLength the most characters allowed
	 * @return the text, or empty after reporting the problem
	 */
	Optional<String> text(int maxLength) {
		return text().filter((value) -> {
			int length = value.codePointCount(0, value.length());
			if (length > maxLength) {
				problem("definition.error.tooLong", length, maxLength);
				return false;
			}
			return true;
		});
	}

	Optional<BigDecimal> number() {
		if (!(this.node instanceof ScalarNode scalar)) {
			problem("definition.error.expectedNumber");
			return Optional.empty();
		}
		var value = scalar.getValue().strip();
		if (!value.matches("-?\\d+(\\.\\d+)?")) {
			problem("definition.error.notNumber", value);
			return Optional.empty();
		}
		var number = new BigDecimal(value);
		// Numbers are stored as numeric(16, 4): at most 12 digits before the point.
		if (number.abs().compareTo(LARGEST) >= 0) {
			problem("definition.error.numberTooLarge", value);
			return Optional.empty();
		}
		return Optional.of(number);
	}

	Optional<Boolean> bool() {
		if (this.node instanceof ScalarNode scalar) {
			switch (scalar.getValue().strip()) {
				case "true" -> {
					return Optional.of(true);
				}
				case "false" -> {
					return Optional.of(false);
				}
				default -> {
				}
			}
		}
		problem("definition.error.expectedBoolean");
		return Optional.empty();
	}

	/**
	 * Reads one of a fixed set of words, written in lower case in the file.
	 * @param <E> the enum
	 * @param type the enum type
	 * @return the constant
	 */
	<E extends Enum<E>> Optional<E> word(Class<E> type) {
		return text().flatMap((value) -> {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equalsIgnoreCase(value)) {
					return Optional.of(constant);
				}
			}
			var allowed = new ArrayList<String>();
			for (E constant : type.getEnumConstants()) {
				allowed.add(constant.name().toLowerCase(java.util.Locale.ROOT));
			}
			problem("definition.error.notOneOf", value, String.join(", ", allowed));
			return Optional.empty();
		});
	}

}
