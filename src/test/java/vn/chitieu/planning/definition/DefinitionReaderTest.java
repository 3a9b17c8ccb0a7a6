package vn.chitieu.planning.definition;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.MeasureKind;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.TargetShape;
import vn.chitieu.planning.ValueType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad definition files are refused whole, with every problem naming its line.
 */
class DefinitionReaderTest {

	private static final Map<String, Metric> CATALOG = Map.of("teachers",
			metric("teachers", UnitKind.SCHOOL, ValueType.COUNT, Set.of(EducationLevel.MN, EducationLevel.TH)),
			"teachers_good", metric("teachers_good", UnitKind.SCHOOL, ValueType.COUNT, Set.of(EducationLevel.TH)),
			"is_e_school", metric("is_e_school", UnitKind.SCHOOL, ValueType.YES_NO, Set.of(EducationLevel.TH)),
			"population_age_6_10", metric("population_age_6_10", UnitKind.WARD, ValueType.COUNT, Set.of()), "city_rate",
			metric("city_rate", UnitKind.DISTRICT, ValueType.PERCENT, Set.of()));

	private final DefinitionReader reader = new DefinitionReader((code) -> Optional.ofNullable(CATALOG.get(code)));

	private static final String HEADER = """
			format: chitieu/1
			plan:
			  code: KH-TEST
			  title_vi: "Kế hoạch thử"
			  title_en: "Test plan"
			  issuer: "UBND quận"
			  baseline_year: 2020-2021
			  target_year: 2024-2025
			indicators:
			""";

	private static final String GOOD_INDICATOR = """
			  - code: TH-01
			    level: TH
			    clause: "I.2"
			    quote: "42% giáo viên đạt mức tốt"
			    name_vi: "Tỷ lệ giáo viên tốt"
			    name_en: "Good teachers"
			    unit: percent
			    measure: {kind: ratio, numerator: teachers_good, denominator: teachers}
			    target: {at_least: 42}
			""";

	@Test
	void shouldReadAValidPlan() {
		var file = read(HEADER + GOOD_INDICATOR);
		var indicator = file.plan().indicators().get(0);
		assertThat(indicator.measure().kind()).isEqualTo(MeasureKind.RATIO);
		assertThat(indicator.measure().scope().levels()).containsExactly(EducationLevel.TH);
		assertThat(indicator.targets().get(0).shape()).isEqualTo(TargetShape.AT_LEAST);
		assertThat(indicator.targets().get(0).value()).isEqualByComparingTo(new BigDecimal("42"));
		assertThat(indicator.targets().get(0).targetYear().label()).isEqualTo("2024-2025");
		assertThat(file.checksum()).hasSize(64);
	}

	@Test
	void shouldRefuseAnUnknownMetricNamingItsLine() {
		var text = HEADER + GOOD_INDICATOR.replace("denominator: teachers}", "denominator: teachers_total}");
		assertProblem(text, 17, "definition.error.unknownMetric", "teachers_total");
	}

	@Test
	void shouldRefuseADuplicateIndicatorCode() {
		var text = HEADER + GOOD_INDICATOR + GOOD_INDICATOR;
		var problem = assertProblem(text, 19, "definition.error.duplicateIndicator", "TH-01");
		assertThat(problem.args()).contains(10);
	}

	@Test
	void shouldRefuseAMalformedTarget() {
		assertProblem(HEADER + GOOD_INDICATOR.replace("{at_least: 42}", "{at_least: 42, at_most: 50}"), 18,
				"definition.error.oneShape");
		assertProblem(HEADER + GOOD_INDICATOR.replace("{at_least: 42}", "{at_least: forty}"), 18,
				"definition.error.notNumber", "forty");
		assertProblem(HEADER + GOOD_INDICATOR.replace("{at_least: 42}", "{between: [60, 50]}"), 18,
				"definition.error.minAboveMax", "60", "50");
		assertProblem(HEADER + GOOD_INDICATOR.replace("{at_least: 42}", "{at_least: 42, year: 2030-2031}"), 18,
				"definition.error.yearOutsidePlan");
	}

