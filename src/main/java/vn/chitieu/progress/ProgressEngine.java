package vn.chitieu.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.Measure;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.PlanDefinition;
import vn.chitieu.planning.Target;
import vn.chitieu.planning.TargetShape;
import vn.chitieu.planning.expression.Expr;
import vn.chitieu.planning.expression.ExpressionParser;

/**
 * Computes where an indicator stands, year by year: its value, each target's status, the
 * projection to the target year and the gap still to close. Plain Java: the figures come
 * in as {@link YearData}. The rules are written in {@code docs/progress.md}.
 */
public final class ProgressEngine {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final MeasureEvaluator evaluator;

	/**
	 * @param metrics the metrics, by code (to tell which figures a level reports)
	 */
	public ProgressEngine(Function<String, Metric> metrics) {
		this.evaluator = new MeasureEvaluator(metrics);
	}

	/**
	 * An indicator's progress from its plan's baseline year to a given year.
	 * @param plan the plan
	 * @param indicator the indicator
	 * @param data the figures of every year concerned
	 * @param asOf the last year to show (the target year at most)
	 * @param detail whether to keep each unit's part (for breakdowns)
	 * @return the progress
	 */
	public IndicatorProgress compute(PlanDefinition plan, IndicatorDefinition indicator, Map<SchoolYear, YearData> data,
			SchoolYear asOf, boolean detail) {
		var last = asOf.isAfter(plan.targetYear()) ? plan.targetYear() : asOf;
		var measures = new java.util.LinkedHashMap<Measure, TreeMap<SchoolYear, MeasureResult>>();
		measures.put(indicator.measure(), series(indicator.measure(), plan, data, last, detail));
		for (var target : indicator.targets()) {
			measures.computeIfAbsent(measureOf(target, indicator), (m) -> series(m, plan, data, last, detail));
		}
		var years = new ArrayList<YearProgress>();
		for (var year = plan.baselineYear(); !year.isAfter(last); year = year.next()) {
			var targets = new ArrayList<TargetProgress>();
			for (var target : indicator.targets()) {
				var series = measures.get(measureOf(target, indicator));
				targets.add(judge(target, indicator, series, year, data.get(year), plan.baselineYear()));
			}
			var status = targets.get(0).status();
			if (status != ProgressStatus.NO_DATA) {
				for (var target : targets) {
					status = status.worse(target.status());
				}
			}
			var alternative = (indicator.flaw() != null && indicator.flaw().alternative() != null
					&& data.get(year) != null)
							? evaluate(indicator.flaw().alternative(), data.get(year), plan.baselineYear(), false)
								.value()
							: null;
			var result = measures.get(indicator.measure()).get(year);
			years.add(new YearProgress(year, (result != null) ? result : targets.get(0).result(), targets, status,
					alternative));
		}
		return new IndicatorProgress(indicator, years);
	}

	/**
	 * A measure's value over one year's figures.
	 * @param measure the measure
	 * @param data the year's figures
	 * @param baseline the plan's baseline year (for "new schools")
	 * @param detail whether to keep each unit's part
	 * @return the value
	 */
	public MeasureResult evaluate(Measure measure, YearData data, SchoolYear baseline, boolean detail) {
		return this.evaluator.evaluate(measure, data, baseline, detail);
	}

	/**
	 * The units a measure covers in a year.
	 * @param measure the measure
	 * @param data the year's figures
	 * @param baseline the plan's baseline year
	 * @return the units
	 */
	public List<UnitData> units(Measure measure, YearData data, SchoolYear baseline) {
		return this.evaluator.units(measure.scope(), data, baseline);
	}

	private TreeMap<SchoolYear, MeasureResult> series(Measure measure, PlanDefinition plan,
			Map<SchoolYear, YearData> data, SchoolYear last, boolean detail) {
		var series = new TreeMap<SchoolYear, MeasureResult>();
		// The year before the baseline too, for the change of a target per year.
		for (var year = plan.baselineYear().previous(); !year.isAfter(last); year = year.next()) {
			var yearData = data.get(year);
			if (yearData != null) {
				series.put(year, this.evaluator.evaluate(measure, yearData, plan.baselineYear(), detail));
			}
		}
		return series;
	}

