package vn.chitieu.progress;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.PlanDefinition;
import vn.chitieu.planning.definition.DefinitionReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden test: all 107 indicators of the two shipped plans, computed on a small fixed
 * district ({@code golden/district.yaml}), against values worked out by hand
 * ({@code golden/expected.yaml}, with the working).
 */
class GoldenProgressTest {

	private static final Map<String, Metric> metrics = new HashMap<>();

	private static final Map<String, PlanDefinition> plans = new LinkedHashMap<>();

	private static Map<SchoolYear, YearData> data;

	private static List<Map<String, Object>> expected;

	private static Map<SchoolYear, YearData> openData;

	private static List<Map<String, Object>> openExpected;

	private static ProgressEngine engine;

	@BeforeAll
	static void load() throws IOException {
		var catalog = new DefinitionReader((c) -> Optional.empty()).read("catalog.yaml", bytes("/plans/catalog.yaml"));
		catalog.metrics().forEach((m) -> metrics.put(m.code(), m));
		var reader = new DefinitionReader((c) -> Optional.ofNullable(metrics.get(c)));
		for (var name : List.of("kh-157-ubnd-2022.yaml", "kh-nh-2019-2020.yaml")) {
			var file = reader.read(name, bytes("/plans/" + name));
			file.metrics().forEach((m) -> metrics.put(m.code(), m));
			plans.put(file.plan().code(), file.plan());
		}
		engine = new ProgressEngine(metrics::get);
		data = GoldenDistrict.read(yaml("/golden/district.yaml"));
		expected = yaml("/golden/expected.yaml");
		openData = GoldenDistrict.read(yaml("/golden/open-district.yaml"));
		openExpected = yaml("/golden/open-expected.yaml");
	}

	@Test
	void shouldCheckEveryIndicatorOfBothPlansInItsTargetYear() {
		var checked = new HashSet<String>();
		for (var block : expected) {
			var plan = plans.get((String) block.get("plan"));
			if (SchoolYear.parse((String) block.get("year")).equals(plan.targetYear())) {
				indicators(block).forEach((i) -> checked.add(plan.code() + "/" + i.get("code")));
			}
		}
		var all = new HashSet<String>();
		plans.values().forEach((p) -> p.indicators().forEach((i) -> all.add(p.code() + "/" + i.code())));
		assertThat(all).hasSize(107);
		assertThat(checked).isEqualTo(all);
	}