	@Test
	void shouldRefuseAnUnknownKeyAsATypoWouldBeSilentlyIgnoredOtherwise() {
		assertProblem(HEADER + GOOD_INDICATOR.replace("    clause:", "    clausee:"), 12, "definition.error.unknownKey",
				"clausee");
	}

	@Test
	void shouldRefuseAMeasureOfTheWrongShape() {
		assertProblem(HEADER + GOOD_INDICATOR.replace("numerator: teachers_good", "numerator: teachers_good * 2"), 17,
				"definition.error.notSum");
		assertProblem(HEADER + GOOD_INDICATOR.replace("unit: percent", "unit: schools"), 16,
				"definition.error.unitForKind");
		assertProblem(HEADER + GOOD_INDICATOR.replace("{kind: ratio, numerator: teachers_good, denominator: teachers}",
				"{kind: share, condition: teachers}"), 17, "definition.error.bareMetricNotYesNo", "teachers");
		assertProblem(
				HEADER + GOOD_INDICATOR.replace("{kind: ratio, numerator: teachers_good, denominator: teachers}",
						"{kind: share, condition: \"teachers_good / teachers > city_rate\"}"),
				17, "definition.error.districtPrefix", "city_rate");
	}

	@Test
	void shouldRefuseAMetricThatNoSchoolOfTheLevelReports() {
		var text = HEADER + GOOD_INDICATOR.replace("level: TH", "level: MN");
		assertProblem(text, 17, "definition.error.metricNotForLevels", "teachers_good");
	}

	@Test
	void shouldReportAnExpressionErrorWithItsColumn() {
		var problem = assertProblem(
				HEADER + GOOD_INDICATOR.replace("{kind: ratio, numerator: teachers_good, denominator: teachers}",
						"{kind: share, condition: \"is_e_school and (teachers > 3\"}"),
				17, "definition.error.expression");
		assertThat(problem.args().get(1)).as("the end of the text, where ')' is missing").isEqualTo(30);
	}

	@Test
	void shouldListEveryProblemNotJustTheFirst() {
		var text = HEADER + GOOD_INDICATOR.replace("teachers_good", "nope").replace("clause:", "clauze:");
		assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(DefinitionException.class,
				(ex) -> assertThat(ex.problems()).extracting(DefinitionProblem::key)
					.contains("definition.error.unknownKey", "definition.error.unknownMetric"));
	}

	@Test
	void shouldRefuseBrokenYamlAndEmptyFilesAndAWrongFormat() {
		assertProblem("format: chitieu/1\nplan: [unclosed\n", 3, "definition.error.syntax");
		assertProblem("", 0, "definition.error.empty");
		assertProblem(HEADER.replace("chitieu/1", "chitieu/9") + GOOD_INDICATOR, 1, "definition.error.format");
		assertProblem("format: chitieu/1\n", 1, "definition.error.nothingDefined");
	}