	private static Measure measureOf(Target target, IndicatorDefinition indicator) {
		return (target.measure() != null) ? target.measure() : indicator.measure();
	}

	// ------------------------------------------------------------------ judging a target

	private TargetProgress judge(Target target, IndicatorDefinition indicator,
			TreeMap<SchoolYear, MeasureResult> series, SchoolYear year, YearData data, SchoolYear baseline) {
		var result = series.get(year);
		if (result == null) {
			result = new MeasureResult(null, null, null, 0, 0, 0, 0, List.of());
		}
		var value = judged(target, series, year);
		if (value == null) {
			return new TargetProgress(target, result, null, null, ProgressStatus.NO_DATA, null, null);
		}
		var benchmark = (target.shape() == TargetShape.ABOVE_BENCHMARK) ? benchmark(target, data) : null;
		if (target.shape() == TargetShape.ABOVE_BENCHMARK && benchmark == null) {
			return new TargetProgress(target, result, value, null, ProgressStatus.NO_DATA, null, null);
		}
		var goal = goal(target, value, result, benchmark);
		boolean higher = higher(target, value);
		if (meets(target, value, result, benchmark)) {
			return new TargetProgress(target, result, value, goal, ProgressStatus.ACHIEVED, null, null);
		}
		var gap = gap(target, indicator, result, value, goal, higher);
		if (target.increment()) {
			var status = (value.signum() > 0) ? ProgressStatus.AT_RISK : ProgressStatus.OFF_TRACK;
			return new TargetProgress(target, result, value, goal, status, null, gap);
		}
		var projection = projection(series, year, target.targetYear(), goal);
		if (!year.isBefore(target.targetYear())) {
			return new TargetProgress(target, result, value, goal, ProgressStatus.OFF_TRACK, projection, gap);
		}
		var expected = expected(target, series, year, baseline, goal);
		boolean onTrack = (expected != null)
				&& (higher ? value.compareTo(expected) >= 0 : value.compareTo(expected) <= 0);
		ProgressStatus status;
		if (onTrack) {
			status = ProgressStatus.ON_TRACK;
		}
		else if (projection.value() == null
				|| (higher ? projection.value().compareTo(goal) >= 0 : projection.value().compareTo(goal) <= 0)) {
			status = ProgressStatus.AT_RISK;
		}
		else {
			status = ProgressStatus.OFF_TRACK;
		}
		return new TargetProgress(target, result, value, expected, status, projection, gap);
	}

	/**
	 * The value a target judges: the measure's, or its change since the previous year.
	 */
	private static BigDecimal judged(Target target, TreeMap<SchoolYear, MeasureResult> series, SchoolYear year) {
		var now = series.get(year);
		if (now == null || now.value() == null) {
			return null;
		}
		if (!target.increment()) {
			return now.value();
		}
		var before = series.get(year.previous());
		return (before == null || before.value() == null) ? null : now.value().subtract(before.value());
	}

	private static boolean meets(Target target, BigDecimal value, MeasureResult result, BigDecimal benchmark) {
		return switch (target.shape()) {
			case AT_LEAST -> value.compareTo(target.value()) >= 0;
			case ABOVE -> value.compareTo(target.value()) > 0;
			case EXACTLY -> value.compareTo(target.value()) == 0;
			case AT_MOST -> value.compareTo(target.value()) <= 0;
			case BELOW -> value.compareTo(target.value()) < 0;
			case BETWEEN -> value.compareTo(target.value()) >= 0 && value.compareTo(target.high()) <= 0;
			case ABOVE_BENCHMARK -> value.compareTo(benchmark) > 0;
			case CHECKLIST -> result.denominator() != null && value.compareTo(result.denominator()) == 0;
		};
	}

