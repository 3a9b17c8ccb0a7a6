package vn.chitieu.progress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.MeasureKind;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.PlanSummary;
import vn.chitieu.planning.Plans;
import vn.chitieu.platform.Meters;
import vn.chitieu.progress.Computed.Stamped;

/**
 * Where the plans stand, from the figures in the database: the district overview, one
 * indicator with its breakdown by unit, one school's position, enrolment by ward.
 * <p>
 * What is read is cached, and every call first reads the change counters the database
 * keeps by trigger ({@code data_version}): a figure approved a moment ago counts on the
 * next call, with no batch and no lag. The counters and the figures a computation uses
 * are read in one short repeatable-read transaction, so they agree; the computation
 * itself runs after it, holding no database connection. A crowd asking for the same
 * overview or indicator right after a change waits for one computation of it (see
 * {@link Computed}), without a connection either: the pool stays free for everyone else.
 */
@Service
public class Progress {

	private static final int CACHED_OVERVIEWS = 64;

	/**
	 * Indicators in depth (with every unit's part: 3,000 at a city's scale) are kept as
	 * the overviews are: per plan, indicator, year and data version; fewer of them, each
	 * being larger.
	 */
	private static final int CACHED_DETAILS = 32;

	private final FigureSource source;

	private final Plans plans;

	private final SchoolYears schoolYears;

	private final ProgressEngine engine;

	private final TransactionTemplate reading;

	private final Map<YearKey, CachedYear> years = new ConcurrentHashMap<>();

	private final Computed<OverviewKey, PlanProgress> overviews = new Computed<>(CACHED_OVERVIEWS);

	private final Computed<DetailKey, IndicatorDetail> details = new Computed<>(CACHED_DETAILS);

	private volatile Stamped<Map<String, Plans.LoadedPlan>> loadedPlans;

	private final MetricCatalog catalog;

