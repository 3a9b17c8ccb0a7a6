package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricCatalog.CompiledRule;
import vn.chitieu.planning.expression.Expr;

/**
 * Checks one unit's figures for one school year (for a multi-level school, one level's
 * figures): each value against its metric (whole number, bounds), then the cross-field
 * rules. Plain Java; the same checks serve the form, the Excel upload and bulk loading.
 */
public final class FigureRules {

	private FigureRules() {
	}

	/**
	 * Checks figures.
	 * @param values the figures, by metric code; absent means not filled in
	 * @param metrics the metrics that apply to the unit (and level)
	 * @param rules the cross-field rules
	 * @param requireAll whether every applicable metric must be filled in (at submission)
	 * @return the problems found, none when all is well
	 */
	public static List<Violation> check(Map<String, BigDecimal> values, Collection<Metric> metrics,
			List<CompiledRule> rules, boolean requireAll) {
		var violations = new ArrayList<Violation>();
		var applicable = metrics.stream().collect(Collectors.toMap(Metric::code, (m) -> m));
		for (var metric : metrics) {
			var value = values.get(metric.code());
			if (value == null) {
				if (requireAll) {
					violations.add(new Violation(metric.code(), null, "figure.error.required", List.of()));
				}
				continue;
			}
			if (metric.type().isInteger() && value.stripTrailingZeros().scale() > 0) {
				violations.add(new Violation(metric.code(), null, "figure.error.integer", List.of()));
			}
			else if (metric.min() != null && value.compareTo(metric.min()) < 0) {
				violations.add(new Violation(metric.code(), null, "figure.error.min", List.of(metric.min())));
			}
			else if (metric.max() != null && value.compareTo(metric.max()) > 0) {
				violations.add(new Violation(metric.code(), null, "figure.error.max", List.of(metric.max())));
			}
		}
		var figures = new Expr.Values() {
			@Override
			public BigDecimal unit(String metric) {
				return values.get(metric);
			}

			@Override
			public BigDecimal district(String metric) {
				return null;
			}
		};
		for (var rule : rules) {
			// A rule "a <= b <= c" is checked part by part: each part whose figures
			// this unit reports and has filled in, even when another part's figure
			// does not apply to it.
			for (var part : parts(rule.condition())) {
				var metricsOfPart = part.refs().stream().map(Expr.Ref::code).distinct().toList();
				if (!applicable.keySet().containsAll(metricsOfPart) || !values.keySet().containsAll(metricsOfPart)) {
					continue;
				}
				var holds = part.condition(figures);
				if (holds.isPresent() && !holds.get()) {
					violations.add(new Violation(metricsOfPart.get(0), rule.rule().code(), "figure.error.rule",
							List.copyOf(metricsOfPart)));
					break;
				}
			}
		}
		return violations;
	}

	/**
	 * The conjuncts of a condition: {@code a and b} gives a and b, a chain its
	 * comparisons.
	 */
	private static List<Expr> parts(Expr condition) {
		if (condition instanceof Expr.Logical logical && logical.and()) {
			var parts = new ArrayList<Expr>(parts(logical.left()));
			parts.addAll(parts(logical.right()));
			return parts;
		}
		return List.of(condition);
	}

	/**
	 * A problem with a figure.
	 *
	 * @param metric the metric it is about (for a rule, the first metric it reads)
	 * @param rule the rule broken, or null for a problem of the value itself
	 * @param key the message key
	 * @param args the message arguments
	 */
	public record Violation(String metric, String rule, String key, List<Object> args) {

		public Set<String> metrics() {
			return (this.rule == null) ? Set.of(this.metric)
					: this.args.stream().map(String::valueOf).collect(Collectors.toSet());
		}

	}

}