	/** The value to reach: for a range, its nearer end. */
	private static BigDecimal goal(Target target, BigDecimal value, MeasureResult result, BigDecimal benchmark) {
		return switch (target.shape()) {
			case BETWEEN -> (value.compareTo(target.value()) < 0) ? target.value() : target.high();
			case ABOVE_BENCHMARK -> benchmark;
			case CHECKLIST -> result.denominator();
			default -> target.value();
		};
	}

	/** Whether the value must rise to meet the target. */
	private static boolean higher(Target target, BigDecimal value) {
		return switch (target.shape()) {
			case AT_MOST, BELOW -> false;
			case BETWEEN -> value.compareTo(target.value()) < 0;
			case EXACTLY -> value.compareTo(target.value()) < 0;
			default -> true;
		};
	}

	/** The largest of the district benchmarks a value must beat, if all were entered. */
	private static BigDecimal benchmark(Target target, YearData data) {
		if (data == null) {
			return null;
		}
		BigDecimal highest = null;
		for (var code : target.benchmarks()) {
			var value = data.district().get(code);
			if (value == null) {
				return null;
			}
			highest = (highest == null || value.compareTo(highest) > 0) ? value : highest;
		}
		return highest;
	}

	/**
	 * The value expected by a year: the plan's milestone, or the straight line from the
	 * baseline value (the first year with data if the baseline has none) to the target.
	 */
	private static BigDecimal expected(Target target, TreeMap<SchoolYear, MeasureResult> series, SchoolYear year,
			SchoolYear baseline, BigDecimal goal) {
		var milestone = target.milestones().get(year);
		if (milestone != null) {
			return milestone;
		}
		SchoolYear startYear = null;
		BigDecimal start = null;
		for (var entry : series.tailMap(baseline, true).entrySet()) {
			if (entry.getKey().isAfter(year)) {
				break;
			}
			if (entry.getValue().value() != null) {
				startYear = entry.getKey();
				start = entry.getValue().value();
				break;
			}
		}
		if (start == null) {
			return null;
		}
		int span = target.targetYear().startYear() - startYear.startYear();
		if (span <= 0) {
			return goal;
		}
		var elapsed = BigDecimal.valueOf(year.startYear() - startYear.startYear());
		return start.add(goal.subtract(start).multiply(elapsed).divide(BigDecimal.valueOf(span), Expr.MATH));
	}

