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
 * when a definition file is loaded.
 */
@Service
public class MetricCatalog {

	private final MetricRepository metrics;

	private final MetricRuleRepository rules;

	private volatile Snapshot snapshot;

	MetricCatalog(MetricRepository metrics, MetricRuleRepository rules) {
		this.metrics = metrics;
		this.rules = rules;
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
		return new Snapshot(byCode, compiled);
	}

	record Snapshot(Map<String, Metric> metrics, List<CompiledRule> rules) {
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