	@Test
	void shouldRecordTheWorkingOfEveryExpectedValue() {
		var worked = expected.stream()
			.flatMap((b) -> indicators(b).stream())
			.filter((i) -> i.get("working") != null && !((String) i.get("working")).isBlank())
			.count();
		assertThat(worked).isGreaterThanOrEqualTo(30);
		assertThat(openExpected.stream().flatMap((b) -> indicators(b).stream()))
			.allSatisfy((i) -> assertThat((String) i.get("working")).as("working of %s", i.get("code")).isNotBlank());
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("cases")
	void shouldComputeWhatWasWorkedOutByHand(String planCode, String yearLabel, String code,
			Map<String, Object> expect) {
		check(data, planCode, yearLabel, code, expect);
	}

	/**
	 * The second dataset: school years still open, schools late, figures left out
	 * (verdicts over incomplete data).
	 */
	@ParameterizedTest(name = "open {0} {1} {2}")
	@MethodSource("openCases")
	void shouldComputeWhatWasWorkedOutByHandOverIncompleteData(String planCode, String yearLabel, String code,
			Map<String, Object> expect) {
		check(openData, planCode, yearLabel, code, expect);
	}

	/**
	 * An indicator's status never depends on the order its targets are written in: every
	 * indicator with several targets, in every year a case of either dataset looks at,
	 * with its targets in every order.
	 */
	@Test
	void shouldGiveTheSameStatusWhateverTheOrderOfTheTargets() {
		int checked = 0;
		for (var dataset : List.of(Map.entry(data, expected), Map.entry(openData, openExpected))) {
			var seen = new HashSet<String>();
			for (var block : dataset.getValue()) {
				var plan = plans.get((String) block.get("plan"));
				var year = SchoolYear.parse((String) block.get("year"));
				if (!seen.add(plan.code() + "/" + year)) {
					continue;
				}
				for (var indicator : plan.indicators()) {
					if (indicator.targets().size() < 2) {
						continue;
					}
					var written = engine.compute(plan, indicator, dataset.getKey(), year, false)
						.year(year)
						.orElseThrow();
					for (var order : permutations(indicator.targets())) {
						var reordered = new IndicatorDefinition(indicator.code(), indicator.level(), indicator.clause(),
								indicator.quote(), indicator.nameVi(), indicator.nameEn(), indicator.unit(),
								indicator.measure(), indicator.direction(), order, indicator.flaw());
						var progress = engine.compute(plan, reordered, dataset.getKey(), year, false)
							.year(year)
							.orElseThrow();
						assertThat(progress.status()).as("%s %s %s", plan.code(), year, order)
							.isEqualTo(written.status());
						assertThat(progress.provisional()).as("provisional: %s %s %s", plan.code(), year, order)
							.isEqualTo(written.provisional());
						checked++;
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(100);
	}

	private static <T> List<List<T>> permutations(List<T> items) {
		if (items.isEmpty()) {
			return List.of(List.of());
		}
		var all = new ArrayList<List<T>>();
		for (int i = 0; i < items.size(); i++) {
			var rest = new ArrayList<>(items);
			var first = rest.remove(i);
			for (var tail : permutations(rest)) {
				var order = new ArrayList<T>();
				order.add(first);
				order.addAll(tail);
				all.add(order);
			}
		}
		return all;
	}

	private static void check(Map<SchoolYear, YearData> figures, String planCode, String yearLabel, String code,
			Map<String, Object> expect) {
		var plan = plans.get(planCode);
		var indicator = plan.indicators().stream().filter((i) -> i.code().equals(code)).findFirst().orElseThrow();
		var year = SchoolYear.parse(yearLabel);
		var progress = engine.compute(plan, indicator, figures, year, true).year(year).orElseThrow();
		var main = progress.main();
		var working = (String) expect.get("working");

		if (expect.containsKey("value")) {
			assertThat(progress.result().value()).as(working).isNotNull();
			assertThat(rounded(progress.result().value(), (String) expect.get("value"))).as(working)
				.isEqualByComparingTo((String) expect.get("value"));
		}
		else {
			assertThat(progress.result().value()).as(working).isNull();
		}
		assertThat(progress.status()).as(working).isEqualTo(ProgressStatus.valueOf((String) expect.get("status")));
		assertThat(used(progress.result())).as("completeness: " + working).isEqualTo(expect.get("used"));
		assertThat(progress.provisional()).as("provisional: " + working)
			.isEqualTo(expect.getOrDefault("provisional", false));
		if (expect.containsKey("bounds")) {
			var bounds = ((String) expect.get("bounds")).split("\\.\\.");
			assertThat(main.bounds()).as("bounds: " + working).isNotNull();
			assertThat(rounded(main.bounds().low(), bounds[0])).as("lowest: " + working)
				.isEqualByComparingTo(bounds[0]);
			assertThat(rounded(main.bounds().high(), bounds[1])).as("highest: " + working)
				.isEqualByComparingTo(bounds[1]);
		}
		if (expect.containsKey("expected")) {
			assertThat(rounded(main.expected(), (String) expect.get("expected"))).as(working)
				.isEqualByComparingTo((String) expect.get("expected"));
		}
		if (expect.containsKey("projection")) {
			assertThat(rounded(main.projection().value(), (String) expect.get("projection"))).as(working)
				.isEqualByComparingTo((String) expect.get("projection"));
		}
		if (expect.containsKey("alternative")) {
			assertThat(rounded(progress.alternative(), (String) expect.get("alternative"))).as(working)
				.isEqualByComparingTo((String) expect.get("alternative"));
		}
		if (expect.containsKey("gap")) {
			@SuppressWarnings("unchecked")
			var gap = (Map<String, Object>) expect.get("gap");
			assertThat(main.gap()).as(working).isNotNull();
			assertThat(main.gap().kind()).as(working).isEqualTo(Gap.Kind.valueOf((String) gap.get("kind")));
			assertThat(main.gap().amount()).as(working).isEqualByComparingTo(String.valueOf(gap.get("amount")));
			if (gap.containsKey("units")) {
				assertThat(main.gap().units()).extracting(UnitData::code).as(working).isEqualTo(gap.get("units"));
			}
			if (gap.containsKey("unknown")) {
				assertThat(main.gap().unknownUnits()).extracting(UnitData::code)
					.as(working)
					.isEqualTo(gap.get("unknown"));
			}
		}
	}

	static Stream<Arguments> cases() throws IOException {
		if (expected == null) {
			load();
		}
		return cases(expected);
	}

	static Stream<Arguments> openCases() throws IOException {
		if (openExpected == null) {
			load();
		}
		return cases(openExpected);
	}

	private static Stream<Arguments> cases(List<Map<String, Object>> expected) {
		var cases = new ArrayList<Arguments>();
		for (var block : expected) {
			for (var indicator : indicators(block)) {
				cases.add(Arguments.of(block.get("plan"), block.get("year"), indicator.get("code"), indicator));
			}
		}
		return cases.stream();
	}

	/** "3/4", then "; 2/2" for the wards of a rate over their population. */
	private static String used(MeasureResult result) {
		var text = result.used() + "/" + result.inScope();
		return (result.wardsInScope() > 0) ? text + "; " + result.wardsUsed() + "/" + result.wardsInScope() : text;
	}

	/** A value rounded to as many decimals as the expected one has. */
	private static BigDecimal rounded(BigDecimal value, String expected) {
		int decimals = expected.contains(".") ? expected.length() - expected.indexOf('.') - 1 : 0;
		return value.setScale(decimals, RoundingMode.HALF_UP);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> indicators(Map<String, Object> block) {
		return (List<Map<String, Object>>) block.get("indicators");
	}

	private static byte[] bytes(String resource) throws IOException {
		try (InputStream in = GoldenProgressTest.class.getResourceAsStream(resource)) {
			return in.readAllBytes();
		}
	}

	private static <T> T yaml(String resource) throws IOException {
		try (InputStream in = GoldenProgressTest.class.getResourceAsStream(resource)) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
	}

	/**
	 * Reads the golden district: defaults per level (and per level for a year), a
	 * school's constant values, each year's own values, units without figures, single
	 * figures left out (written null).
	 */
	static final class GoldenDistrict {

		@SuppressWarnings("unchecked")
		static Map<SchoolYear, YearData> read(Map<String, Object> file) {
			var defaults = (Map<String, Map<String, Object>>) file.get("defaults");
			var constant = (Map<String, Map<String, Map<String, Object>>>) file.getOrDefault("constant", Map.of());
			var wards = (List<Map<String, Object>>) file.get("wards");
			var schools = (List<Map<String, Object>>) file.get("schools");
			var wardIds = new HashMap<String, Long>();
			long id = 1;
			for (var ward : wards) {
				wardIds.put((String) ward.get("code"), id++);
			}
			var result = new HashMap<SchoolYear, YearData>();
			var years = (Map<Integer, Map<String, Object>>) file.get("years");
			for (var entry : years.entrySet()) {
				var year = SchoolYear.of(entry.getKey());
				var spec = (entry.getValue() != null) ? entry.getValue() : Map.<String, Object>of();
				var missing = new HashSet<>((List<String>) spec.getOrDefault("missing", List.of()));
				var missingWards = new HashSet<>((List<String>) spec.getOrDefault("missing_wards", List.of()));
				var yearSchools = (Map<String, Map<String, Map<String, Object>>>) spec.getOrDefault("schools",
						Map.of());
				var yearWards = (Map<String, Map<String, Object>>) spec.getOrDefault("wards", Map.of());
				var yearDefaults = (Map<String, Map<String, Object>>) spec.getOrDefault("defaults", Map.of());
				var schoolData = new ArrayList<UnitData>();
				long schoolId = 100;
				for (var school : schools) {
					schoolId++;
					var code = (String) school.get("code");
					var opened = (Integer) school.get("opened");
					if (opened != null && opened > year.startYear()) {
						continue;
					}
					for (var level : (List<String>) school.get("levels")) {
						var values = new HashMap<String, BigDecimal>();
						if (!missing.contains(code)) {
							put(values, defaults.get(level));
							put(values, yearDefaults.get(level));
							put(values, constant.getOrDefault(code, Map.of()).get(level));
							put(values, yearSchools.getOrDefault(code, Map.of()).get(level));
						}
						schoolData.add(new UnitData(schoolId, code, (String) school.get("name"), UnitKind.SCHOOL,
								EducationLevel.valueOf(level), wardIds.get((String) school.get("ward")),
								Ownership.valueOf((String) school.get("ownership")), opened, values));
					}
				}
				var wardData = new ArrayList<UnitData>();
				for (var ward : wards) {
					var code = (String) ward.get("code");
					var values = new HashMap<String, BigDecimal>();
					if (!missingWards.contains(code)) {
						put(values, defaults.get("ward"));
						put(values, yearWards.get(code));
					}
					wardData.add(new UnitData(wardIds.get(code), code, (String) ward.get("name"), UnitKind.WARD, null,
							null, null, null, values));
				}
				var district = new HashMap<String, BigDecimal>();
				put(district, defaults.get("district"));
				put(district, (Map<String, Object>) spec.get("district"));
				result.put(year,
						new YearData(year, schoolData, wardData, district, !Boolean.TRUE.equals(spec.get("open"))));
			}
			return result;
		}

		private static void put(Map<String, BigDecimal> values, Map<String, Object> more) {
			if (more != null) {
				// A figure written as null is left out (not reported).
				more.forEach((k, v) -> {
					if (v == null) {
						values.remove(k);
					}
					else {
						values.put(k, new BigDecimal(String.valueOf(v)));
					}
				});
			}
		}

		private GoldenDistrict() {
		}

	}

}
