package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.ChecklistItem;
import vn.chitieu.planning.Measure;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.Scope;
import vn.chitieu.planning.expression.Expr;
import vn.chitieu.planning.expression.ExpressionParser;

/**
 * Computes a measure over one school year's figures. The rules (docs/progress.md):
 * <ul>
 * <li>a school counts once it has opened, once per level in scope;</li>
 * <li>ratios, averages and sums use a unit only if it reported every figure they need (a
 * figure its level does not report counts as zero); the others are left out of both sums
 * and reported as missing;</li>
 * <li>shares and counts keep every unit in scope; a unit whose condition cannot be told
 * does not meet it and is reported as missing;</li>
 * <li>a zero denominator, or no unit with figures, gives no value, never 0 %.</li>
 * </ul>
 */
final class MeasureEvaluator {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Function<String, Metric> metrics;

	private final Map<String, Expr> parsed = new ConcurrentHashMap<>();

	MeasureEvaluator(Function<String, Metric> metrics) {
		this.metrics = metrics;
	}

	MeasureResult evaluate(Measure measure, YearData data, SchoolYear baseline, boolean detail) {
		return switch (measure.kind()) {
			case RATIO -> ratio(measure, data, baseline, detail, true);
			case AVERAGE -> ratio(measure, data, baseline, detail, false);
			case SUM -> sum(measure, data, baseline, detail);
			case SHARE, COUNT -> share(measure, data, baseline, detail);
			case CHECKLIST -> checklist((Measure.Checklist) measure, data, detail);
			case DISTRICT -> district(measure, data);
		};
	}

	// ------------------------------------------------------------------ kinds

	private MeasureResult ratio(Measure measure, YearData data, SchoolYear baseline, boolean detail, boolean percent) {
		var numerator = parse(((Measure.Quotient) measure).numerator()).sumOfMetrics().orElseThrow();
		var denominator = parse(((Measure.Quotient) measure).denominator()).sumOfMetrics().orElseThrow();
		boolean overWards = overWards(measure);
		var units = units(measure.scope(), data, baseline);
		var results = new ArrayList<UnitResult>();
		BigDecimal num = BigDecimal.ZERO;
		BigDecimal den = BigDecimal.ZERO;
		int used = 0;
		for (var unit : units) {
			var needed = overWards ? numerator : concat(numerator, denominator);
			if (!hasAll(unit, needed)) {
				if (detail) {
					results.add(new UnitResult(unit, UnitResult.Outcome.MISSING, null, null, null));
				}
				continue;
			}
			var n = sum(unit, numerator);
			var d = overWards ? null : sum(unit, denominator);
			num = num.add(n);
			if (d != null) {
				den = den.add(d);
			}
			used++;
			if (detail) {
				results.add(new UnitResult(unit, UnitResult.Outcome.USED, divide(n, d, percent), n, d));
			}
		}
		int wardsUsed = 0;
		if (overWards) {
			for (var ward : data.wards()) {
				if (hasAll(ward, denominator)) {
					den = den.add(sum(ward, denominator));
					wardsUsed++;
				}
			}
		}
		var value = (used == 0 || overWards && wardsUsed == 0) ? null : divide(num, den, percent);
		return new MeasureResult(value, num, den, units.size(), used, overWards ? data.wards().size() : 0, wardsUsed,
				detail ? results : List.of());
	}

	/**
	 * Whether a ratio divides what schools report by what wards report (enrolment rates
	 * over the population by age).
	 */
	boolean overWards(Measure measure) {
		if ((measure.kind() != vn.chitieu.planning.MeasureKind.RATIO
				&& measure.kind() != vn.chitieu.planning.MeasureKind.AVERAGE)
				|| measure.scope().unit() == UnitKind.WARD) {
			return false;
		}
		return parse(((Measure.Quotient) measure).denominator()).sumOfMetrics()
			.orElseThrow()
			.stream()
			.allMatch((r) -> reportedBy(r.code()) == UnitKind.WARD);
	}

