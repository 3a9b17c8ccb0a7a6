package vn.chitieu.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.expression.Expr;
import vn.chitieu.planning.expression.ExpressionParser;

/**
 * Says in plain words how an indicator's value is computed and what its target is, in the
 * reader's language: "Sum of «Nursery children (under 3)» over the preschools, divided by
 * the sum of «Population under 3» over the wards, × 100."
 */
@Component
public class MeasureDescriber {

	private final MessageSource messages;

	private final MetricCatalog catalog;

	MeasureDescriber(MessageSource messages, MetricCatalog catalog) {
		this.messages = messages;
		this.catalog = catalog;
	}

	/**
	 * @param measure the computation
	 * @param baseline the plan's baseline year (for "new schools")
	 * @param locale the reader's language
	 * @return the computation in words
	 */
	public String describe(Measure measure, SchoolYear baseline, Locale locale) {
		var scope = scope(measure.scope(), baseline, locale);
		return switch (measure.kind()) {
			case RATIO -> {
				var ratio = (Measure.Ratio) measure;
				yield msg("measure.ratio", locale, sum(ratio.numerator(), locale), scope,
						sum(ratio.denominator(), locale), denominatorScope(ratio, baseline, locale));
			}
			case AVERAGE -> {
				var average = (Measure.Average) measure;
				yield msg("measure.average", locale, sum(average.numerator(), locale), scope,
						sum(average.denominator(), locale));
			}
			case SUM -> msg("measure.sum", locale, sum(((Measure.Sum) measure).value(), locale), scope);
			case SHARE -> {
				var share = (Measure.Share) measure;
				yield (share.among() == null)
						? msg("measure.share", locale, scope, condition(share.condition(), locale))
						: msg("measure.shareAmong", locale, scope, condition(share.condition(), locale),
								condition(share.among(), locale));
			}
			case COUNT -> {
				var count = (Measure.Count) measure;
				yield (count.condition() == null) ? msg("measure.countAll", locale, scope)
						: msg("measure.count", locale, scope, condition(count.condition(), locale));
			}
			case CHECKLIST -> {
				var checklist = (Measure.Checklist) measure;
				yield msg("measure.checklist", locale, condition(checklist.condition(), locale),
						checklist.items().stream().map(ChecklistItem::name).collect(Collectors.joining(", ")));
			}
			case DISTRICT -> msg("measure.district", locale,
					expression(ExpressionParser.parse(((Measure.District) measure).value()), locale));
		};
	}

	/**
	 * @param target a target
	 * @param unit the unit of the indicator's value
	 * @param locale the reader's language
	 * @return the target as a short formula, e.g. "≥ 65 %" or "từ 30 đến 35"
	 */
	public String target(Target target, IndicatorUnit unit, Locale locale) {
		var suffix = unit.isPercent() ? " %" : " " + msg("indicator.unit." + unit.name(), locale);
		String text = switch (target.shape()) {
			case AT_LEAST -> "≥ " + number(target.value(), locale) + suffix;
			case ABOVE -> "> " + number(target.value(), locale) + suffix;
			case EXACTLY -> "= " + number(target.value(), locale) + suffix;
			case AT_MOST -> "≤ " + number(target.value(), locale) + suffix;
			case BELOW -> "< " + number(target.value(), locale) + suffix;
			case BETWEEN ->
				msg("target.between", locale, number(target.value(), locale), number(target.high(), locale) + suffix);
			case ABOVE_BENCHMARK -> msg("target.aboveBenchmark", locale,
					target.benchmarks()
						.stream()
						.map((code) -> metricName(code, locale))
						.collect(Collectors.joining(msg("expression.and", locale))));
			case CHECKLIST -> msg("target.checklist", locale);
		};
		if (target.increment()) {
			text = msg("target.increment", locale, text);
		}
		return text;
	}

	private String scope(Scope scope, SchoolYear baseline, Locale locale) {
		if (scope.unit() == UnitKind.WARD) {
			return msg("scope.wards", locale);
		}
		if (scope.unit() == UnitKind.DISTRICT) {
			return msg("scope.district", locale);
		}
		var text = scope.levels().isEmpty() ? msg("scope.schools", locale)
				: msg("scope.schoolsOf", locale,
						scope.levels()
							.stream()
							.sorted()
							.map((EducationLevel l) -> msg("level.plural." + l.name(), locale))
							.collect(Collectors.joining(msg("scope.levelSeparator", locale))));
		if (scope.ownership() == Ownership.PUBLIC) {
			text = msg("scope.public", locale, text);
		}
		else if (scope.ownership() == Ownership.PRIVATE) {
			text = msg("scope.private", locale, text);
		}
		if (scope.newOnly()) {
			text = msg("scope.newSince", locale, text, baseline.next().label());
		}
		return text;
	}

