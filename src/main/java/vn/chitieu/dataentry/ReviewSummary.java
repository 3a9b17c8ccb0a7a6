package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import vn.chitieu.planning.MetricCatalog.CompiledRule;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.ValueType;
import vn.chitieu.planning.expression.Expr;

/**
 * What a reviewer should look at first in a report: the largest changes from last year
 * and the cross-field rules that hold only just (within {@link #NEAR} of their bound).
 * Plain Java, computed from a form.
 *
 * @param changes the largest changes from last year, the largest first
 * @param nearLimits the comparisons of rules that hold by a narrow margin
 */
public record ReviewSummary(List<Change> changes, List<NearLimit> nearLimits) {

	/** How close to a bound a rule must be to be listed: 5 %. */
	public static final BigDecimal NEAR = new BigDecimal("0.05");

	/** How many changes are listed. */
	public static final int MAX_CHANGES = 8;

	/** Changes smaller than this (10 %) are not listed. */
	static final BigDecimal NOTABLE = new BigDecimal("0.10");

	public ReviewSummary {
		changes = List.copyOf(changes);
		nearLimits = List.copyOf(nearLimits);
	}

	/**
	 * @return whether there is nothing to point out
	 */
	public boolean isEmpty() {
		return this.changes.isEmpty() && this.nearLimits.isEmpty();
	}

	/**
	 * The summary of a form.
	 * @param form the form
	 * @param rules the cross-field rules
	 * @param locale the language of the names
	 * @return the summary
	 */
	static ReviewSummary of(FigureForm form, List<CompiledRule> rules, Locale locale) {
		var changes = new ArrayList<Change>();
		var byLevel = new HashMap<Object, Map<String, BigDecimal>>();
		var names = new HashMap<String, String>();
		for (var section : form.sections()) {
			for (var metric : section.metrics()) {
				var key = section.key(metric);
				names.put(metric.code(), metric.name(locale));
				var value = form.values().get(key);
				if (value != null) {
					byLevel.computeIfAbsent(Objects.requireNonNullElse(key.level(), "-"), (l) -> new HashMap<>())
						.put(metric.code(), value);
				}
				var last = form.lastYear().get(key);
				if (value == null || last == null || metric.type() == ValueType.YES_NO
						|| metric.type() == ValueType.LEVEL) {
					continue;
				}
				var change = Change.of(key, metric, last, value, locale);
				if (change.size().compareTo(NOTABLE) >= 0) {
					changes.add(change);
				}
			}
		}
		changes.sort(Comparator.comparing(Change::size).reversed());
		Function<String, String> name = (code) -> names.getOrDefault(code, code);
		var near = new ArrayList<NearLimit>();
		for (var levelValues : byLevel.values()) {
			for (var rule : rules) {
				var refs = new java.util.HashSet<Expr.Ref>();
				rule.condition().collect(refs);
				if (!refs.stream().allMatch((r) -> levelValues.containsKey(r.code()))) {
					continue;
				}
				near.addAll(RuleExplainer.nearLimits(rule.condition(), levelValues, name, NEAR));
			}
		}
		return new ReviewSummary(changes.subList(0, Math.min(MAX_CHANGES, changes.size())), near);
	}

	/**
	 * A change from last year.
	 *
	 * @param key the figure
	 * @param name its name
	 * @param percent whether it is a rate (its change is in percentage points)
	 * @param lastYear last year's value
	 * @param value this year's value
	 * @param difference this year's less last year's
	 * @param relative the difference over last year's value, null when last year was 0
	 * @param size how large the change is, to sort by: the relative change, or for a rate
	 * the points over 100
	 */
	public record Change(FigureKey key, String name, boolean percent, BigDecimal lastYear, BigDecimal value,
			BigDecimal difference, BigDecimal relative, BigDecimal size) {

		static Change of(FigureKey key, Metric metric, BigDecimal last, BigDecimal value, Locale locale) {
			var difference = value.subtract(last);
			boolean percent = metric.type() == ValueType.PERCENT;
			BigDecimal relative = (last.signum() != 0)
					? difference.divide(last.abs(), MathContext.DECIMAL64).multiply(BigDecimal.valueOf(100)) : null;
			BigDecimal size;
			if (percent) {
				size = difference.abs().divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
			}
			else if (relative != null) {
				size = relative.abs().divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
			}
			else {
				// From nothing to something: as large as a change can be.
				size = (difference.signum() != 0) ? BigDecimal.valueOf(1000) : BigDecimal.ZERO;
			}
			return new Change(key, metric.name(locale), percent, last, value, difference, relative, size);
		}

	}

	/**
	 * A comparison of a rule that holds by a narrow margin.
	 *
	 * @param left its left side, in words
	 * @param leftValue the left side's value
	 * @param operator the comparison
	 * @param right its right side, in words
	 * @param rightValue the right side's value
	 * @param margin how far the sides are apart, as a share of the larger (0 to
	 * {@link #NEAR})
	 */
	public record NearLimit(String left, BigDecimal leftValue, Expr.Comparator operator, String right,
			BigDecimal rightValue, BigDecimal margin) {
	}

}