	private MeasureResult sum(Measure measure, YearData data, SchoolYear baseline, boolean detail) {
		var terms = parse(((Measure.Sum) measure).value()).sumOfMetrics().orElseThrow();
		var units = units(measure.scope(), data, baseline);
		var results = new ArrayList<UnitResult>();
		BigDecimal total = BigDecimal.ZERO;
		int used = 0;
		for (var unit : units) {
			if (!hasAll(unit, terms)) {
				if (detail) {
					results.add(new UnitResult(unit, UnitResult.Outcome.MISSING, null, null, null));
				}
				continue;
			}
			var value = sum(unit, terms);
			total = total.add(value);
			used++;
			if (detail) {
				results.add(new UnitResult(unit, UnitResult.Outcome.USED, value, value, null));
			}
		}
		return new MeasureResult((used == 0) ? null : total, total, null, units.size(), used, 0, 0,
				detail ? results : List.of());
	}

	private MeasureResult share(Measure measure, YearData data, SchoolYear baseline, boolean detail) {
		var condition = (((Measure.Conditional) measure).condition() != null)
				? parse(((Measure.Conditional) measure).condition()) : null;
		var among = (measure instanceof Measure.Share share && share.among() != null) ? parse(share.among()) : null;
		var units = units(measure.scope(), data, baseline);
		var results = new ArrayList<UnitResult>();
		int met = 0;
		int counted = 0;
		int missing = 0;
		for (var unit : units) {
			var values = values(unit, data);
			if (among != null) {
				var inBase = among.condition(values);
				if (inBase.isEmpty()) {
					missing++;
					if (detail) {
						results.add(new UnitResult(unit, UnitResult.Outcome.MISSING, null, null, null));
					}
					continue;
				}
				if (!inBase.get()) {
					continue;
				}
			}
			counted++;
			var holds = (condition != null) ? condition.condition(values) : java.util.Optional.of(true);
			if (holds.isEmpty()) {
				missing++;
				if (detail) {
					results.add(new UnitResult(unit, UnitResult.Outcome.MISSING, null, null, null));
				}
			}
			else {
				if (holds.get()) {
					met++;
				}
				if (detail) {
					results.add(new UnitResult(unit, holds.get() ? UnitResult.Outcome.MET : UnitResult.Outcome.NOT_MET,
							left(condition, values), null, null));
				}
			}
		}
		int inScope = units.size();
		BigDecimal value;
		if (measure.kind() == vn.chitieu.planning.MeasureKind.COUNT) {
			value = (inScope > 0 && missing == inScope) ? null : BigDecimal.valueOf(met);
		}
		else {
			value = (counted == 0 || missing == inScope) ? null
					: BigDecimal.valueOf(met).multiply(HUNDRED).divide(BigDecimal.valueOf(counted), Expr.MATH);
		}
		return new MeasureResult(value, BigDecimal.valueOf(met), BigDecimal.valueOf(counted), inScope,
				inScope - missing, 0, 0, detail ? results : List.of());
	}

	private MeasureResult checklist(Measure.Checklist measure, YearData data, boolean detail) {
		var results = new ArrayList<UnitResult>();
		int met = 0;
		int missing = 0;
		for (ChecklistItem item : measure.items()) {
			var condition = parse((item.condition() != null) ? item.condition() : measure.condition());
			var unit = data.schools().stream().filter((s) -> s.code().equals(item.school())).findFirst();
			var holds = unit.map((u) -> condition.condition(values(u, data))).orElse(java.util.Optional.empty());
			var placeholder = unit.orElseGet(() -> new UnitData(-1, item.school(), item.name(), UnitKind.SCHOOL, null,
					null, null, null, Map.of()));
			if (holds.isEmpty()) {
				missing++;
				results.add(new UnitResult(placeholder, UnitResult.Outcome.MISSING, null, null, null));
			}
			else {
				if (holds.get()) {
					met++;
				}
				results
					.add(new UnitResult(placeholder, holds.get() ? UnitResult.Outcome.MET : UnitResult.Outcome.NOT_MET,
							unit.map((u) -> left(condition, values(u, data))).orElse(null), null, null));
			}
		}
		int items = measure.items().size();
		return new MeasureResult((missing == items) ? null : BigDecimal.valueOf(met), BigDecimal.valueOf(met),
				BigDecimal.valueOf(items), items, items - missing, 0, 0, detail ? results : List.of());
	}

