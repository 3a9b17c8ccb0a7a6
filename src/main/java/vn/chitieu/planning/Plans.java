package vn.chitieu.planning;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.orgunit.SchoolYear;

/**
 * The plans loaded, with their indicators and targets.
 * <p>
 * What the forms ask of the plans ({@link #metricsInUse}) is kept in memory per school
 * year, stamped like the {@link MetricCatalog} with the database's change counter
 * ({@code data_version} 'all', moved by trigger whenever plans, indicators, targets,
 * metrics or {@code plan_metric_start} change): every form opened and every save asks it,
 * and reading every published plan with its indicators and targets each time was most of
 * a save's cost. The copy goes when the catalog's does, so a plan published on another
 * instance counts on the next request.
 */
@Service
@Transactional(readOnly = true)
public class Plans {

	private final PlanRepository plans;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	private final MetricCatalog catalog;

	private volatile InUse inUse;

	Plans(PlanRepository plans, org.springframework.jdbc.core.JdbcTemplate jdbc, MetricCatalog catalog) {
		this.plans = plans;
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * All published plans, the most recent target year first.
	 * @return the plans
	 */
	public List<PlanSummary> all() {
		return this.plans.findAllByStatusOrderByTargetYearDescCodeAsc(PlanStatus.PUBLISHED)
			.stream()
			.map(PlanEntity::toSummary)
			.toList();
	}

	/**
	 * The metrics the plans need for a school year: those read by the indicators of every
	 * plan whose period (baseline to target year) covers it. For a year after every plan,
	 * the metrics of the latest plans, so that data collection goes on until a new plan
	 * arrives. Only published plans count; a metric a plan brought in when it was
	 * published counts from the school year the Office chose then (the next one opened,
	 * or the open one), never before.
	 * @param year the school year
	 * @return the metric codes, in the plans' order (not to be changed)
	 */
	public Set<String> metricsInUse(SchoolYear year) {
		long stamp = this.catalog.stamp();
		var current = this.inUse;
		if (current == null || current.stamp() != stamp) {
			current = new InUse(stamp, new ConcurrentHashMap<>());
			this.inUse = current;
		}
		var cached = current.byYear().get(year.startYear());
		if (cached != null) {
			return cached;
		}
		// Read after the stamp: a change committed meanwhile moves the counter past it,
		// and the next request, seeing the catalog's stamp move, reads again.
		var codes = Collections.unmodifiableSet(readMetricsInUse(year));
		current.byYear().putIfAbsent(year.startYear(), codes);
		return codes;
	}

	private Set<String> readMetricsInUse(SchoolYear year) {
		var all = this.plans.findAllByStatus(PlanStatus.PUBLISHED).stream().map(PlanEntity::toDefinition).toList();
		var later = new java.util.HashMap<String, Set<String>>();
		this.jdbc.query("select plan_code, metric_code from plan_metric_start where from_year > ?", (rs) -> {
			later.computeIfAbsent(rs.getString(1), (k) -> new java.util.HashSet<>()).add(rs.getString(2));
		}, year.startYear());
		var covering = all.stream()
			.filter((p) -> !p.baselineYear().isAfter(year) && !p.targetYear().isBefore(year))
			.toList();
		if (covering.isEmpty()) {
			var latest = all.stream()
				.filter((p) -> p.targetYear().isBefore(year))
				.map(PlanDefinition::targetYear)
				.max(Comparator.naturalOrder());
			covering = all.stream().filter((p) -> latest.isPresent() && p.targetYear().equals(latest.get())).toList();
		}
		var codes = new LinkedHashSet<String>();
		for (var plan : covering) {
			var own = metricsOf(plan);
			own.removeAll(later.getOrDefault(plan.code(), Set.of()));
			codes.addAll(own);
		}
		return codes;
	}

	/**
	 * The metrics in use per school year, as read when the catalog had a stamp.
	 *
	 * @param stamp the catalog's change counter
	 * @param byYear the metric codes, by school year (its start year)
	 */
	private record InUse(long stamp, Map<Integer, Set<String>> byYear) {
	}

	/**
	 * The metrics a plan reads.
	 * @param plan the plan
	 * @return their codes, in the plan's order
	 */
	public static Set<String> metricsOf(PlanDefinition plan) {
		var codes = new LinkedHashSet<String>();
		for (var indicator : plan.indicators()) {
			codes.addAll(MeasureDescriber.metricsOf(indicator.measure()));
			for (var target : indicator.targets()) {
				if (target.measure() != null) {
					codes.addAll(MeasureDescriber.metricsOf(target.measure()));
				}
				codes.addAll(target.benchmarks());
			}
		}
		return codes;
	}

	/**
	 * A plan's published version.
	 * @param code the plan's code
	 * @return the plan, empty when it has no published version
	 */
	public Optional<LoadedPlan> find(String code) {
		return this.plans.findByCodeAndStatus(code, PlanStatus.PUBLISHED)
			.map((p) -> new LoadedPlan(p.toSummary(), p.toDefinition()));
	}

	/**
	 * A plan as loaded: where it came from, and what it says.
	 *
	 * @param summary its summary
	 * @param definition its indicators and targets
	 */
	public record LoadedPlan(PlanSummary summary, PlanDefinition definition) {

		public Optional<IndicatorDefinition> indicator(String code) {
			return this.definition.indicators().stream().filter((i) -> i.code().equals(code)).findFirst();
		}

	}

}