	private String denominatorScope(Measure.Ratio measure, SchoolYear baseline, Locale locale) {
		var refs = ExpressionParser.parse(measure.denominator()).refs();
		boolean ward = refs.stream()
			.map((r) -> this.catalog.find(r.code()))
			.anyMatch((m) -> m.isPresent() && m.get().reportedBy() == UnitKind.WARD);
		return ward ? msg("scope.wards", locale) : scope(measure.scope(), baseline, locale);
	}

	private String sum(String text, Locale locale) {
		return ExpressionParser.parse(text)
			.sumOfMetrics()
			.map((refs) -> refs.stream().map((r) -> quoted(r, locale)).collect(Collectors.joining(" + ")))
			.orElse(text);
	}

	/**
	 * @param text a condition
	 * @param locale the reader's language
	 * @return the condition in words
	 */
	public String condition(String text, Locale locale) {
		return (text == null) ? "" : expression(ExpressionParser.parse(text), locale);
	}

	private String expression(Expr expr, Locale locale) {
		if (expr instanceof Expr.Ref ref) {
			var metric = this.catalog.find(ref.code());
			if (metric.isPresent() && metric.get().type() == ValueType.YES_NO) {
				return msg("expression.yes", locale, quoted(ref, locale));
			}
			return quoted(ref, locale);
		}
		if (expr instanceof Expr.Num num) {
			return number(num.value(), locale);
		}
		if (expr instanceof Expr.Arithmetic a) {
			var operator = switch (a.operator()) {
				case '/' -> " ÷ ";
				case '*' -> " × ";
				default -> " " + a.operator() + " ";
			};
			return expression(a.left(), locale) + operator + expression(a.right(), locale);
		}
		if (expr instanceof Expr.Comparison c) {
			var symbol = switch (c.operator()) {
				case LE -> "≤";
				case GE -> "≥";
				case NE -> "≠";
				default -> c.operator().symbol();
			};
			return expression(c.left(), locale) + " " + symbol + " " + expression(c.right(), locale);
		}
		if (expr instanceof Expr.Logical l) {
			return expression(l.left(), locale) + msg(l.and() ? "expression.and" : "expression.or", locale)
					+ expression(l.right(), locale);
		}
		if (expr instanceof Expr.Not n) {
			return msg("expression.not", locale, expression(n.operand(), locale));
		}
		return expr.toString();
	}

	private String quoted(Expr.Ref ref, Locale locale) {
		var name = "«" + metricName(ref.code(), locale) + "»";
		return ref.district() ? msg("expression.districtFigure", locale, name) : name;
	}

	private String metricName(String code, Locale locale) {
		return this.catalog.find(code).map((m) -> m.name(locale)).orElse(code);
	}

	private static String number(BigDecimal value, Locale locale) {
		return vn.chitieu.platform.Formats.number(value, 2, locale);
	}

	private String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/**
	 * The distinct metrics a measure reads, for listing them beside the description.
	 * @param measure the measure
	 * @return the metric codes, in reading order
	 */
	public static List<String> metricsOf(Measure measure) {
		// In reading order; a switch expression, so that a new kind must say what it
		// reads.
		List<String> texts = switch (measure.kind()) {
			case RATIO, AVERAGE -> {
				var quotient = (Measure.Quotient) measure;
				yield Arrays.asList(quotient.numerator(), quotient.denominator());
			}
			case SUM -> Arrays.asList(((Measure.Sum) measure).value());
			case SHARE -> {
				var share = (Measure.Share) measure;
				yield Arrays.asList(share.condition(), share.among());
			}
			case COUNT -> Arrays.asList(((Measure.Count) measure).condition());
			case CHECKLIST -> {
				var checklist = (Measure.Checklist) measure;
				var all = new ArrayList<String>();
				all.add(checklist.condition());
				checklist.items().forEach((i) -> all.add(i.condition()));
				yield all;
			}
			case DISTRICT -> Arrays.asList(((Measure.District) measure).value());
		};
		var codes = new java.util.LinkedHashSet<String>();
		for (var text : texts) {
			if (text != null) {
				ExpressionParser.parse(text).refs().forEach((r) -> codes.add(r.code()));
			}
		}
		return List.copyOf(codes);
	}

}
