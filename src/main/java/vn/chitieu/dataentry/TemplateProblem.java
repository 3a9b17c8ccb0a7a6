package vn.chitieu.dataentry;

import java.util.List;

/**
 * A problem with an uploaded Excel file.
 *
 * @param sheet the sheet concerned, or null for the whole file
 * @param cell the cell concerned (e.g. {@code D12}), or null
 * @param key the message key
 * @param args the message arguments
 */
public record TemplateProblem(String sheet, String cell, String key, List<Object> args) {

	public TemplateProblem {
		args = List.copyOf(args);
	}

	static TemplateProblem file(String key, Object... args) {
		return new TemplateProblem(null, null, key, List.of(args));
	}

}
