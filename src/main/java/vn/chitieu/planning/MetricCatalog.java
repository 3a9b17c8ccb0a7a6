package vn.chitieu.planning;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.expression.Expr;
import vn.chitieu.planning.expression.ExpressionParser;

/**
 * The metrics and cross-field rules currently defined, held in memory: they change only
 * when a definition file is loaded or a plan published.
 * <p>
 * Another application instance on the same database may publish a plan: the copy held
 * here is stamped with the database's change counter ({@code data_version} 'all', moved
 * by trigger whenever metrics, rules or plans change) and dropped when the counter has
 * moved. The counter is read once per web request ({@link #revalidate()}) and on each
 * question to the progress engine, which reads it anyway ({@link #revalidate(long)}).
 */
@Service
public class MetricCatalog {

	private final MetricRepository metrics;

	private final MetricRuleRepository rules;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	private volatile Snapshot snapshot;

	MetricCatalog(MetricRepository metrics, MetricRuleRepository rules,
			org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.metrics = metrics;
		this.rules = rules;
		this.jdbc = jdbc;
	}

	/**
	 * Drops the copy held in memory if the definitions changed in the database since it
	 * was read (by this instance or another).
	 */
	public void revalidate() {
		var current = this.snapshot;
		if (current != null) {
			revalidate(counter());
		}
	}

	/**
	 * Drops the copy held in memory if it was read before the change counter reached a
	 * value.
	 * @param counter the 'all' change counter just read
	 */
	public void revalidate(long counter) {
		var current = this.snapshot;
		if (current != null && current.stamp() != counter) {
			this.snapshot = null;
		}
	}

	/**
	 * The change counter the copy held in memory was read at; it moves whenever metrics,
	 * rules or plans change, here or on another instance (after {@link #revalidate()}).
	 * What is derived from the definitions may be kept under it.
	 * @return the stamp of the current copy (read first if none is held)
	 */
	long stamp() {
		return snapshot().stamp();
	}

	private long counter() {
		var n = this.jdbc.queryForList("select n from data_version where scope = 'all'", Long.class);
		return n.isEmpty() ? 0L : n.get(0);
	}

	public Optional<Metric> find(String code) {
		return Optional.ofNullable(snapshot().metrics.get(code));
	}

	/**
	 * The metrics a kind of unit reports, in form order; for schools, those of one level.
	 * @param kind who reports
	 * @param level for schools, the level; ignored for wards and the district
	 * @return the metrics
	 */
	public List<Metric> reportedBy(UnitKind kind, EducationLevel level) {
		return snapshot().metrics.values()
			.stream()
			.filter((m) -> m.reportedBy() == kind)
			.filter((m) -> kind != UnitKind.SCHOOL || m.appliesTo(level))
			.toList();
	}

	/**
	 * Every metric: schools' first, then wards', then the district's, each in form order.
	 * @return the metrics
	 */
	public List<Metric> all() {
		return List.copyOf(snapshot().metrics.values());
	}

	/**
	 * The cross-field rules, parsed.
	 * @return the rules
	 */
	public List<CompiledRule> rules() {
		return snapshot().rules;
	}

	/** Drops the in-memory copy after definitions were loaded. */
	public void refresh() {
		this.snapshot = null;
	}

	private Snapshot snapshot() {
		var current = this.snapshot;
		if (current == null) {
			current = load();
			this.snapshot = current;
		}
		return current;
	}

	Snapshot load() {
		// The counter first: a change made while reading leaves an older stamp, so the
		// next check reads again.
		long stamp = counter();
		var order = Comparator.comparing((Metric m) -> m.reportedBy().ordinal())
			.thenComparing((m) -> MetricSections.allowed(m.reportedBy()).indexOf(m.section()))
			.thenComparing(Metric::source, Comparator.comparing((String s) -> !s.contains("catalog")))
			.thenComparing(Metric::source)
			.thenComparingInt(Metric::position);
		Map<String, Metric> byCode = this.metrics.findAll()
			.stream()
			.map(MetricEntity::toMetric)
			.sorted(order)
			.collect(Collectors.toMap(Metric::code, (m) -> m, (a, b) -> a, LinkedHashMap::new));
		var compiled = this.rules.findAll()
			.stream()
			.map(MetricRuleEntity::toRule)
			.sorted(Comparator.comparing(MetricRule::source).thenComparingInt(MetricRule::position))
			.map(CompiledRule::of)
			.toList();
		return new Snapshot(byCode, compiled, stamp);
	}

	record Snapshot(Map<String, Metric> metrics, List<CompiledRule> rules, long stamp) {
	}

	/**
	 * A rule with its parsed condition.
	 *
	 * @param rule the rule as defined
	 * @param condition its parsed condition
	 * @param metrics the metrics it reads
	 */
	public record CompiledRule(MetricRule rule, Expr condition, Set<String> metrics) {

		static CompiledRule of(MetricRule rule) {
			var expr = ExpressionParser.parse(rule.expression());
			var codes = expr.refs()
				.stream()
				.map(Expr.Ref::code)
				.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
			return new CompiledRule(rule, expr, codes);
		}

	}

}
