package vn.chitieu.orgunit;

import java.io.Serializable;
import java.util.List;

/**
 * What confirming a units file would change: the wards and schools it adds, those it
 * changes (field by field, before and after), how many it leaves as they are, and the
 * units of the district it does not mention (left alone: units are never deleted).
 *
 * @param added the new wards and schools
 * @param changed the wards and schools that change
 * @param unchanged how many units in the file are already as it says
 * @param notInFile the units the file does not mention ("code – name")
 */
public record UnitImportPreview(List<Line> added, List<Line> changed, int unchanged,
		List<String> notInFile) implements Serializable {

	public UnitImportPreview {
		added = List.copyOf(added);
		changed = List.copyOf(changed);
		notInFile = List.copyOf(notInFile);
	}

	/**
	 * @return whether confirming would change nothing
	 */
	public boolean isEmpty() {
		return this.added.isEmpty() && this.changed.isEmpty();
	}

	/**
	 * A unit added or changed.
	 *
	 * @param kind ward or school
	 * @param code its code
	 * @param name its name (the new one)
	 * @param fields for a changed unit, what changes
	 */
	public record Line(UnitKind kind, String code, String name, List<FieldChange> fields) implements Serializable {

		public Line {
			fields = List.copyOf(fields);
		}

	}

	/**
	 * One field that changes, as the file writes it.
	 *
	 * @param field the message key of the field's name
	 * @param before its value now
	 * @param after its value once confirmed
	 */
	public record FieldChange(String field, String before, String after) implements Serializable {
	}

}
