package vn.chitieu.platform.sheets;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Problems with an uploaded workbook as the user reads them: where (sheet, row, column
 * and its header) and what, in their language.
 */
public final class SheetMessages {

	private SheetMessages() {
	}

	/**
	 * @param problems the problems
	 * @param messages the messages
	 * @param locale the user's language
	 * @return one line per problem
	 */
	public static List<String> render(List<SheetProblem> problems, MessageSource messages, Locale locale) {
		return problems.stream().map((p) -> render(p, messages, locale)).toList();
	}

	/**
	 * @param problem a problem
	 * @param messages the messages
	 * @param locale the user's language
	 * @return the problem in a line
	 */
	public static String render(SheetProblem problem, MessageSource messages, Locale locale) {
		var args = problem.args()
			.stream()
			.map((a) -> (a instanceof XlsxFiles.Message m) ? messages.getMessage(m.key(), null, locale) : a)
			.toArray();
		var text = messages.getMessage(problem.key(), args, locale);
		if (problem.sheet() == null) {
			return text;
		}
		if (problem.row() == null) {
			return messages.getMessage("sheet.at.sheet", new Object[] { problem.sheet(), text }, locale);
		}
		if (problem.column() == null) {
			return messages.getMessage("sheet.at.row",
					new Object[] { problem.sheet(), String.valueOf(problem.row()), text }, locale);
		}
		return messages.getMessage("sheet.at.cell", new Object[] { problem.sheet(), String.valueOf(problem.row()),
				problem.column(), (problem.header() != null) ? problem.header() : "", text }, locale);
	}

}
