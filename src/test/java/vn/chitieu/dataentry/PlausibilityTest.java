package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.ValueType;

import static org.assertj.core.api.Assertions.assertThat;

class PlausibilityTest {

	private static final List<BigDecimal> NO_PEERS = List.of();

	@ParameterizedTest(name = "{0} last year, {1} now: warned {2}")
	@CsvSource(delimiter = '|', textBlock = """
			14773  | 14.773 | true
			14773  | 14773  | false
			14773  | 44319  | false
			14773  | 44320  | true
			14773  | 4925   | false
			14773  | 4924   | true
			0      | 120    | false
			""")
	void shouldWarnOfAValueFarFromLastYearsByTheDefaultFactor(String last, String value, boolean warned) {
		var warnings = Plausibility.check(metric(ValueType.DECIMAL, null, null), new BigDecimal(value),
				new BigDecimal(last), NO_PEERS);
		assertThat(!warnings.isEmpty()).isEqualTo(warned);
		if (warned) {
			assertThat(warnings.get(0).kind()).isEqualTo(Plausibility.Kind.LAST_YEAR);
			assertThat(warnings.get(0).reference()).isEqualByComparingTo(last);
		}
	}

	@Test
	void shouldMeasureARatesChangeInPoints() {
		var rate = metric(ValueType.PERCENT, null, null);
		assertThat(Plausibility.check(rate, new BigDecimal("86"), new BigDecimal("66"), NO_PEERS)).isEmpty();
		assertThat(Plausibility.check(rate, new BigDecimal("86.1"), new BigDecimal("66"), NO_PEERS)).hasSize(1);
		// 2 % → 5 %: two and a half times as much, but 3 points only.
		assertThat(Plausibility.check(rate, new BigDecimal("5"), new BigDecimal("2"), NO_PEERS)).isEmpty();
	}

	@Test
	void shouldTakeTheMetricsOwnThresholdsOverTheDefaults() {
		var strict = metric(ValueType.COUNT, new BigDecimal("1.5"), new BigDecimal("2"));
		assertThat(Plausibility.check(strict, new BigDecimal("160"), new BigDecimal("100"), NO_PEERS)).hasSize(1);
		assertThat(Plausibility.check(strict, new BigDecimal("150"), new BigDecimal("100"), NO_PEERS)).isEmpty();
		var peers = values("100", "110", "90", "105", "95");
		assertThat(Plausibility.check(strict, new BigDecimal("201"), null, peers))
			.extracting(Plausibility.Warning::kind)
			.containsExactly(Plausibility.Kind.PEERS);
		assertThat(Plausibility.check(strict, new BigDecimal("199"), null, peers)).isEmpty();
	}

	@Test
	void shouldWarnOfAValueFarFromTheMedianOfSimilarSchools() {
		var count = metric(ValueType.COUNT, null, null);
		var peers = values("600", "800", "700", "650", "900", "10000");
		// The median (750), not the mean, which one odd school pulls up.
		var warnings = Plausibility.check(count, new BigDecimal("3751"), null, peers);
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0).reference()).isEqualByComparingTo("750");
		assertThat(Plausibility.check(count, new BigDecimal("3750"), null, peers)).isEmpty();
		assertThat(Plausibility.check(count, new BigDecimal("149"), null, peers)).hasSize(1);
		// Too few similar schools to say anything.
		assertThat(Plausibility.check(count, new BigDecimal("100000"), null, values("1", "2", "3", "4"))).isEmpty();
	}

	@Test
	void shouldNotCheckYesNoOrLevelFiguresOrMissingValues() {
		assertThat(Plausibility.check(metric(ValueType.YES_NO, null, null), BigDecimal.ONE, BigDecimal.ZERO,
				values("0", "0", "0", "0", "0")))
			.isEmpty();
		assertThat(Plausibility.check(metric(ValueType.COUNT, null, null), null, BigDecimal.TEN, NO_PEERS)).isEmpty();
	}

	@Test
	void shouldTakeTheMiddleOfAnEvenNumberOfValues() {
		assertThat(Plausibility.median(values("1", "4", "2", "3"))).isEqualByComparingTo("2.5");
	}

	private static List<BigDecimal> values(String... values) {
		return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
	}

	private static Metric metric(ValueType type, BigDecimal change, BigDecimal spread) {
		return new Metric("m", "m", "m", UnitKind.SCHOOL, type, null, null, BigDecimal.ZERO, null,
				Set.of(EducationLevel.TH), "pupils", 0, null, null, "test", change, spread);
	}

}
