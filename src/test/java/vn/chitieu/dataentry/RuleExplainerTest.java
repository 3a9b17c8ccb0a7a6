package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.chitieu.planning.expression.Expr;
import vn.chitieu.planning.expression.ExpressionParser;

import static org.assertj.core.api.Assertions.assertThat;

class RuleExplainerTest {

	@Test
	void shouldNameTheFailingComparisonOfAChain() {
		var rule = ExpressionParser.parse("teachers_masters_plus <= teachers_university_plus <= teachers");
		var values = Map.of("teachers_masters_plus", BigDecimal.valueOf(5), "teachers_university_plus",
				BigDecimal.valueOf(45), "teachers", BigDecimal.valueOf(40));
		var failure = RuleExplainer.explain(rule, values, (code) -> code.toUpperCase()).orElseThrow();
		assertThat(failure.left()).isEqualTo("«TEACHERS_UNIVERSITY_PLUS»");
		assertThat(failure.leftValue()).isEqualByComparingTo("45");
		assertThat(failure.operator()).isEqualTo(Expr.Comparator.LE);
		assertThat(failure.right()).isEqualTo("«TEACHERS»");
		assertThat(failure.rightValue()).isEqualByComparingTo("40");
	}

	@Test
	void shouldSumBothSidesOfAnEquality() {
		var rule = ExpressionParser.parse("population_age_3_4 + population_age_5 = population_age_3_5");
		var values = Map.of("population_age_3_4", BigDecimal.valueOf(800), "population_age_5", BigDecimal.valueOf(400),
				"population_age_3_5", BigDecimal.valueOf(1150));
		var failure = RuleExplainer.explain(rule, values, (code) -> code).orElseThrow();
		assertThat(failure.left()).isEqualTo("«population_age_3_4» + «population_age_5»");
		assertThat(failure.leftValue()).isEqualByComparingTo("1200");
		assertThat(failure.operator()).isEqualTo(Expr.Comparator.EQ);
	}

	@Test
	void shouldSayNothingOfARuleThatHoldsOrIsNotAComparison() {
		var holds = ExpressionParser.parse("a <= b");
		assertThat(RuleExplainer.explain(holds, Map.of("a", BigDecimal.ONE, "b", BigDecimal.TEN), (c) -> c)).isEmpty();
		var or = ExpressionParser.parse("a <= b or b <= a");
		assertThat(RuleExplainer.explain(or, Map.of("a", BigDecimal.ONE, "b", BigDecimal.TEN), (c) -> c)).isEmpty();
	}

}
