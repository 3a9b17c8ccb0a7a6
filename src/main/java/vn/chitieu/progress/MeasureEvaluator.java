package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * and reported as missing (unknown);</li>
 * <li>shares, counts and named lists judge each unit met, not met or unknown
 * (three-valued logic); the value counts the decided units (met ÷ (met + not met) for a
 * share), and the bounds say how far the unknown ones could move it;</li>
 * <li>a zero denominator, or no unit with figures, gives no value, never 0 %; a count or
 * a sum over no unit at all is zero.</li>
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
		// A sum over no unit at all is zero (nothing to add); a sum whose every unit
		// lacks its figures has no value.
		var value = (used == 0 && !units.isEmpty()) ? null : total;
		return new MeasureResult(value, total, null, units.size(), used, 0, 0, detail ? results : List.of());
	}

	/**
	 * Shares and counts. Each unit in scope is met, not met, or unknown (three-valued
	 * logic); with {@code among}, a unit outside the base is left out. The value counts
	 * the decided units; the bounds put every unknown unit on one side, then the other.
	 */
	private MeasureResult share(Measure measure, YearData data, SchoolYear baseline, boolean detail) {
		var condition = (((Measure.Conditional) measure).condition() != null)
				? parse(((Measure.Conditional) measure).condition()) : null;
		var among = (measure instanceof Measure.Share share && share.among() != null) ? parse(share.among()) : null;
		var results = new ArrayList<UnitResult>();
		int met = 0;
		int notMet = 0;
		int excluded = 0;
		// Unknown units that could still meet the condition, and that could still fail
		// it.
		int canMeet = 0;
		int canFail = 0;
		var schools = schools(measure.scope(), data, baseline);
		for (var entries : schools) {
			var unit = entries.get(0);
			Judged judged = null;
			for (var entry : entries) {
				var one = judge(entry, data, condition, among);
				judged = (judged == null) ? one : judged.or(one);
			}
			switch (judged.outcome()) {
				case MET -> met++;
				case NOT_MET -> notMet++;
				case EXCLUDED -> excluded++;
				case UNKNOWN -> {
					canMeet += judged.canMeet() ? 1 : 0;
					canFail += judged.canFail() ? 1 : 0;
				}
			}
			if (detail && judged.outcome() != Judged.Outcome.EXCLUDED) {
				var outcome = switch (judged.outcome()) {
					case MET -> UnitResult.Outcome.MET;
					case NOT_MET -> UnitResult.Outcome.NOT_MET;
					default -> UnitResult.Outcome.MISSING;
				};
				var shown = (judged.outcome() == Judged.Outcome.UNKNOWN) ? null : left(condition, values(unit, data));
				results.add(new UnitResult(unit, outcome, shown, null, null));
			}
		}
		int inScope = schools.size();
		int decided = met + notMet + excluded;
		BigDecimal value;
		MeasureResult.Bounds bounds;
		if (measure.kind() == vn.chitieu.planning.MeasureKind.COUNT) {
			// A count over no unit at all is zero; a count whose every unit is unknown
			// has
			// no value.
			value = (decided == 0 && inScope > 0) ? null : BigDecimal.valueOf(met);
			bounds = new MeasureResult.Bounds(BigDecimal.valueOf(met), BigDecimal.valueOf(met + canMeet));
		}
		else {
			value = percent(met, met + notMet);
			var low = percent(met, met + notMet + canFail);
			var high = percent(met + canMeet, met + notMet + canMeet);
			bounds = (value == null) ? null
					: new MeasureResult.Bounds((low != null) ? low : value, (high != null) ? high : value);
		}
		return new MeasureResult(value, BigDecimal.valueOf(met), BigDecimal.valueOf(met + notMet), inScope, decided, 0,
				0, detail ? results : List.of(), (value != null) ? bounds : null);
	}

	/**
	 * The units of a share or a count, each school once: a school teaching several of the
	 * levels in scope (a district-wide count of e-schools) is one school, whose entries
	 * (one per level) are judged together.
	 */
	private List<List<UnitData>> schools(Scope scope, YearData data, SchoolYear baseline) {
		var units = units(scope, data, baseline);
		var grouped = new java.util.LinkedHashMap<String, List<UnitData>>();
		for (var unit : units) {
			grouped.computeIfAbsent(unit.kind() + "/" + unit.unitId(), (k) -> new ArrayList<>()).add(unit);
		}
		return List.copyOf(grouped.values());
	}

	/** One unit's entry judged: outside the base, met, not met, or unknown. */
	private Judged judge(UnitData unit, YearData data, Expr condition, Expr among) {
		var values = values(unit, data);
		var inBase = (among != null) ? among.condition(values) : Optional.of(true);
		if (inBase.isPresent() && !inBase.get()) {
			return new Judged(Judged.Outcome.EXCLUDED, false, false);
		}
		var holds = (condition != null) ? condition.condition(values) : Optional.of(true);
		if (inBase.isPresent() && holds.isPresent()) {
			return new Judged(holds.get() ? Judged.Outcome.MET : Judged.Outcome.NOT_MET, false, false);
		}
		// Unknown: outside the base, or meeting (or failing) the condition, are still
		// possible.
		return new Judged(Judged.Outcome.UNKNOWN, holds.isEmpty() || holds.get(), holds.isEmpty() || !holds.get());
	}

	/**
	 * How a unit stands on a condition.
	 *
	 * @param outcome met, not met, outside the base or unknown
	 * @param canMeet for an unknown unit, whether it could still meet the condition
	 * @param canFail for an unknown unit, whether it could still fail it
	 */
	private record Judged(Outcome outcome, boolean canMeet, boolean canFail) {

		enum Outcome {

			MET, NOT_MET, EXCLUDED, UNKNOWN

		}

		/**
		 * A school's entries for two levels together: it meets the condition if it does
		 * at either level (three-valued "or"); it is outside the base only if both
		 * entries are.
		 */
		Judged or(Judged other) {
			if (this.outcome == Outcome.MET || other.outcome == Outcome.MET) {
				return new Judged(Outcome.MET, false, false);
			}
			if (this.outcome == Outcome.EXCLUDED) {
				return other;
			}
			if (other.outcome == Outcome.EXCLUDED) {
				return this;
			}
			if (this.outcome == Outcome.NOT_MET && other.outcome == Outcome.NOT_MET) {
				return new Judged(Outcome.NOT_MET, false, false);
			}
			// At least one unknown: it could meet if either could; it could fail only if
			// every entry could.
			boolean meet = this.canMeet || other.canMeet;
			boolean fail = (this.outcome == Outcome.NOT_MET || this.canFail)
					&& (other.outcome == Outcome.NOT_MET || other.canFail);
			return new Judged(Outcome.UNKNOWN, meet, fail);
		}

	}

	/**
	 * Named schools, each read at the level the plan names (a school teaching two levels
	 * is read at the indicator's level, not its first one).
	 */
	private MeasureResult checklist(Measure.Checklist measure, YearData data, boolean detail) {
		var results = new ArrayList<UnitResult>();
		var levels = measure.scope().levels();
		int met = 0;
		int missing = 0;
		for (ChecklistItem item : measure.items()) {
			var condition = parse((item.condition() != null) ? item.condition() : measure.condition());
			var unit = data.schools()
				.stream()
				.filter((s) -> s.code().equals(item.school()))
				.filter((s) -> levels.isEmpty() || levels.contains(s.level()))
				.findFirst();
			var holds = unit.map((u) -> condition.condition(values(u, data))).orElse(Optional.empty());
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
		var value = (missing == items) ? null : BigDecimal.valueOf(met);
		var bounds = (value != null)
				? new MeasureResult.Bounds(BigDecimal.valueOf(met), BigDecimal.valueOf(met + missing)) : null;
		return new MeasureResult(value, BigDecimal.valueOf(met), BigDecimal.valueOf(items), items, items - missing, 0,
				0, detail ? results : List.of(), bounds);
	}

	private static BigDecimal percent(int part, int whole) {
		return (whole == 0) ? null
				: BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), Expr.MATH);
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
