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
		for (var rule : rules) {
			if (!applicable.keySet().containsAll(rule.metrics()) || !values.keySet().containsAll(rule.metrics())) {
				// A rule about figures this unit does not report, or not yet filled in.
				continue;
			}
			var holds = rule.condition().condition(new Expr.Values() {
				@Override
				public BigDecimal unit(String metric) {
					return values.get(metric);
				}

				@Override
				public BigDecimal district(String metric) {
					return null;
				}
			});
			if (holds.isPresent() && !holds.get()) {
				violations.add(new Violation(rule.metrics().iterator().next(), rule.rule().code(), "figure.error.rule",
						List.copyOf(rule.metrics())));
			}
		}
		return violations;
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
