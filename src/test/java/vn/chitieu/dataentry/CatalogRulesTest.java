package vn.chitieu.dataentry;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricCatalog.CompiledRule;
import vn.chitieu.planning.MetricRule;
import vn.chitieu.planning.definition.DefinitionReader;
import vn.chitieu.planning.expression.Expr;
import vn.chitieu.planning.expression.ExpressionParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cross-field rule the shipped files define, part by part: figures that keep it
 * pass, figures that break it are caught.
 */
class CatalogRulesTest {

	private static final Map<String, Metric> METRICS = new HashMap<>();

	static Stream<Case> parts() throws IOException {
		var rules = new ArrayList<MetricRule>();
		var catalog = new DefinitionReader((c) -> Optional.empty()).read("catalog.yaml", bytes("/plans/catalog.yaml"));
		catalog.metrics().forEach((m) -> METRICS.put(m.code(), m));
		rules.addAll(catalog.rules());
		var reader = new DefinitionReader((c) -> Optional.ofNullable(METRICS.get(c)));
		for (var name : List.of("kh-157-ubnd-2022.yaml", "kh-nh-2019-2020.yaml")) {
			var file = reader.read(name, bytes("/plans/" + name));
			file.metrics().forEach((m) -> METRICS.put(m.code(), m));
			rules.addAll(file.rules());
		}
		var cases = new ArrayList<Case>();
		for (var rule : rules) {
			var compiled = compile(rule);
			for (var part : parts(compiled.condition())) {
				cases.add(new Case(compiled, (Expr.Comparison) part));
			}
		}
		assertThat(cases).hasSizeGreaterThan(40);
		return cases.stream();
	}

	@ParameterizedTest
	@MethodSource("parts")
	void shouldCatchFiguresThatBreakTheRuleAndPassThoseThatKeepIt(Case c) {
		var metrics = c.part().refs().stream().map((r) -> METRICS.get(r.code())).distinct().toList();
		assertThat(metrics).doesNotContainNull();
		var keeping = values(c.part(), true);
		assertThat(FigureRules.check(keeping, metrics, List.of(c.rule()), true)).as("%s kept by %s", c, keeping)
			.isEmpty();
		var breaking = values(c.part(), false);
		assertThat(FigureRules.check(breaking, metrics, List.of(c.rule()), true)).as("%s broken by %s", c, breaking)
			.singleElement()
			.satisfies((v) -> assertThat(v.rule()).isEqualTo(c.rule().rule().code()));
	}

	/** Whole numbers for both sides of a comparison that make it hold, or fail. */
	private static Map<String, BigDecimal> values(Expr.Comparison part, boolean hold) {
		var left = refs(part.left());
		var right = refs(part.right());
		var values = new HashMap<String, BigDecimal>();
		if (right.isEmpty()) {
			// A bound written in the rule, e.g. "is_high_quality +
			// on_high_quality_roadmap <= 1".
			int bound = part.right().number(NONE).orElseThrow().intValue();
			int total = switch (part.operator()) {
				case LE, EQ, GE -> hold ? bound : bound + ((part.operator() == Expr.Comparator.GE) ? -1 : 1);
				case LT -> hold ? bound - 1 : bound;
				case GT -> hold ? bound + 1 : bound;
				case NE -> hold ? bound + 1 : bound;
			};
			spread(left, total, values);
			return values;
		}
		// Each side is a sum of whole numbers: the "small" side adds up to its number of
		// figures, the "large" one to more than the other side.
		boolean leftSmall = switch (part.operator()) {
			case LT, LE -> hold;
			case GT, GE -> !hold;
			case EQ, NE -> true;
		};
		int leftTotal = leftSmall ? left.size() : left.size() + right.size() + 1;
		int rightTotal = leftSmall ? left.size() + right.size() + 1 : right.size();
		if (part.operator() == Expr.Comparator.EQ || part.operator() == Expr.Comparator.NE) {
			rightTotal = (hold == (part.operator() == Expr.Comparator.EQ)) ? leftTotal : leftTotal + 1;
		}
		spread(left, leftTotal, values);
		spread(right, rightTotal, values);
		return values;
	}

	private static final Expr.Values NONE = new Expr.Values() {
		@Override
		public BigDecimal unit(String metric) {
			return null;
		}

		@Override
		public BigDecimal district(String metric) {
			return null;
		}
	};

	/** Ones first, the rest on the first figure, never more than a figure allows. */
	private static void spread(List<String> metrics, int total, Map<String, BigDecimal> values) {
		int left = total;
		for (var metric : metrics) {
			values.put(metric, BigDecimal.ZERO);
		}
		for (int i = metrics.size() - 1; i >= 1 && left > 0; i--) {
			values.put(metrics.get(i), BigDecimal.ONE);
			left--;
		}
		values.put(metrics.get(0), BigDecimal.valueOf(Math.min(Math.max(left, 0), cap(metrics.get(0)))));
	}

	private static long cap(String metric) {
		var max = METRICS.get(metric).max();
		return (max != null) ? max.longValue() : Long.MAX_VALUE;
	}

	private static List<String> refs(Expr expr) {
		return expr.refs().stream().map(Expr.Ref::code).toList();
	}

	private static List<Expr> parts(Expr condition) {
		if (condition instanceof Expr.Logical logical && logical.and()) {
			var parts = new ArrayList<Expr>(parts(logical.left()));
			parts.addAll(parts(logical.right()));
			return parts;
		}
		return List.of(condition);
	}

	private static CompiledRule compile(MetricRule rule) {
		var expr = ExpressionParser.parse(rule.expression());
		var codes = new LinkedHashSet<String>();
		expr.refs().forEach((r) -> codes.add(r.code()));
		return new CompiledRule(rule, expr, codes);
	}

	private static byte[] bytes(String path) throws IOException {
		try (InputStream in = CatalogRulesTest.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
	}

	/**
	 * One comparison of a rule.
	 *
	 * @param rule the rule
	 * @param part the comparison
	 */
	record Case(CompiledRule rule, Expr.Comparison part) {

		@Override
		public String toString() {
			return this.rule.rule().code() + ": " + this.part;
		}

	}

}
