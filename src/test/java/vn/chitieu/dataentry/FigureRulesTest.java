package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricCatalog.CompiledRule;
import vn.chitieu.planning.MetricRule;
import vn.chitieu.planning.ValueType;
import vn.chitieu.planning.expression.ExpressionParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FigureRulesTest {

	private static final Metric TEACHERS = metric("teachers", ValueType.COUNT, "1000");

	private static final Metric UNIVERSITY = metric("teachers_university_plus", ValueType.COUNT, "1000");

	private static final Metric MASTERS = metric("teachers_masters_plus", ValueType.COUNT, "1000");

	private static final Metric LAND = metric("land_area_m2", ValueType.DECIMAL, null);

	private static final Metric LEVEL = metric("national_standard_level", ValueType.LEVEL, "2");

	private static final List<Metric> METRICS = List.of(TEACHERS, UNIVERSITY, MASTERS, LAND, LEVEL);

	private static final List<CompiledRule> RULES = List.of(
			rule("degrees", "teachers_masters_plus <= teachers_university_plus <= teachers"),
			rule("elsewhere", "pupils_two_sessions <= pupils"));

	@Test
	void shouldAcceptFiguresThatHold() {
		var values = Map.of("teachers", n(40), "teachers_university_plus", n(38), "teachers_masters_plus", n(5),
				"land_area_m2", new BigDecimal("12000.5"), "national_standard_level", n(2));
		assertThat(FigureRules.check(values, METRICS, RULES, true)).isEmpty();
	}

	@Test
	void shouldRefuseABrokenCrossFieldRule() {
		var values = Map.of("teachers", n(40), "teachers_university_plus", n(42), "teachers_masters_plus", n(5));
		var violations = FigureRules.check(values, METRICS, RULES, false);
		assertThat(violations).singleElement().satisfies((v) -> {
			assertThat(v.rule()).isEqualTo("degrees");
			assertThat(v.metrics()).as("the failing part")
				.containsExactlyInAnyOrder("teachers", "teachers_university_plus");
		});
	}

	@Test
	void shouldCheckThePartsOfAChainThatApplyToTheUnit() {
		// A primary school reports no teachers with a master's: "masters <= university <=
		// teachers" still checks "university <= teachers".
		var primary = List.of(TEACHERS, UNIVERSITY);
		var values = Map.of("teachers", n(40), "teachers_university_plus", n(45));
		assertThat(FigureRules.check(values, primary, RULES, false)).singleElement()
			.satisfies(
					(v) -> assertThat(v.metrics()).containsExactlyInAnyOrder("teachers", "teachers_university_plus"));
	}

	@Test
	void shouldWaitForTheFiguresOfAPartBeforeCheckingIt() {
		// "masters <= university" and "university <= teachers" both need the university
		// figure.
		var values = Map.of("teachers", n(40), "teachers_masters_plus", n(42));
		assertThat(FigureRules.check(values, METRICS, RULES, false)).isEmpty();
	}

	@Test
	void shouldCheckEachValueAgainstItsMetric() {
		var values = Map.of("teachers", n(-1), "teachers_university_plus", new BigDecimal("2.5"),
				"teachers_masters_plus", n(1001), "national_standard_level", n(3));
		var violations = FigureRules.check(values, METRICS, RULES, false);
		assertThat(violations).filteredOn((v) -> v.rule() == null)
			.extracting(FigureRules.Violation::metric, FigureRules.Violation::key)
			.containsExactlyInAnyOrder(tuple("teachers", "figure.error.min"),
					tuple("teachers_university_plus", "figure.error.integer"),
					tuple("teachers_masters_plus", "figure.error.max"),
					tuple("national_standard_level", "figure.error.max"));
	}

	@Test
	void shouldRequireEveryFigureOnlyWhenSubmitting() {
		var values = Map.of("teachers", n(40));
		assertThat(FigureRules.check(values, METRICS, RULES, false)).isEmpty();
		assertThat(FigureRules.check(values, METRICS, RULES, true)).extracting(FigureRules.Violation::metric)
			.containsExactlyInAnyOrder("teachers_university_plus", "teachers_masters_plus", "land_area_m2",
					"national_standard_level");
	}

	private static BigDecimal n(long value) {
		return BigDecimal.valueOf(value);
	}

	private static Metric metric(String code, ValueType type, String max) {
		return new Metric(code, code, code, UnitKind.SCHOOL, type, null, null, BigDecimal.ZERO,
				(max != null) ? new BigDecimal(max) : null, Set.of(EducationLevel.TH), "staff", 0, null, null, "test");
	}

	private static CompiledRule rule(String code, String expression) {
		var expr = ExpressionParser.parse(expression);
		var codes = new LinkedHashSet<String>();
		expr.refs().forEach((r) -> codes.add(r.code()));
		return new CompiledRule(new MetricRule(code, expression, null, null, 0, "test"), expr, codes);
	}

}
