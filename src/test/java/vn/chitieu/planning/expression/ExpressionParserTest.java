package vn.chitieu.planning.expression;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionParserTest {

	private final Map<String, BigDecimal> unit = new HashMap<>();

	private final Map<String, BigDecimal> district = new HashMap<>();

	private final Expr.Values values = new Expr.Values() {
		@Override
		public BigDecimal unit(String metric) {
			return ExpressionParserTest.this.unit.get(metric);
		}

		@Override
		public BigDecimal district(String metric) {
			return ExpressionParserTest.this.district.get(metric);
		}
	};

	@Test
	void shouldComputeLandPerPupilAgainstTheTen() {
		this.unit.put("land_area_m2", new BigDecimal("12000"));
		this.unit.put("pupils", new BigDecimal("1250"));
		var expr = ExpressionParser.parse("land_area_m2 / pupils >= 10");
		assertThat(expr.isCondition()).isTrue();
		assertThat(expr.condition(this.values)).contains(false);
		this.unit.put("pupils", new BigDecimal("1200"));
		assertThat(expr.condition(this.values)).contains(true);
	}

	@Test
	void shouldReadAChainOfComparisonsAsAllOfThem() {
		var expr = ExpressionParser.parse("teachers_masters_plus <= teachers_university_plus <= teachers");
		this.unit.putAll(Map.of("teachers_masters_plus", BigDecimal.valueOf(5), "teachers_university_plus",
				BigDecimal.valueOf(40), "teachers", BigDecimal.valueOf(42)));
		assertThat(expr.condition(this.values)).contains(true);
		this.unit.put("teachers", BigDecimal.valueOf(39));
		assertThat(expr.condition(this.values)).contains(false);
		this.unit.put("teachers_masters_plus", BigDecimal.valueOf(41));
		this.unit.put("teachers", BigDecimal.valueOf(50));
		assertThat(expr.condition(this.values)).contains(false);
	}

	@Test
	void shouldGiveNoValueRatherThanZeroWhenAFigureIsMissingOrTheDenominatorIsZero() {
		var ratio = ExpressionParser.parse("grade10_passed / grade10_candidates * 100");
		assertThat(ratio.number(this.values)).isEmpty();
		this.unit.put("grade10_passed", BigDecimal.valueOf(10));
		this.unit.put("grade10_candidates", BigDecimal.ZERO);
		assertThat(ratio.number(this.values)).isEmpty();
		this.unit.put("grade10_candidates", BigDecimal.valueOf(8));
		assertThat(ratio.number(this.values).orElseThrow()).isEqualByComparingTo("125");
	}

	@Test
	void shouldCompareWithDistrictBenchmarks() {
		var expr = ExpressionParser
			.parse("grade10_passed / grade10_candidates * 100 > district.city_grade10_pass_rate");
		this.unit.put("grade10_passed", BigDecimal.valueOf(180));
		this.unit.put("grade10_candidates", BigDecimal.valueOf(200));
		assertThat(expr.condition(this.values)).as("benchmark not entered").isEmpty();
		this.district.put("city_grade10_pass_rate", new BigDecimal("90.0"));
		assertThat(expr.condition(this.values)).as("90 % is not above 90 %").contains(false);
		this.district.put("city_grade10_pass_rate", new BigDecimal("89.9"));
		assertThat(expr.condition(this.values)).contains(true);
		assertThat(expr.refs()).extracting(Expr.Ref::district).containsExactly(false, false, true);
	}

	@Test
	void shouldTreatABareYesNoMetricAsYes() {
		var expr = ExpressionParser.parse("is_high_quality and is_smart_school");
		this.unit.put("is_high_quality", BigDecimal.ONE);
		this.unit.put("is_smart_school", BigDecimal.ZERO);
		assertThat(expr.condition(this.values)).contains(false);
		this.unit.put("is_smart_school", BigDecimal.ONE);
		assertThat(expr.condition(this.values)).contains(true);
		assertThat(ExpressionParser.parse("not is_smart_school").condition(this.values)).contains(false);
	}

	@Test
	void shouldFollowThreeValuedLogicWithMissingFigures() {
		var and = ExpressionParser.parse("is_high_quality and is_smart_school");
		var or = ExpressionParser.parse("is_high_quality or is_smart_school");
		this.unit.put("is_high_quality", BigDecimal.ZERO);
		assertThat(and.condition(this.values)).as("false and missing").contains(false);
		assertThat(or.condition(this.values)).as("false or missing").isEqualTo(Optional.empty());
		this.unit.put("is_high_quality", BigDecimal.ONE);
		assertThat(and.condition(this.values)).as("true and missing").isEmpty();
		assertThat(or.condition(this.values)).as("true or missing").contains(true);
	}

	@Test
	void shouldRespectPrecedence() {
		assertThat(ExpressionParser.parse("2 + 3 * 4").number(this.values).orElseThrow()).isEqualByComparingTo("14");
		assertThat(ExpressionParser.parse("(2 + 3) * 4").number(this.values).orElseThrow()).isEqualByComparingTo("20");
		assertThat(ExpressionParser.parse("-2 + 5").number(this.values).orElseThrow()).isEqualByComparingTo("3");
	}

	@Test
	void shouldRecogniseASumOfMetricsOnly() {
		assertThat(ExpressionParser.parse("managers + teachers + support_staff").sumOfMetrics().orElseThrow())
			.extracting(Expr.Ref::code)
			.containsExactly("managers", "teachers", "support_staff");
		assertThat(ExpressionParser.parse("managers - teachers").sumOfMetrics()).isEmpty();
		assertThat(ExpressionParser.parse("managers + 1").sumOfMetrics()).isEmpty();
		assertThat(ExpressionParser.parse("district.a + b").sumOfMetrics()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "classes <= | 11 | expression.error.end",
			"classes ** 2 | 10 | expression.error.unexpected",
			"(classes + 1 | 13 | expression.error.closingParenthesis", "classes # 2 | 9 | expression.error.character",
			"is_e_school and 3 | 13 | expression.error.notCondition", "(a > 1) + 2 | 9 | expression.error.notNumber",
			"district x | 10 | expression.error.districtDot", "1.2.3 | 1 | expression.error.number" })
	void shouldRefuseMalformedExpressionsNamingTheColumn(String text, int column, String key) {
		assertThatThrownBy(() -> ExpressionParser.parse(text)).isInstanceOfSatisfying(ExpressionException.class,
				(ex) -> {
					assertThat(ex.key()).isEqualTo(key);
					assertThat(ex.column()).isEqualTo(column);
				});
	}

}