	private MeasureResult district(Measure measure, YearData data) {
		var value = parse(((Measure.District) measure).value()).number(values(null, data)).orElse(null);
		return new MeasureResult(value, value, null, 1, (value != null) ? 1 : 0, 0, 0, List.of());
	}

	// ------------------------------------------------------------------ units and values

	/** The units a measure covers: wards, or schools of its levels, ownership and age. */
	List<UnitData> units(Scope scope, YearData data, SchoolYear baseline) {
		if (scope.unit() == UnitKind.WARD) {
			return data.wards();
		}
		return data.schools()
			.stream()
			.filter((u) -> scope.levels().isEmpty() || scope.levels().contains(u.level()))
			.filter((u) -> scope.ownership() == null || scope.ownership() == u.ownership())
			.filter((u) -> !scope.newOnly() || u.openedYear() != null && u.openedYear() > baseline.startYear())
			.toList();
	}

	private boolean hasAll(UnitData unit, List<Expr.Ref> refs) {
		for (var ref : refs) {
			if (!unit.values().containsKey(ref.code()) && applies(ref.code(), unit)) {
				return false;
			}
		}
		return true;
	}

	private BigDecimal sum(UnitData unit, List<Expr.Ref> refs) {
		var total = BigDecimal.ZERO;
		for (var ref : refs) {
			var value = unit.values().get(ref.code());
			if (value != null) {
				total = total.add(value);
			}
		}
		return total;
	}

	/**
	 * A unit's figures for expressions: a figure its level does not report counts as
	 * zero.
	 */
	private Expr.Values values(UnitData unit, YearData data) {
		return new Expr.Values() {
			@Override
			public BigDecimal unit(String metric) {
				if (unit == null) {
					return null;
				}
				var value = unit.values().get(metric);
				return (value == null && !applies(metric, unit)) ? BigDecimal.ZERO : value;
			}

			@Override
			public BigDecimal district(String metric) {
				return data.district().get(metric);
			}
		};
	}

	private boolean applies(String code, UnitData unit) {
		var metric = this.metrics.apply(code);
		if (metric == null) {
			return true;
		}
		if (unit.kind() == UnitKind.WARD) {
			return metric.reportedBy() == UnitKind.WARD;
		}
		return metric.appliesTo(unit.level());
	}

	private UnitKind reportedBy(String code) {
		var metric = this.metrics.apply(code);
		return (metric != null) ? metric.reportedBy() : UnitKind.SCHOOL;
	}

	/**
	 * The left side of a comparison, to show a unit's own value (its land per pupil…).
	 */
	private static BigDecimal left(Expr condition, Expr.Values values) {
		if (condition instanceof Expr.Comparison comparison) {
			return comparison.left().number(values).orElse(null);
		}
		return null;
	}

	private static BigDecimal divide(BigDecimal numerator, BigDecimal denominator, boolean percent) {
		if (denominator == null || denominator.signum() == 0) {
			return null;
		}
		var value = numerator.divide(denominator, Expr.MATH);
		return percent ? value.multiply(HUNDRED) : value;
	}

	private static List<Expr.Ref> concat(List<Expr.Ref> a, List<Expr.Ref> b) {
		var all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private Expr parse(String text) {
		return this.parsed.computeIfAbsent(text, ExpressionParser::parse);
	}

}
