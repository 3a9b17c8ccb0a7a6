package vn.chitieu.dataentry.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chitieu.dataentry.FigureViolation;
import vn.chitieu.dataentry.RuleExplainer;
import vn.chitieu.dataentry.TemplateProblem;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.platform.Formats;

/**
 * How problems with figures read, in the user's language: the rule's own message, or
 * which comparison fails with the values involved.
 */
@Component
class ViolationMessages {

	private final MessageSource messages;

	private final MetricCatalog catalog;

	private final Formats formats;

	ViolationMessages(MessageSource messages, MetricCatalog catalog, Formats formats) {
		this.messages = messages;
		this.catalog = catalog;
		this.formats = formats;
	}

	String describe(FigureViolation violation, Locale locale) {
		if (violation.rule() == null) {
			var args = violation.args()
				.stream()
				.map((a) -> (a instanceof BigDecimal n) ? Formats.number(n, 4, locale) : a)
				.toArray();
			return this.messages.getMessage(violation.key(), args, locale);
		}
		var compiled = this.catalog.rules()
			.stream()
			.filter((r) -> r.rule().code().equals(violation.rule()))
			.findFirst();
		if (compiled.isEmpty()) {
			return this.messages.getMessage("figure.error.rule", null, locale);
		}
		var custom = compiled.get().rule().message(locale);
		if (custom != null) {
			return custom;
		}
		return RuleExplainer
			.explain(compiled.get().condition(), violation.values(),
					(code) -> this.catalog.find(code).map((m) -> m.name(locale)).orElse(code))
			.map((f) -> this.messages.getMessage("figure.rule." + f.operator().name(),
					new Object[] { f.left(), Formats.number(f.leftValue(), 4, locale), f.right(),
							Formats.number(f.rightValue(), 4, locale) },
					locale))
			.orElseGet(() -> this.messages.getMessage("figure.error.rule", null, locale));
	}

	/**
	 * A problem of an uploaded file, with its sheet and cell.
	 * @param problem the problem
	 * @param locale the reader's language
	 * @return the text
	 */
	String describe(TemplateProblem problem, Locale locale) {
		var args = problem.args().stream().map((a) -> {
			if (a instanceof FigureViolation violation) {
				return describe(violation, locale);
			}
			if (a instanceof java.time.Instant instant) {
				return this.formats.dateTime(instant);
			}
			return a;
		}).toArray();
		var text = this.messages.getMessage(problem.key(), args, locale);
		if (problem.sheet() == null) {
			return text;
		}
		return (problem.cell() != null)
				? this.messages.getMessage("template.at", new Object[] { problem.sheet(), problem.cell(), text },
						locale)
				: this.messages.getMessage("template.inSheet", new Object[] { problem.sheet(), text }, locale);
	}

}
