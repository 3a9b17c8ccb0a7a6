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
import vn.chitieu.planning.MeasureKind;
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
		return compute(plan, indicator, data, asOf, detail, MeasureCache.NONE);
	}

	/**
	 * The same, keeping the values computed without details in a cache.
	 * @param plan the plan
	 * @param indicator the indicator
	 * @param data the figures of every year concerned
	 * @param asOf the last year to show (the target year at most)
	 * @param detail whether to keep each unit's part (such values are not cached)
	 * @param cache where values are kept
	 * @return the progress
	 */
	public IndicatorProgress compute(PlanDefinition plan, IndicatorDefinition indicator, Map<SchoolYear, YearData> data,
			SchoolYear asOf, boolean detail, MeasureCache cache) {
		return compute(plan, indicator, data, asOf, (year) -> detail, cache);
	}

	/**
	 * The same, with each unit's part in the last year only (for its breakdown); the
	 * other years' totals come from the cache.
	 * @param plan the plan
	 * @param indicator the indicator
	 * @param data the figures of every year concerned
	 * @param asOf the last year to show (the target year at most)
	 * @param cache where values are kept
	 * @return the progress
	 */
	public IndicatorProgress computeWithLastYearInDetail(PlanDefinition plan, IndicatorDefinition indicator,
			Map<SchoolYear, YearData> data, SchoolYear asOf, MeasureCache cache) {
		var last = asOf.isAfter(plan.targetYear()) ? plan.targetYear() : asOf;
		return compute(plan, indicator, data, asOf, last::equals, cache);
	}

	private IndicatorProgress compute(PlanDefinition plan, IndicatorDefinition indicator,
			Map<SchoolYear, YearData> data, SchoolYear asOf, java.util.function.Predicate<SchoolYear> detail,
			MeasureCache cache) {
		var last = asOf.isAfter(plan.targetYear()) ? plan.targetYear() : asOf;
		var measures = new java.util.LinkedHashMap<Measure, TreeMap<SchoolYear, MeasureResult>>();
		measures.put(indicator.measure(), series(indicator.measure(), plan, data, last, detail, cache));
		for (var target : indicator.targets()) {
			measures.computeIfAbsent(measureOf(target, indicator), (m) -> series(m, plan, data, last, detail, cache));
		}
		var years = new ArrayList<YearProgress>();
		for (var year = plan.baselineYear(); !year.isAfter(last); year = year.next()) {
			var targets = new ArrayList<TargetProgress>();
			for (var target : indicator.targets()) {
				var series = measures.get(measureOf(target, indicator));
				targets.add(judge(target, indicator, series, year, data, plan.baselineYear()));
			}
			var combined = combine(targets);
			var alternative = (indicator.flaw() != null && indicator.flaw().alternative() != null
					&& data.get(year) != null)
							? cached(indicator.flaw().alternative(), data.get(year), plan.baselineYear(), false, cache)
								.value()
							: null;
			var result = measures.get(indicator.measure()).get(year);
			var closed = data.get(year) != null && data.get(year).closed();
			years.add(new YearProgress(year, (result != null) ? result : targets.get(0).result(), targets,
					combined.status(), combined.provisional(), alternative, closed));
		}
		return new IndicatorProgress(indicator, years);
	}

	/**
	 * An indicator's status from its targets' statuses, whatever their order: achieved
	 * only when every target is achieved; missed (off track) when a decided target is;
	 * otherwise undecided while any target is undecided or has no data (no data when none
	 * has any); otherwise the worst of the verdicts. A verdict is provisional when only
	 * provisional targets reach it.
	 * @param targets the targets' standings
	 * @return the status and whether it is provisional
	 */
	static Combined combine(List<TargetProgress> targets) {
		if (targets.stream().allMatch((t) -> t.status() == ProgressStatus.NO_DATA)) {
			return new Combined(ProgressStatus.NO_DATA, false);
		}
		if (targets.stream().anyMatch((t) -> t.status() == ProgressStatus.OFF_TRACK && !t.provisional())) {
			return new Combined(ProgressStatus.OFF_TRACK, false);
		}
		if (targets.stream().anyMatch((t) -> !t.status().isVerdict())) {
			return new Combined(ProgressStatus.UNDECIDED, false);
		}
		var worst = ProgressStatus.ACHIEVED;
		for (var target : targets) {
			worst = (target.status().ordinal() > worst.ordinal()) ? target.status() : worst;
		}
		var status = worst;
		boolean provisional = (status == ProgressStatus.ACHIEVED)
				? targets.stream().anyMatch(TargetProgress::provisional)
				: targets.stream().noneMatch((t) -> t.status() == status && !t.provisional());
		return new Combined(status, provisional);
	}

	/**
	 * An indicator's status for a year.
	 *
	 * @param status the status
	 * @param provisional whether it rests on estimates only
	 */
	record Combined(ProgressStatus status, boolean provisional) {
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

	/**
	 * Whether a measure divides what schools report by what wards report (enrolment
	 * rates): it has a value for the district or a ward, not for one school.
	 * @param measure the measure
	 * @return true for a ratio over the wards' population
	 */
	public boolean overWards(Measure measure) {
		return this.evaluator.overWards(measure);
	}

	private MeasureResult cached(Measure measure, YearData data, SchoolYear baseline, boolean detail,
			MeasureCache cache) {
		if (detail) {
			return this.evaluator.evaluate(measure, data, baseline, true);
		}
		return cache.get(data, measure, baseline, () -> this.evaluator.evaluate(measure, data, baseline, false));
	}

	private TreeMap<SchoolYear, MeasureResult> series(Measure measure, PlanDefinition plan,
			Map<SchoolYear, YearData> data, SchoolYear last, java.util.function.Predicate<SchoolYear> detail,
			MeasureCache cache) {
		var series = new TreeMap<SchoolYear, MeasureResult>();
		// The year before the baseline too, for the change of a target per year.
		for (var year = plan.baselineYear().previous(); !year.isAfter(last); year = year.next()) {
			var yearData = data.get(year);
			if (yearData != null) {
				series.put(year, cached(measure, yearData, plan.baselineYear(), detail.test(year), cache));
			}
		}
		return series;
	}

	private static Measure measureOf(Target target, IndicatorDefinition indicator) {
		return (target.measure() != null) ? target.measure() : indicator.measure();
	}

	// ------------------------------------------------------------------ judging a target

	private TargetProgress judge(Target target, IndicatorDefinition indicator,
			TreeMap<SchoolYear, MeasureResult> series, SchoolYear year, Map<SchoolYear, YearData> data,
			SchoolYear baseline) {
		var yearData = data.get(year);
		var result = series.get(year);
		if (result == null) {
			result = MeasureResult.none();
		}
		var value = judged(target, series, year);
		if (value == null) {
			return TargetProgress.noData(target, result);
		}
		var benchmark = (target.shape() == TargetShape.ABOVE_BENCHMARK) ? benchmark(target, yearData) : null;
		if (target.shape() == TargetShape.ABOVE_BENCHMARK && benchmark == null) {
			return new TargetProgress(target, result, value, null, null, ProgressStatus.NO_DATA, null, null, null,
					false);
		}
		var bounds = judgedBounds(target, series, year);
		boolean closed = yearData != null && yearData.closed();
		// An estimate, this year or (for a change) the year before, makes the verdict
		// provisional; a closed year's figures are final however incomplete.
		boolean provisional = bounds == null
				&& (!result.complete() && !closed || target.increment() && estimate(series, data, year.previous()));
		var goal = goal(target, value, result, benchmark);
		boolean higher = higher(target, value);
		// The earlier years count in the trend and the path with final values only:
		// complete, or of a closed year.
		var finals = finalValues(series, data, baseline);
		var verdict = verdict(target, result, value, benchmark, finals, year, baseline);
		var status = verdict.status();
		if (bounds != null && !bounds.exact()) {
			// Decided only when every value the unknown units allow gives the same
			// verdict.
			var low = verdict(target, result, bounds.low(), benchmark, finals, year, baseline).status();
			var high = verdict(target, result, bounds.high(), benchmark, finals, year, baseline).status();
			if (low != status || high != status) {
				status = ProgressStatus.UNDECIDED;
			}
		}
		var gap = (status == ProgressStatus.ACHIEVED) ? null : gap(target, indicator, result, value, goal, higher);
		if (status == ProgressStatus.UNDECIDED && gap != null && gap.amount().signum() == 0 && gap.unknown() == 0) {
			gap = null;
		}
		return new TargetProgress(target, result, value, goal, verdict.expected(), status, verdict.projection(), gap,
				bounds, provisional && status.isVerdict());
	}

	/**
	 * Whether a year's value is an estimate: computed from incomplete figures of a year
	 * still open.
	 */
	private static boolean estimate(TreeMap<SchoolYear, MeasureResult> series, Map<SchoolYear, YearData> data,
			SchoolYear year) {
		var result = series.get(year);
		var yearData = data.get(year);
		return result != null && result.value() != null && !result.complete() && yearData != null && !yearData.closed();
	}

	/**
	 * The verdict a value would get: met, or where it stands against the path and the
	 * trend.
	 */
	private Verdict verdict(Target target, MeasureResult result, BigDecimal value, BigDecimal benchmark,
			TreeMap<SchoolYear, MeasureResult> finals, SchoolYear year, SchoolYear baseline) {
		var goal = goal(target, value, result, benchmark);
		boolean higher = higher(target, value);
		if (target.increment()) {
			if (meets(target, value, result, benchmark)) {
				return new Verdict(ProgressStatus.ACHIEVED, null, null);
			}
			// Some progress is a risk while the plan runs, a miss in its last year.
			return new Verdict((value.signum() > 0 && year.isBefore(target.targetYear())) ? ProgressStatus.AT_RISK
					: ProgressStatus.OFF_TRACK, null, null);
		}
		boolean due = !year.isBefore(target.targetYear());
		boolean inRange = target.shape() == TargetShape.BETWEEN && meets(target, value, result, benchmark);
		// The year is judged as if its value were this one and final: it may start the
		// path and it counts in the trend; earlier years count only with final values.
		var known = new TreeMap<>(finals.headMap(year, false));
		known.put(year, new MeasureResult(value, null, null, 0, 0, 0, 0, List.of()));
		// Inside a range there is no path to follow: it is met as it stands.
		var expected = inRange ? null : due ? goal : expected(target, known, year, baseline, goal);
		var projection = projection(known, value, year, target.targetYear(), goal);
		if (meets(target, value, result, benchmark)) {
			return new Verdict(ProgressStatus.ACHIEVED, expected, projection);
		}
		if (due) {
			return new Verdict(ProgressStatus.OFF_TRACK, expected, projection);
		}
		// Two signals: the value against the path, and where the trend leads. Both
		// good: on track; one bad: at risk; both bad: off track. Without a trend yet
		// (one year of data) the path decides, and being behind is only a risk.
		boolean onPath = (expected != null)
				&& (higher ? value.compareTo(expected) >= 0 : value.compareTo(expected) <= 0);
		boolean trendMisses = projection.value() != null && !reaches(target, projection.value(), goal, higher);
		ProgressStatus status;
		if (onPath) {
			status = trendMisses ? ProgressStatus.AT_RISK : ProgressStatus.ON_TRACK;
		}
		else {
			status = trendMisses ? ProgressStatus.OFF_TRACK : ProgressStatus.AT_RISK;
		}
		return new Verdict(status, expected, projection);
	}

	private record Verdict(ProgressStatus status, BigDecimal expected, Projection projection) {
	}

	/**
	 * Whether the trend, projected to the target year, reaches the target: strictly for
	 * "above" and "below", inside both ends of a range (a trend that overshoots a range
	 * misses it), past the value in the direction needed for an exact target.
	 */
	private static boolean reaches(Target target, BigDecimal projected, BigDecimal goal, boolean higher) {
		return switch (target.shape()) {
			case ABOVE, ABOVE_BENCHMARK -> projected.compareTo(goal) > 0;
			case BELOW -> projected.compareTo(goal) < 0;
			case BETWEEN -> projected.compareTo(target.value()) >= 0 && projected.compareTo(target.high()) <= 0;
			default -> higher ? projected.compareTo(goal) >= 0 : projected.compareTo(goal) <= 0;
		};
	}

	/**
	 * The values of the plan's own years (from the baseline) that are final: computed
	 * from every unit in scope, or of a closed year. The year before the baseline is
	 * there for changes only.
	 */
	private static TreeMap<SchoolYear, MeasureResult> finalValues(TreeMap<SchoolYear, MeasureResult> series,
			Map<SchoolYear, YearData> data, SchoolYear baseline) {
		var finals = new TreeMap<SchoolYear, MeasureResult>();
		series.tailMap(baseline, true).forEach((year, result) -> {
			var yearData = data.get(year);
			if (result.value() != null && (result.complete() || yearData != null && yearData.closed())) {
				finals.put(year, result);
			}
		});
		return finals;
	}

	/**
	 * The bounds of the value a target judges: the measure's bounds, or for a change the
	 * lowest now less the highest before and the reverse; null without sure bounds.
	 */
	private static MeasureResult.Bounds judgedBounds(Target target, TreeMap<SchoolYear, MeasureResult> series,
			SchoolYear year) {
		var now = series.get(year);
		if (now == null || now.bounds() == null) {
			return null;
		}
		if (!target.increment()) {
			return now.bounds();
		}
		var before = series.get(year.previous());
		if (before == null || before.bounds() == null) {
			return null;
		}
		return new MeasureResult.Bounds(now.bounds().low().subtract(before.bounds().high()),
				now.bounds().high().subtract(before.bounds().low()));
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

	/** The value to reach: for a range, its nearer end (the value itself inside it). */
	private static BigDecimal goal(Target target, BigDecimal value, MeasureResult result, BigDecimal benchmark) {
		return switch (target.shape()) {
			case BETWEEN -> (value.compareTo(target.value()) < 0) ? target.value()
					: (value.compareTo(target.high()) > 0) ? target.high() : value;
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
	 * The least-squares trend of the years with final values up to a year, projected to
	 * the target year; the pace needed starts from the current value.
	 */
	static Projection projection(TreeMap<SchoolYear, MeasureResult> series, BigDecimal current, SchoolYear year,
			SchoolYear targetYear, BigDecimal goal) {
		var xs = new ArrayList<Double>();
		var ys = new ArrayList<BigDecimal>();
		for (var entry : series.headMap(year, true).entrySet()) {
			if (entry.getValue().value() != null) {
				xs.add((double) entry.getKey().startYear());
				ys.add(entry.getValue().value());
			}
		}
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
		// Shares, counts and named lists count decided units; the unknown ones are named
		// apart.
		return switch (measure.kind()) {
			case RATIO -> ratioGap((Measure.Ratio) measure, result, goal, higher, strict);
			case AVERAGE -> averageGap((Measure.Average) measure, result, goal, higher, strict);
			case SHARE -> {
				var counted = result.denominator();
				var needed = ceilStrict(goal.multiply(counted).divide(HUNDRED, Expr.MATH), strict && higher);
				yield new Gap(needed.subtract(result.numerator()).max(BigDecimal.ZERO), Gap.Kind.MORE_UNITS, List.of(),
						outcomes(result, UnitResult.Outcome.NOT_MET), result.unknown(),
						outcomes(result, UnitResult.Outcome.MISSING));
			}
			case COUNT,
					CHECKLIST ->
				new Gap((higher ? ceilStrict(goal, strict) : goal).subtract(value).abs(),
						higher ? Gap.Kind.MORE_UNITS : Gap.Kind.LESS_VALUE, List.of(),
						outcomes(result, UnitResult.Outcome.NOT_MET), result.unknown(),
						outcomes(result, UnitResult.Outcome.MISSING));
			case SUM, DISTRICT -> new Gap(goal.subtract(value).abs(),
					higher ? Gap.Kind.MORE_VALUE : Gap.Kind.LESS_VALUE, List.of(), List.of());
		};
	}

	private static Gap ratioGap(Measure.Ratio measure, MeasureResult result, BigDecimal goal, boolean higher,
			boolean strict) {
		var amount = shortfall(MeasureKind.RATIO, result.numerator(), result.denominator(), goal, higher, strict);
		return new Gap(amount, higher ? Gap.Kind.MORE : Gap.Kind.FEWER, codes(measure.numerator()), List.of());
	}

	/**
	 * For an average (children per class): how many more, or fewer, of what is below the
	 * line.
	 */
	private static Gap averageGap(Measure.Average measure, MeasureResult result, BigDecimal goal, boolean higher,
			boolean strict) {
		var amount = shortfall(MeasureKind.AVERAGE, result.numerator(), result.denominator(), goal, higher, strict);
		return new Gap(amount, higher ? Gap.Kind.FEWER_BASE : Gap.Kind.MORE_BASE, codes(measure.denominator()),
				List.of());
	}

	/**
	 * How many people (for a ratio: more or fewer above the line) or how many classes
	 * (for an average: more or fewer below the line) separate a numerator and denominator
	 * from a goal; zero when the goal is met.
	 * @param kind ratio (a percentage) or average
	 * @param numerator the sum above the line
	 * @param denominator the sum below the line
	 * @param goal the value to reach
	 * @param higher whether the value must rise to reach it
	 * @param strict whether the goal itself is not enough (above, below)
	 * @return the number, never negative
	 */
	static BigDecimal shortfall(MeasureKind kind, BigDecimal numerator, BigDecimal denominator, BigDecimal goal,
			boolean higher, boolean strict) {
		if (kind == MeasureKind.RATIO) {
			var line = goal.multiply(denominator).divide(HUNDRED, Expr.MATH);
			var amount = higher ? ceilStrict(line, strict).subtract(numerator)
					: numerator.subtract(floorStrict(line, strict));
			return amount.max(BigDecimal.ZERO);
		}
		if (goal.signum() == 0) {
			return higher ? denominator : BigDecimal.ZERO;
		}
		// numerator / d reaches the goal: d at most numerator / goal when the value must
		// rise, at least numerator / goal when it must fall.
		var line = numerator.divide(goal, Expr.MATH);
		var amount = higher ? denominator.subtract(floorStrict(line, strict))
				: ceilStrict(line, strict).subtract(denominator);
		return amount.max(BigDecimal.ZERO);
	}

	/**
	 * One unit's part in the main target of an indicator, and how far it holds it back:
	 * for a ratio the people it lacks to reach the target on its own, for an average the
	 * classes, for shares, counts and named lists one unit when it does not meet the
	 * condition.
	 * @param indicator the indicator
	 * @param year the year, computed with details
	 * @return each unit's part, the one holding the indicator back most first; units
	 * without figures after those with, and those that meet the target last
	 */
	public List<UnitStanding> breakdown(IndicatorDefinition indicator, YearProgress year) {
		var target = indicator.targets().get(0);
		var measure = measureOf(target, indicator);
		var standings = new ArrayList<UnitStanding>();
		for (var part : year.main().result().units()) {
			standings.add(new UnitStanding(part, unitShortfall(target, measure.kind(), part), null));
		}
		standings.sort(UnitStanding.HOLDING_BACK_FIRST);
		return standings;
	}

	/**
	 * For a rate over the wards' population (enrolment): each ward's own rate, from the
	 * schools standing in it over its population, and how many children it lacks.
	 * Children may go to school in another ward, so a ward's own rate is an
	 * approximation; the district's rate is exact.
	 * @param indicator the indicator
	 * @param data the year's figures
	 * @param baseline the plan's baseline year
	 * @return each ward's part, the one holding the indicator back most first
	 */
	public List<UnitStanding> wardBreakdown(IndicatorDefinition indicator, YearData data, SchoolYear baseline) {
		var target = indicator.targets().get(0);
		var measure = measureOf(target, indicator);
		var standings = new ArrayList<UnitStanding>();
		for (var ward : data.wards()) {
			var own = evaluate(measure, forWard(data, ward), baseline, false);
			var part = (own.value() != null)
					? new UnitResult(ward, UnitResult.Outcome.USED, own.value(), own.numerator(), own.denominator())
					: new UnitResult(ward, UnitResult.Outcome.MISSING, null, own.numerator(), own.denominator());
			standings.add(new UnitStanding(part, unitShortfall(target, measure.kind(), part), own));
		}
		standings.sort(UnitStanding.HOLDING_BACK_FIRST);
		return standings;
	}

	/**
	 * @param data a year's figures
	 * @param ward one ward
	 * @return the figures of that ward and of the schools standing in it
	 */
	public static YearData forWard(YearData data, UnitData ward) {
		return new YearData(data.year(),
				data.schools().stream().filter((s) -> s.wardId() != null && s.wardId() == ward.unitId()).toList(),
				List.of(ward), data.district(), data.closed());
	}

	/**
	 * How far one unit's own figures fall short of a target (see {@link #breakdown}).
	 * @param target the target
	 * @param kind the kind of its measure
	 * @param part the unit's part
	 * @return the shortfall, null when it cannot be told
	 */
	public static BigDecimal unitShortfall(Target target, MeasureKind kind, UnitResult part) {
		switch (part.outcome()) {
			case MISSING:
				return null;
			case MET:
				return BigDecimal.ZERO;
			case NOT_MET:
				return BigDecimal.ONE;
			default:
				break;
		}
		if ((kind != MeasureKind.RATIO && kind != MeasureKind.AVERAGE) || part.denominator() == null
				|| part.denominator().signum() == 0 || target.value() == null || target.increment()) {
			return null;
		}
		var value = part.value();
		var shape = target.shape();
		BigDecimal goal = target.value();
		boolean higher;
		boolean strict = shape == TargetShape.ABOVE || shape == TargetShape.BELOW;
		switch (shape) {
			case AT_LEAST, ABOVE -> higher = true;
			case AT_MOST, BELOW -> higher = false;
			case EXACTLY -> higher = value.compareTo(goal) < 0;
			case BETWEEN -> {
				higher = value.compareTo(target.value()) < 0;
				goal = higher ? target.value() : target.high();
				if (!higher && value.compareTo(target.high()) <= 0) {
					return BigDecimal.ZERO;
				}
			}
			default -> {
				return null;
			}
		}
		if (shape == TargetShape.EXACTLY && value.compareTo(goal) == 0) {
			return BigDecimal.ZERO;
		}
		return shortfall(kind, part.numerator(), part.denominator(), goal, higher, strict);
	}

	/** The smallest whole number at least (or, strictly, above) a value. */
	private static BigDecimal ceilStrict(BigDecimal value, boolean strict) {
		return strict ? value.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
				: value.setScale(0, RoundingMode.CEILING);
	}

	/** The largest whole number at most (or, strictly, below) a value. */
	private static BigDecimal floorStrict(BigDecimal value, boolean strict) {
		return strict ? value.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE)
				: value.setScale(0, RoundingMode.FLOOR);
	}

	private static List<UnitData> outcomes(MeasureResult result, UnitResult.Outcome outcome) {
		return result.units().stream().filter((u) -> u.outcome() == outcome).map(UnitResult::unit).toList();
	}

	private static List<String> codes(String sum) {
		return ExpressionParser.parse(sum).sumOfMetrics().orElseThrow().stream().map(Expr.Ref::code).toList();
	}

}