	Progress(FigureSource source, Plans plans, SchoolYears schoolYears, MetricCatalog catalog,
			PlatformTransactionManager transactions) {
		this.catalog = catalog;
		this.source = source;
		this.plans = plans;
		this.schoolYears = schoolYears;
		this.engine = new ProgressEngine((code) -> catalog.find(code).orElse(null));
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * @return the plans, the most recent target year first
	 */
	public List<PlanSummary> plans() {
		return read(() -> loaded(this.source.versions()).values().stream().map(Plans.LoadedPlan::summary).toList());
	}

	/**
	 * @param code a plan's code
	 * @return the plan, empty if there is none with that code
	 */
	public Optional<PlanSummary> summary(String code) {
		return read(() -> Optional.ofNullable(loaded(this.source.versions()).get(code)).map(Plans.LoadedPlan::summary));
	}

	/**
	 * The year a dashboard shows unless asked otherwise: the current school year, within
	 * the plan's period.
	 * @param plan the plan
	 * @return the year
	 */
	public SchoolYear defaultYear(PlanSummary plan) {
		var current = read(() -> this.schoolYears.current()).orElse(plan.targetYear());
		return clamp(current, plan.baselineYear(), plan.targetYear());
	}

	/**
	 * Every indicator of a plan, from its baseline year to a year.
	 * @param planCode the plan
	 * @param asOf the last year (kept within the plan's period)
	 * @param includeSubmitted whether submitted figures count too
	 * @return the progress, empty for an unknown plan
	 */
	public Optional<PlanProgress> plan(String planCode, SchoolYear asOf, boolean includeSubmitted) {
		var asked = read(() -> ask(planCode, asOf)).orElse(null);
		if (asked == null) {
			return Optional.empty();
		}
		var definition = asked.plan().definition();
		var last = asked.last();
		var key = new OverviewKey(planCode, last.startYear(), includeSubmitted);
		var stamp = stamp(asked.versions(), yearsOf(definition.baselineYear(), last));
		return kept(this.overviews, "overview", key, stamp, () -> computeOverview(planCode, asOf, includeSubmitted));
	}

	/**
	 * The value kept at these counters, else the one computed now (by this request or the
	 * one computing it already); empty if the plan or indicator is gone meanwhile.
	 */
	private static <K, V> Optional<V> kept(Computed<K, V> computed, String cache, K key, Map<String, Long> stamp,
			Supplier<Stamped<V>> compute) {
		var cached = computed.cached(key, stamp);
		Meters.progressCache(cache, cached != null);
		if (cached != null) {
			return Optional.of(cached);
		}
		try {
			return Optional.of(computed.get(key, stamp, compute));
		}
		catch (Vanished ex) {
			return Optional.empty();
		}
	}

	private Stamped<PlanProgress> computeOverview(String planCode, SchoolYear asOf, boolean includeSubmitted) {
		return Meters.progressComputation("overview", () -> {
			var read = readFigures(planCode, asOf, includeSubmitted);
			var definition = read.asked().plan().definition();
			var last = read.asked().last();
			var cache = cache(includeSubmitted);
			// The indicators are independent: computed on every core.
			var indicators = definition.indicators()
				.parallelStream()
				.map((i) -> this.engine.compute(definition, i, read.data(), last, false, cache))
				.toList();
			return new Stamped<>(read.stamp(),
					new PlanProgress(read.asked().plan().summary(), definition, last, includeSubmitted, indicators));
		});
	}

	/**
	 * What an indicator of a plan not yet published (a draft) would show: its value and
	 * status for each school year from the plan's baseline to the current year, on the
	 * figures in the database, computed exactly as the dashboards compute published
	 * plans.
	 * @param plan the draft plan (its period and baseline)
	 * @param indicator the indicator, as the draft defines it
	 * @param includeSubmitted whether submitted figures count too
	 * @return the progress, year by year
	 */
	public IndicatorProgress preview(vn.chitieu.planning.PlanDefinition plan, IndicatorDefinition indicator,
			boolean includeSubmitted) {
		var read = read(() -> {
			var versions = this.source.versions();
			this.catalog.revalidate(versions.getOrDefault("all", 0L));
			var current = this.schoolYears.current().orElse(plan.targetYear());
			var last = clamp(current, plan.baselineYear(), plan.targetYear());
			return Map.entry(last, data(yearsOf(plan.baselineYear(), last), includeSubmitted, versions));
		});
		return this.engine.compute(plan, indicator, read.getValue(), read.getKey(), false, cache(includeSubmitted));
	}

	/**
	 * One indicator, with each unit's part in the last year (its breakdown).
	 * @param planCode the plan
	 * @param indicatorCode the indicator
	 * @param asOf the last year
	 * @param includeSubmitted whether submitted figures count too
	 * @return the progress, empty for an unknown plan or indicator
	 */
	public Optional<IndicatorDetail> indicator(String planCode, String indicatorCode, SchoolYear asOf,
			boolean includeSubmitted) {
		var asked = read(() -> ask(planCode, asOf)).orElse(null);
		if (asked == null || asked.plan().indicator(indicatorCode).isEmpty()) {
			return Optional.empty();
		}
		var definition = asked.plan().definition();
		var last = asked.last();
		// The same data version gives the same detail: a page of the breakdown, the next
		// page, another filter read the one computed for the first.
		var key = new DetailKey(planCode, indicatorCode, last.startYear(), includeSubmitted);
		var stamp = stamp(asked.versions(), yearsOf(definition.baselineYear(), last));
		return kept(this.details, "indicator", key, stamp,
				() -> computeDetail(planCode, indicatorCode, asOf, includeSubmitted));
	}

	private Stamped<IndicatorDetail> computeDetail(String planCode, String indicatorCode, SchoolYear asOf,
			boolean includeSubmitted) {
		return Meters.progressComputation("indicator", () -> {
			var read = readFigures(planCode, asOf, includeSubmitted);
			var definition = read.asked().plan().definition();
			var indicator = read.asked().plan().indicator(indicatorCode).orElseThrow(Vanished::new);
			var last = read.asked().last();
			var progress = this.engine.computeWithLastYearInDetail(definition, indicator, read.data(), last,
					cache(includeSubmitted));
			var breakdown = this.engine.overWards(indicator.measure())
					? this.engine.wardBreakdown(indicator, read.data().get(last), definition.baselineYear())
					: this.engine.breakdown(indicator, progress.latest());
			return new Stamped<>(read.stamp(), new IndicatorDetail(read.asked().plan().summary(), definition, progress,
					breakdown, includeSubmitted));
		});
	}

	/**
	 * Each unit's part in an indicator in one year, unsorted (for exports that list every
	 * school).
	 * @param planCode the plan
	 * @param indicatorCode the indicator
	 * @param year the school year
	 * @param includeSubmitted whether submitted figures count too
	 * @return the parts of the indicator's main target, empty for an unknown plan or
	 * indicator
	 */
	public List<UnitResult> parts(String planCode, String indicatorCode, SchoolYear year, boolean includeSubmitted) {
		ReadFigures read;
		try {
			read = readFigures(planCode, year, includeSubmitted);
		}
		catch (Vanished ex) {
			return List.of();
		}
		var indicator = read.asked().plan().indicator(indicatorCode).orElse(null);
		if (indicator == null) {
			return List.of();
		}
		return this.engine
			.computeWithLastYearInDetail(read.asked().plan().definition(), indicator, read.data(), read.asked().last(),
					cache(includeSubmitted))
			.latest()
			.main()
			.result()
			.units();
	}

	/**
	 * One school's position on every indicator of a plan that can be computed for a
	 * single school: its own ratios and averages, whether it meets the conditions that
	 * shares, counts and named lists count. Enrolment rates (over the wards' population)
	 * and the Office's own figures are left out: they exist for the district only.
	 * @param planCode the plan
	 * @param schoolId the school
	 * @param asOf the last year
	 * @param includeSubmitted whether submitted figures count too
	 * @return the progress on the indicators that apply to the school, empty for an
	 * unknown plan
	 */
	public Optional<UnitProgress> school(String planCode, long schoolId, SchoolYear asOf, boolean includeSubmitted) {
		ReadFigures read;
		try {
			read = readFigures(planCode, asOf, includeSubmitted);
		}
		catch (Vanished ex) {
			return Optional.empty();
		}
		var definition = read.asked().plan().definition();
		var last = read.asked().last();
		var all = read.data();
		var own = restrict(all, (u) -> u.unitId() == schoolId, (w) -> false);
		var result = new ArrayList<IndicatorProgress>();
		for (var indicator : definition.indicators()) {
			if (appliesToSchool(indicator, own.get(last), definition.baselineYear(), all.get(last), schoolId)) {
				result.add(this.engine.compute(definition, indicator, own, last, true));
			}
		}
		return Optional.of(new UnitProgress(read.asked().plan().summary(), last, includeSubmitted, schoolId, result));
	}

	/**
	 * Enrolment by ward: every ratio of the plan over the wards' population, computed for
	 * each ward from the schools standing in it, and the ward's own part in the
	 * indicators counted over wards (universal education).
	 * @param planCode the plan
	 * @param year the school year
	 * @param includeSubmitted whether submitted figures count too
	 * @param wards which wards to show
	 * @return the rates, empty for an unknown plan
	 */
	public Optional<WardProgress> wards(String planCode, SchoolYear year, boolean includeSubmitted,
			Predicate<Long> wards) {
		var read = read(() -> ask(planCode, year).map((asked) -> new ReadFigures(asked, Map.of(),
				data(List.of(asked.last()), includeSubmitted, asked.versions()))))
			.orElse(null);
		if (read == null) {
			return Optional.empty();
		}
		var loaded = read.asked().plan();
		var definition = loaded.definition();
		var shown = read.asked().last();
		var data = read.data().get(shown);
		var rates = definition.indicators().stream().filter((i) -> this.engine.overWards(i.measure())).toList();
		var counted = definition.indicators()
			.stream()
			.filter((i) -> i.measure().scope().unit() == UnitKind.WARD && i.measure().kind() != MeasureKind.DISTRICT)
			.toList();
		var district = new LinkedHashMap<String, MeasureResult>();
		var outcomes = new HashMap<String, List<UnitResult>>();
		for (var indicator : rates) {
			district.put(indicator.code(),
					this.engine.evaluate(indicator.measure(), data, definition.baselineYear(), false));
		}
		for (var indicator : counted) {
			var result = this.engine.evaluate(indicator.measure(), data, definition.baselineYear(), true);
			district.put(indicator.code(), result);
			outcomes.put(indicator.code(), result.units());
		}
		var rows = new ArrayList<WardProgress.Row>();
		for (var ward : data.wards()) {
			if (!wards.test(ward.unitId())) {
				continue;
			}
			var own = ProgressEngine.forWard(data, ward);
			var values = new LinkedHashMap<String, MeasureResult>();
			for (var indicator : rates) {
				values.put(indicator.code(),
						this.engine.evaluate(indicator.measure(), own, definition.baselineYear(), false));
			}
			var parts = new LinkedHashMap<String, UnitResult>();
			outcomes.forEach((code, units) -> units.stream()
				.filter((u) -> u.unit().unitId() == ward.unitId())
				.findFirst()
				.ifPresent((u) -> parts.put(code, u)));
			rows.add(new WardProgress.Row(ward, values, parts));
		}
		return Optional.of(new WardProgress(loaded.summary(), shown, includeSubmitted, rates, counted, rows, district));
	}

	/**
	 * @param measure a measure
	 * @return whether it divides what schools report by the wards' population (an
	 * enrolment rate): it has a value for a ward or the district, not for one school
	 */
	public boolean isOverWards(vn.chitieu.planning.Measure measure) {
		return this.engine.overWards(measure);
	}

	// ------------------------------------------------------------------ applicability

	private boolean appliesToSchool(IndicatorDefinition indicator, YearData own, SchoolYear baseline, YearData all,
			long schoolId) {
		var measure = indicator.measure();
		if (measure.kind() == MeasureKind.DISTRICT || measure.scope().unit() != UnitKind.SCHOOL
				|| this.engine.overWards(measure)) {
			return false;
		}
		if (measure instanceof vn.chitieu.planning.Measure.Checklist checklist) {
			var code = all.schools()
				.stream()
				.filter((s) -> s.unitId() == schoolId)
				.map(UnitData::code)
				.findFirst()
				.orElse(null);
			return checklist.items().stream().anyMatch((item) -> item.school().equals(code));
		}
		return !this.engine.units(measure, own, baseline).isEmpty();
	}

	// ------------------------------------------------------------------ reading

	/**
	 * Reads in one short repeatable-read transaction (or the caller's, if it has one).
	 */
	private <T> T read(Supplier<T> reading) {
		return this.reading.execute((status) -> reading.get());
	}

	/**
	 * The counters, the plan and the figures of its years up to the one asked, read
	 * together.
	 * @throws Vanished if there is no such plan (any more)
	 */
	private ReadFigures readFigures(String planCode, SchoolYear asOf, boolean includeSubmitted) {
		return read(() -> {
			var asked = ask(planCode, asOf).orElseThrow(Vanished::new);
			var needed = yearsOf(asked.plan().definition().baselineYear(), asked.last());
			return new ReadFigures(asked, stamp(asked.versions(), needed),
					data(needed, includeSubmitted, asked.versions()));
		});
	}

	/**
	 * What every question starts with: the change counters, the plan, and the year asked
	 * kept within the plan's period.
	 */
	private Optional<Asked> ask(String planCode, SchoolYear asOf) {
		var versions = this.source.versions();
		var plan = loaded(versions).get(planCode);
		if (plan == null) {
			return Optional.empty();
		}
		var definition = plan.definition();
		return Optional.of(new Asked(versions, plan, clamp(asOf, definition.baselineYear(), definition.targetYear())));
	}

	private Map<String, Plans.LoadedPlan> loaded(Map<String, Long> versions) {
		// Another instance may have published a plan: the catalog follows the same
		// counter.
		this.catalog.revalidate(versions.getOrDefault("all", 0L));
		var stamp = stamp(versions, List.of());
		var cached = this.loadedPlans;
		if (cached != null && cached.stamp().equals(stamp)) {
			return cached.value();
		}
		var byCode = new LinkedHashMap<String, Plans.LoadedPlan>();
		for (var summary : this.plans.all()) {
			this.plans.find(summary.code()).ifPresent((p) -> byCode.put(p.summary().code(), p));
		}
		var plans = java.util.Collections.unmodifiableMap(byCode);
		this.loadedPlans = new Stamped<>(stamp, plans);
		return plans;
	}

	private Map<SchoolYear, YearData> data(Collection<SchoolYear> needed, boolean includeSubmitted,
			Map<String, Long> versions) {
		var result = new HashMap<SchoolYear, YearData>();
		var missing = new ArrayList<SchoolYear>();
		for (var year : needed) {
			var key = new YearKey(year.startYear(), includeSubmitted);
			var cached = this.years.get(key);
			var stamp = stamp(versions, List.of(year));
			if (cached != null && cached.stamp().equals(stamp)) {
				Meters.progressCache("year", true);
				result.put(year, cached.data());
				continue;
			}
			Meters.progressCache("year", false);
			var updated = (cached != null) ? update(cached, stamp, includeSubmitted) : null;
			if (updated != null) {
				this.years.put(key, updated);
				result.put(year, updated.data());
			}
			else {
				missing.add(year);
			}
		}
		if (!missing.isEmpty()) {
			Meters.progressRead("year", missing.size());
			this.source.load(missing, includeSubmitted).forEach((year, data) -> {
				this.years.put(new YearKey(year.startYear(), includeSubmitted),
						new CachedYear(stamp(versions, List.of(year)), data, new ConcurrentHashMap<>(),
								this.source.unitVersions(year)));
				result.put(year, data);
			});
		}
		return result;
	}

	/**
	 * A year read before brought up to date when only its figures changed (not the units,
	 * the school years, the plans: the {@code all} counter is the same): the figures of
	 * the units whose counters moved are read again, the rest kept. A year whose counter
	 * moved with no unit's (a bump by hand) is read whole.
	 * @return the year now, or {@code null} to read it whole
	 */
	private CachedYear update(CachedYear cached, Map<String, Long> stamp, boolean includeSubmitted) {
		if (!java.util.Objects.equals(cached.stamp().get("all"), stamp.get("all"))) {
			return null;
		}
		var year = cached.data().year();
		var now = this.source.unitVersions(year);
		var changed = new java.util.HashSet<Long>();
		now.forEach((unit, n) -> {
			if (!n.equals(cached.units().get(unit))) {
				changed.add(unit);
			}
		});
		cached.units().keySet().stream().filter((unit) -> !now.containsKey(unit)).forEach(changed::add);
		if (changed.isEmpty()) {
			return null;
		}
		return this.source.update(cached.data(), changed, includeSubmitted).map((data) -> {
			Meters.progressRead("units", changed.size());
			return new CachedYear(stamp, data, new ConcurrentHashMap<>(), now);
		}).orElse(null);
	}

	/**
	 * Keeps the totals computed over a year's figures with those figures, so that only
	 * the years that changed are computed again.
	 */
	private MeasureCache cache(boolean includeSubmitted) {
		return (data, measure, baseline, compute) -> {
			var cached = this.years.get(new YearKey(data.year().startYear(), includeSubmitted));
			if (cached == null || cached.data() != data) {
				return compute.get();
			}
			return cached.results()
				.computeIfAbsent(new MeasureKey(measure, baseline.startYear()), (k) -> compute.get());
		};
	}

	/** The same data, keeping only some schools and wards. */
	private static Map<SchoolYear, YearData> restrict(Map<SchoolYear, YearData> data, Predicate<UnitData> schools,
			Predicate<UnitData> wards) {
		var result = new HashMap<SchoolYear, YearData>();
		data.forEach((year, d) -> result.put(year, new YearData(year, d.schools().stream().filter(schools).toList(),
				d.wards().stream().filter(wards).toList(), d.district(), d.closed())));
		return result;
	}

	private static Map<String, Long> stamp(Map<String, Long> versions, Collection<SchoolYear> years) {
		var stamp = new HashMap<String, Long>();
		for (var scope : FigureSource.scopes(years)) {
			stamp.put(scope, versions.getOrDefault(scope, 0L));
		}
		return stamp;
	}

	/** The plan's years up to a year, and the one before its baseline (for changes). */
	private static List<SchoolYear> yearsOf(SchoolYear baseline, SchoolYear last) {
		var years = new TreeSet<SchoolYear>();
		for (var year = baseline.previous(); !year.isAfter(last); year = year.next()) {
			years.add(year);
		}
		return List.copyOf(years);
	}

	private static SchoolYear clamp(SchoolYear year, SchoolYear first, SchoolYear last) {
		if (year.isBefore(first)) {
			return first;
		}
		return year.isAfter(last) ? last : year;
	}

	private record Asked(Map<String, Long> versions, Plans.LoadedPlan plan, SchoolYear last) {
	}

	/** What a computation reads: the question, the counters it stamps and the figures. */
	private record ReadFigures(Asked asked, Map<String, Long> stamp, Map<SchoolYear, YearData> data) {
	}

	/** A plan or indicator asked for that is no longer there. */
	private static final class Vanished extends RuntimeException {

		Vanished() {
			super(null, null, false, false);
		}

	}

	private record YearKey(int startYear, boolean includeSubmitted) {
	}

	private record DetailKey(String plan, String indicator, int asOf, boolean includeSubmitted) {

	}

	private record OverviewKey(String plan, int asOf, boolean includeSubmitted) {
	}

	/**
	 * A year's figures as read: with the counters they were read at (the year's, and each
	 * unit's), and the totals computed over them.
	 */
	private record CachedYear(Map<String, Long> stamp, YearData data, Map<MeasureKey, MeasureResult> results,
			Map<Long, Long> units) {
	}

	private record MeasureKey(vn.chitieu.planning.Measure measure, int baseline) {
	}

}
