package vn.chitieu.planning.definition;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.Measure;
import vn.chitieu.planning.MeasureKind;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.Target;
import vn.chitieu.planning.TargetShape;
import vn.chitieu.planning.expression.Expr;
import vn.chitieu.planning.expression.ExpressionParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the shipped plan definition files against the source documents and the
 * independent extraction of their targets ({@code src/test/resources/reference}).
 */
class PlanDefinitionFilesTest {

	private static DefinitionFile catalog;

	private static DefinitionFile kh157;

	private static DefinitionFile y2019;

	private static final Map<String, Metric> metrics = new HashMap<>();

	@BeforeAll
	static void readFiles() throws IOException {
		catalog = new DefinitionReader((code) -> Optional.empty()).read("catalog.yaml",
				resource("/plans/catalog.yaml"));
		catalog.metrics().forEach((m) -> metrics.put(m.code(), m));
		var reader = new DefinitionReader((code) -> Optional.ofNullable(metrics.get(code)));
		kh157 = reader.read("kh-157-ubnd-2022.yaml", resource("/plans/kh-157-ubnd-2022.yaml"));
		y2019 = reader.read("kh-nh-2019-2020.yaml", resource("/plans/kh-nh-2019-2020.yaml"));
		y2019.metrics().forEach((m) -> metrics.put(m.code(), m));
	}

	@Test
	void shouldDefineAll107IndicatorsOfTheTwoPlans() {
		assertThat(kh157.plan().indicators()).hasSize(80);
		assertThat(y2019.plan().indicators()).hasSize(27);
		assertThat(kh157.plan().code()).isEqualTo("KH-157-UBND-2022");
		assertThat(kh157.plan().baselineYear().label()).isEqualTo("2020-2021");
		assertThat(kh157.plan().targetYear().label()).isEqualTo("2024-2025");
		assertThat(y2019.plan().targetYear().label()).isEqualTo("2019-2020");
	}

	@Test
	void shouldHoldEveryIndicatorOfTheExtractionWithItsClause() throws IOException {
		assertSameIndicators(kh157, "/reference/plan-kh157-2022.yaml");
		assertSameIndicators(y2019, "/reference/plan-2019-2020.yaml");
	}

	@Test
	void shouldQuoteEveryIndicatorWordForWordFromThePlan() throws IOException {
		assertQuotesFound(kh157, "/reference/kh-157-ubnd-2022.txt");
		assertQuotesFound(y2019, "/reference/kh-nh-2019-2020.txt");
	}

	@Test
	void shouldStateTheSameTargetsAsTheExtraction() throws IOException {
		assertSameTargets(kh157, "/reference/plan-kh157-2022.yaml");
		assertSameTargets(y2019, "/reference/plan-2019-2020.yaml");
	}

	@Test
	void shouldResolveEveryMetricReferenceToADefinedMetric() {
		var used = new HashSet<String>();
		for (var indicator : allIndicators()) {
			for (Measure measure : measures(indicator)) {
				for (String expression : expressions(measure)) {
					for (Expr.Ref ref : ExpressionParser.parse(expression).refs()) {
						assertThat(metrics).as("%s refers to %s", indicator.code(), ref.code()).containsKey(ref.code());
						used.add(ref.code());
					}
				}
			}
			indicator.targets().forEach((t) -> t.benchmarks().forEach((b) -> assertThat(metrics).containsKey(b)));
		}
		Stream.of(catalog, kh157, y2019)
			.flatMap((f) -> f.rules().stream())
			.forEach((rule) -> ExpressionParser.parse(rule.expression())
				.refs()
				.forEach((ref) -> assertThat(metrics).as("rule %s", rule.code()).containsKey(ref.code())));
		// Every metric asked of schools and wards serves an indicator: nobody fills in a
		// figure for nothing. The population cohorts feed enrolment rates of both plans.
		assertThat(metrics.keySet())
			.allSatisfy((code) -> assertThat(used).as("metric %s is used", code).contains(code));
	}

	@Test
	void shouldRecordThePlansOwnFlawsOnTheIndicatorsTheyTouch() {
		for (var code : List.of("MN-15", "TH-05", "THCS-05", "Y19-21")) {
			var indicator = indicator(code);
			assertThat(indicator.flaw()).as(code).isNotNull();
			assertThat(indicator.flaw().readingVi()).isNotBlank();
			assertThat(indicator.flaw().readingEn()).isNotBlank();
		}
		assertThat(indicator("TH-05").flaw().en()).contains("28.6");
		assertThat(indicator("THCS-05").flaw().en()).contains("27.3");
		assertThat(indicator("Y19-21").targets().get(0).value()).isEqualByComparingTo("19");
	}

	@Test
	void shouldJudgeLowerIsBetterTargetsTheRightWayRound() {
		assertThat(indicator("MN-06").targets().get(0).shape()).isEqualTo(TargetShape.BELOW);
		assertThat(indicator("MN-06").direction().name()).isEqualTo("LOWER_IS_BETTER");
		assertThat(indicator("TH-13").direction().name()).isEqualTo("LOWER_IS_BETTER");
		assertThat(indicator("Y19-17").direction().name()).isEqualTo("LOWER_IS_BETTER");
		assertThat(indicator("MN-21").direction().name()).isEqualTo("WITHIN_RANGE");
	}

	private static void assertSameIndicators(DefinitionFile file, String reference) throws IOException {
		var expected = referenceIndicators(reference);
		var actual = new HashMap<String, String>();
		file.plan().indicators().forEach((i) -> actual.put(i.code(), i.clause()));
		var expectedClauses = new HashMap<String, String>();
		expected.forEach((i) -> expectedClauses.put((String) i.get("code"), (String) i.get("clause")));
		assertThat(actual).isEqualTo(expectedClauses);
	}