	/**
	 * The least-squares trend of the years with data up to a year, projected to the
	 * target year.
	 */
	static Projection projection(TreeMap<SchoolYear, MeasureResult> series, SchoolYear year, SchoolYear targetYear,
			BigDecimal goal) {
		var xs = new ArrayList<Double>();
		var ys = new ArrayList<BigDecimal>();
		for (var entry : series.headMap(year, true).entrySet()) {
			if (entry.getValue().value() != null) {
				xs.add((double) entry.getKey().startYear());
				ys.add(entry.getValue().value());
			}
		}
		var current = series.get(year).value();
		int yearsLeft = targetYear.startYear() - year.startYear();
		var needed = (yearsLeft > 0) ? goal.subtract(current).divide(BigDecimal.valueOf(yearsLeft), Expr.MATH) : null;
		if (xs.size() < 2) {
			return new Projection(null, null, needed);
		}
		double meanX = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		var meanY = ys.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(ys.size()), Expr.MATH);
		var numerator = BigDecimal.ZERO;
		var denominator = BigDecimal.ZERO;
		for (int i = 0; i < xs.size(); i++) {
			var dx = BigDecimal.valueOf(xs.get(i) - meanX);
			numerator = numerator.add(dx.multiply(ys.get(i).subtract(meanY)));
			denominator = denominator.add(dx.multiply(dx));
		}
		var slope = numerator.divide(denominator, Expr.MATH);
		var projected = meanY.add(slope.multiply(BigDecimal.valueOf(targetYear.startYear() - meanX)));
		return new Projection(projected, slope, needed);
	}

	// ------------------------------------------------------------------ the gap

	private static Gap gap(Target target, IndicatorDefinition indicator, MeasureResult result, BigDecimal value,
			BigDecimal goal, boolean higher) {
		var measure = measureOf(target, indicator);
		if (target.increment()) {
			return new Gap(goal.subtract(value).max(BigDecimal.ZERO), Gap.Kind.MORE_UNITS, List.of(), List.of());
		}
		var strict = target.shape() == TargetShape.ABOVE || target.shape() == TargetShape.BELOW;
		return switch (measure.kind()) {
			case RATIO -> ratioGap(measure, result, goal, higher, strict);
			case AVERAGE -> averageGap(measure, result, goal, higher);
			case SHARE -> {
				var counted = result.denominator();
				var needed = ceilStrict(goal.multiply(counted).divide(HUNDRED, Expr.MATH), strict && higher);
				yield new Gap(needed.subtract(result.numerator()).max(BigDecimal.ZERO), Gap.Kind.MORE_UNITS, List.of(),
						lagging(result));
			}
			case COUNT, CHECKLIST -> new Gap((higher ? ceilStrict(goal, strict) : goal).subtract(value).abs(),
					higher ? Gap.Kind.MORE_UNITS : Gap.Kind.LESS_VALUE, List.of(), lagging(result));
			case SUM, DISTRICT -> new Gap(goal.subtract(value).abs(),
					higher ? Gap.Kind.MORE_VALUE : Gap.Kind.LESS_VALUE, List.of(), List.of());
		};
	}

	private static Gap ratioGap(Measure measure, MeasureResult result, BigDecimal goal, boolean higher,
			boolean strict) {
		var metrics = codes(measure.numerator());
		var allowed = goal.multiply(result.denominator()).divide(HUNDRED, Expr.MATH);
		if (higher) {
			var needed = ceilStrict(allowed, strict);
			return new Gap(needed.subtract(result.numerator()).max(BigDecimal.ZERO), Gap.Kind.MORE, metrics, List.of());
		}
		var most = strict ? allowed.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE)
				: allowed.setScale(0, RoundingMode.FLOOR);
		return new Gap(result.numerator().subtract(most).max(BigDecimal.ZERO), Gap.Kind.FEWER, metrics, List.of());
	}

	/**
	 * For an average (children per class): how many more, or fewer, of what is below the
	 * line.
	 */
	private static Gap averageGap(Measure measure, MeasureResult result, BigDecimal goal, boolean higher) {
		var metrics = codes(measure.denominator());
		var base = result.numerator().divide(goal, Expr.MATH);
		if (!higher) {
			var needed = base.setScale(0, RoundingMode.CEILING);
			return new Gap(needed.subtract(result.denominator()).max(BigDecimal.ZERO), Gap.Kind.MORE_BASE, metrics,
					List.of());
		}
		var most = base.setScale(0, RoundingMode.FLOOR);
		return new Gap(result.denominator().subtract(most).max(BigDecimal.ZERO), Gap.Kind.FEWER_BASE, metrics,
				List.of());
	}

	/** The smallest whole number at least (or, strictly, above) a value. */
	private static BigDecimal ceilStrict(BigDecimal value, boolean strict) {
		return strict ? value.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
				: value.setScale(0, RoundingMode.CEILING);
	}

	private static List<UnitData> lagging(MeasureResult result) {
		return result.units()
			.stream()
			.filter((u) -> u.outcome() == UnitResult.Outcome.NOT_MET || u.outcome() == UnitResult.Outcome.MISSING)
			.map(UnitResult::unit)
			.toList();
	}

	private static List<String> codes(String sum) {
		return ExpressionParser.parse(sum).sumOfMetrics().orElseThrow().stream().map(Expr.Ref::code).toList();
	}

}