	@Test
	void shouldRefuseABillionLaughsAttack() {
		var bomb = new StringBuilder("format: chitieu/1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
		for (int i = 1; i < 10; i++) {
			bomb.append("a").append(i).append(": &a").append(i).append(" [");
			for (int j = 0; j < 10; j++) {
				bomb.append(j > 0 ? ", " : "").append("*a").append(i - 1);
			}
			bomb.append("]\n");
		}
		assertThatThrownBy(() -> read(bomb.toString())).isInstanceOf(DefinitionException.class);
	}

	@Test
	void shouldRefuseAFileThatIsNotUtf8OrTooLarge() {
		assertThatThrownBy(() -> this.reader.read("x.yaml", new byte[] { (byte) 0xC3, (byte) 0x28 }))
			.isInstanceOfSatisfying(DefinitionException.class,
					(ex) -> assertThat(ex.problems().get(0).key()).isEqualTo("definition.error.notUtf8"));
		assertThatThrownBy(() -> this.reader.read("x.yaml", new byte[DefinitionReader.MAX_BYTES + 1]))
			.isInstanceOfSatisfying(DefinitionException.class,
					(ex) -> assertThat(ex.problems().get(0).key()).isEqualTo("definition.error.tooLarge"));
	}

	@Test
	void shouldReadMetricsAndRulesAndRefuseABrokenRule() {
		var catalog = """
				format: chitieu/1
				metrics:
				  - {code: pupils, reported_by: school, levels: [TH], type: count, section: pupils, name_vi: "Học sinh", name_en: "Pupils"}
				  - {code: classes, reported_by: school, levels: [TH], type: count, section: pupils, name_vi: "Lớp", name_en: "Classes"}
				rules:
				  - {code: r1, check: "classes <= pupils"}
				""";
		var file = read(catalog);
		assertThat(file.metrics()).extracting(Metric::code).containsExactly("pupils", "classes");
		assertThat(file.metrics().get(0).min()).isEqualByComparingTo("0");
		assertThat(file.rules()).hasSize(1);
		assertProblem(catalog.replace("classes <= pupils", "classes + pupils"), 6, "definition.error.ruleNotCondition");
		assertProblem(catalog.replace("section: pupils, name_vi: \"Lớp\"", "section: nowhere, name_vi: \"Lớp\""), 4,
				"definition.error.notOneOf", "nowhere");
	}

	@Test
	void shouldRefuseTextLongerThanItsColumnNamingTheLine() {
		assertProblem(HEADER + GOOD_INDICATOR.replace("clause: \"I.2\"", "clause: \"" + "I".repeat(41) + "\""), 12,
				"definition.error.tooLong", 41, 40);
		assertProblem(HEADER.replace("issuer: \"UBND quận\"", "issuer: \"" + "Ủ".repeat(201) + "\"") + GOOD_INDICATOR,
				6, "definition.error.tooLong", 201, 200);
		assertProblem(HEADER.replace("  issuer:", "  document_number: \"" + "1".repeat(61) + "/KH\"\n  issuer:")
				+ GOOD_INDICATOR, 6, "definition.error.tooLong", 64, 60);
		assertProblem(HEADER + GOOD_INDICATOR.replace("code: TH-01", "code: TH-" + "1".repeat(38)), 10,
				"definition.error.tooLong", 41, 40);
		// A plan's code and an indicator's name a target in the audit trail (100
		// characters).
		assertProblem(HEADER.replace("code: KH-TEST", "code: KH-" + "T".repeat(38)) + GOOD_INDICATOR, 3,
				"definition.error.tooLong", 41, 40);
	}

	@Test
	void shouldRefuseANullCharacterInText() {
		assertProblem(HEADER + GOOD_INDICATOR.replace("quote: \"42%", "quote: \"42\\0%"), 13,
				"definition.error.controlCharacter");
	}

	@Test
	void shouldRefuseANumberTooLargeToStore() {
		var catalog = """
				format: chitieu/1
				metrics:
				  - {code: pupils, reported_by: school, levels: [TH], type: count, section: pupils, max: 1234567890123,
				     name_vi: "Học sinh", name_en: "Pupils", unit_vi: "%s", unit_en: "pupils"}
				""";
		assertProblem(catalog.formatted("học sinh"), 3, "definition.error.numberTooLarge", "1234567890123");
		assertProblem(catalog.formatted("h".repeat(41)).replace("1234567890123", "5000"), 4, "definition.error.tooLong",
				41, 40);
	}

	private DefinitionFile read(String text) {
		return this.reader.read("test.yaml", text.getBytes(StandardCharsets.UTF_8));
	}

	private DefinitionProblem assertProblem(String text, int line, String key, Object... args) {
		try {
			read(text);
		}
		catch (DefinitionException ex) {
			var found = ex.problems()
				.stream()
				.filter((p) -> p.key().equals(key))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No " + key + " in " + ex.problems()));
			assertThat(found.line()).as("line of %s", found).isEqualTo(line);
			if (args.length > 0) {
				assertThat(found.args()).as("args of %s", found).contains(args);
			}
			return found;
		}
		throw new AssertionError("The file was accepted");
	}

	private static Metric metric(String code, UnitKind kind, ValueType type, Set<EducationLevel> levels) {
		return new Metric(code, code, code, kind, type, null, null, BigDecimal.ZERO,
				(type == ValueType.YES_NO) ? BigDecimal.ONE : null, levels, "pupils", 0, null, null, "catalog.yaml");
	}

}
