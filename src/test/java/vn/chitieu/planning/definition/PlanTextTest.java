package vn.chitieu.planning.definition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.chitieu.planning.Metric;
import vn.chitieu.planning.PlanDefinition;
import vn.chitieu.planning.definition.PlanText.Header;
import vn.chitieu.planning.definition.PlanText.IndicatorFields;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's text fields go through the definition file's own reader: every indicator
 * of the shipped plans written as fields reads back the same, and a mistake is traced to
 * the field it is in.
 */
class PlanTextTest {

	private static final Map<String, Metric> metrics = new HashMap<>();

	private static final List<PlanDefinition> plans = new ArrayList<>();

	@BeforeAll
	static void readFiles() throws IOException {
		var catalog = new DefinitionReader((code) -> Optional.empty()).read("catalog.yaml",
				resource("/plans/catalog.yaml"));
		catalog.metrics().forEach((m) -> metrics.put(m.code(), m));
		var reader = new DefinitionReader((code) -> Optional.ofNullable(metrics.get(code)));
		for (var name : List.of("kh-157-ubnd-2022.yaml", "kh-nh-2019-2020.yaml")) {
			var file = reader.read(name, resource("/plans/" + name));
			file.metrics().forEach((m) -> metrics.put(m.code(), m));
			plans.add(file.plan());
		}
	}

	@Test
	void shouldReadEveryShippedIndicatorBackTheSameFromItsFields() {
		int checked = 0;
		for (var plan : plans) {
			for (var indicator : plan.indicators()) {
				var reading = PlanText.read(Header.of(plan), List.of(IndicatorFields.of(indicator, plan)), this::metric,
						false);
				assertThat(reading.problems()).as(indicator.code()).isEmpty();
				assertThat(reading.plan().indicators()).as(indicator.code()).containsExactly(indicator);
				checked++;
			}
		}
		assertThat(checked).isEqualTo(107);
	}

	@Test
	void shouldReadAWholeShippedPlanBackTheSameFromItsFields() {
		var plan = plans.get(0);
		var fields = plan.indicators().stream().map((i) -> IndicatorFields.of(i, plan)).toList();
		var reading = PlanText.read(Header.of(plan), fields, this::metric, false);
		assertThat(reading.problems()).isEmpty();
		assertThat(reading.plan()).isEqualTo(plan);
	}

	@Test
	void shouldTraceEachProblemToItsField() {
		var plan = plans.get(0);
		var good = IndicatorFields.of(plan.indicators().get(0), plan);
		var bad = new IndicatorFields(good.code(), good.level(), good.clause(), good.quote(), good.nameVi(),
				good.nameEn(), good.unit(), "{kind: ratio, numerator: no_such_metric, denominator: population_0_2}",
				"{at_least: lots}", null, null, null, null, null, null);
		var reading = PlanText.read(Header.of(plan), List.of(bad), this::metric, false);
		assertThat(reading.ok()).isFalse();
		assertThat(reading.of(0, "measure")).isNotEmpty()
			.allSatisfy((p) -> assertThat(p.problem().key()).isEqualTo("definition.error.unknownMetric"))
			.anySatisfy((p) -> assertThat(p.problem().args()).containsExactly("no_such_metric"));
		assertThat(reading.problems()).allSatisfy((p) -> assertThat(p.field()).isEqualTo("measure"));
		// The target is read only with a valid measure: fix the measure, the target's
		// problem shows.
		var badTarget = new IndicatorFields(good.code(), good.level(), good.clause(), good.quote(), good.nameVi(),
				good.nameEn(), good.unit(), good.measure(), "{at_least: lots}", null, null, null, null, null, null);
		var second = PlanText.read(Header.of(plan), List.of(badTarget), this::metric, false);
		assertThat(second.of(0, "target")).isNotEmpty();
		assertThat(second.problems()).allSatisfy((p) -> assertThat(p.field()).isEqualTo("target"));
	}

	@Test
	void shouldTraceAMissingMeasureAndBadMilestonesToTheirFields() {
		var plan = plans.get(0);
		var good = IndicatorFields.of(plan.indicators().get(0), plan);
		var missing = new IndicatorFields(good.code(), good.level(), good.clause(), good.quote(), good.nameVi(),
				good.nameEn(), good.unit(), "", good.target(), null, null, null, null, null, null);
		assertThat(PlanText.read(Header.of(plan), List.of(missing), this::metric, false).of(0, "measure")).isNotEmpty();
		var milestones = new IndicatorFields(good.code(), good.level(), good.clause(), good.quote(), good.nameVi(),
				good.nameEn(), good.unit(), good.measure(), "{at_least: 65}", "2030-2031: 40", null, null, null, null,
				null);
		var reading = PlanText.read(Header.of(plan), List.of(milestones), this::metric, false);
		assertThat(reading.of(0, "target")).extracting((p) -> p.problem().key())
			.contains("definition.error.milestoneYear");
	}

	private Optional<Metric> metric(String code) {
		return Optional.ofNullable(metrics.get(code));
	}

	private static byte[] resource(String path) throws IOException {
		try (var in = PlanTextTest.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
	}

}