	private static void assertQuotesFound(DefinitionFile file, String document) throws IOException {
		var text = normalise(new String(resource(document), StandardCharsets.UTF_8));
		for (var indicator : file.plan().indicators()) {
			for (var fragment : indicator.quote().split("…")) {
				var part = normalise(fragment).replaceAll("^[“”\"]+|[“”\"]+$", "").strip();
				if (part.isEmpty()) {
					continue;
				}
				assertThat(text.contains(part)).as("quote of %s: %s", indicator.code(), part).isTrue();
			}
		}
	}

	/**
	 * The extraction states targets informally (">= 65 %", "between 30 and 35", "8 of
	 * 8"); the first target of each indicator must say the same.
	 */
	private static void assertSameTargets(DefinitionFile file, String reference) throws IOException {
		var numbers = Pattern.compile("\\+?(\\d+(?:\\.\\d+)?)");
		for (var expected : referenceIndicators(reference)) {
			var code = (String) expected.get("code");
			var text = String.valueOf(expected.get("target")).strip();
			var target = file.plan()
				.indicators()
				.stream()
				.filter((i) -> i.code().equals(code))
				.findFirst()
				.orElseThrow()
				.targets()
				.get(0);
			var matcher = numbers.matcher(text);
			assertThat(matcher.find()).as(code).isTrue();
			var first = new BigDecimal(matcher.group(1));
			if (text.matches("\\d+ of \\d+")) {
				assertThat(target.shape()).as(code).isEqualTo(TargetShape.CHECKLIST);
				assertThat(checklistSize(target, file, code)).as(code).isEqualTo(first.intValue());
				continue;
			}
			if (text.startsWith("between")) {
				assertThat(target.shape()).as(code).isEqualTo(TargetShape.BETWEEN);
				assertThat(matcher.find()).isTrue();
				assertThat(target.value()).as(code).isEqualByComparingTo(first);
				assertThat(target.high()).as(code).isEqualByComparingTo(new BigDecimal(matcher.group(1)));
				continue;
			}
			var shape = target.shape();
			if (text.startsWith("<=")) {
				assertThat(shape).as(code).isEqualTo(TargetShape.AT_MOST);
			}
			else if (text.startsWith("<")) {
				assertThat(shape).as(code).isEqualTo(TargetShape.BELOW);
			}
			else if (text.startsWith(">=")) {
				assertThat(shape).as(code).isEqualTo(TargetShape.AT_LEAST);
			}
			else if (text.startsWith(">")) {
				assertThat(shape).as(code).isEqualTo(TargetShape.ABOVE);
			}
			else {
				// "= 100 %", "= 14": reaching it is enough (a rate over the ward
				// population
				// may exceed 100 %); "= 0" incidents is "at most 0".
				assertThat(shape).as(code).isIn(TargetShape.AT_LEAST, TargetShape.AT_MOST);
			}
			assertThat(target.value()).as(code).isEqualByComparingTo(first);
			assertThat(target.increment()).as(code).isEqualTo(text.matches("^(>=|between)\\s*\\+.*"));
		}
	}

	private static int checklistSize(Target target, DefinitionFile file, String code) {
		var measure = (target.measure() != null) ? target.measure()
				: file.plan()
					.indicators()
					.stream()
					.filter((i) -> i.code().equals(code))
					.findFirst()
					.orElseThrow()
					.measure();
		assertThat(measure.kind()).isEqualTo(MeasureKind.CHECKLIST);
		return ((Measure.Checklist) measure).items().size();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> referenceIndicators(String reference) throws IOException {
		var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		Map<String, Object> root = yaml.load(new String(resource(reference), StandardCharsets.UTF_8));
		return (List<Map<String, Object>>) root.get("indicators");
	}

	private static List<IndicatorDefinition> allIndicators() {
		var all = new ArrayList<>(kh157.plan().indicators());
		all.addAll(y2019.plan().indicators());
		return all;
	}

	private static IndicatorDefinition indicator(String code) {
		return allIndicators().stream().filter((i) -> i.code().equals(code)).findFirst().orElseThrow();
	}

	private static List<Measure> measures(IndicatorDefinition indicator) {
		var measures = new ArrayList<Measure>();
		measures.add(indicator.measure());
		indicator.targets().stream().map(Target::measure).filter((m) -> m != null).forEach(measures::add);
		return measures;
	}

	private static Set<String> expressions(Measure measure) {
		var all = new HashSet<String>();
		var texts = switch (measure.kind()) {
			case RATIO, AVERAGE ->
				Stream.of(((Measure.Quotient) measure).numerator(), ((Measure.Quotient) measure).denominator());
			case SUM -> Stream.of(((Measure.Sum) measure).value());
			case SHARE, COUNT -> Stream.of(((Measure.Conditional) measure).condition());
			case CHECKLIST -> Stream.concat(Stream.of(((Measure.Checklist) measure).condition()),
					((Measure.Checklist) measure).items().stream().map((i) -> i.condition()));
			case DISTRICT -> Stream.of(((Measure.District) measure).value());
		};
		texts.filter((e) -> e != null).forEach(all::add);
		return all;
	}

	private static String normalise(String text) {
		return text.replace("**", "").replace("<sup>2</sup>", "²").replaceAll("\\s+", " ");
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = PlanDefinitionFilesTest.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return in.readAllBytes();
		}
	}

}
