package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.ChecklistItem;
import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.IndicatorUnit;
import vn.chitieu.planning.Measure;
import vn.chitieu.planning.MeasureKind;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.PlanDefinition;
import vn.chitieu.planning.Scope;
import vn.chitieu.planning.Target;
import vn.chitieu.planning.TargetShape;
import vn.chitieu.planning.ValueType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine, kind by kind and shape by shape, with the edge cases: missing figures, zero
 * denominators, lower-is-better targets, ranges, targets per year, milestones.
 */
class ProgressEngineTest {

	static final SchoolYear Y2020 = SchoolYear.of(2020);

	static final SchoolYear Y2021 = SchoolYear.of(2021);

	static final SchoolYear Y2022 = SchoolYear.of(2022);

	static final SchoolYear Y2023 = SchoolYear.of(2023);

	static final SchoolYear Y2024 = SchoolYear.of(2024);

	private static final Map<String, Metric> METRICS = new HashMap<>();

	static {
		for (var code : List.of("pupils", "classes", "teachers", "teachers_university_plus", "managers",
				"managers_university_plus", "children_malnourished", "children_enrolled", "land_area_m2",
				"food_poisoning_incidents")) {
			metric(code, UnitKind.SCHOOL, ValueType.COUNT, EducationLevel.TH, EducationLevel.THCS, EducationLevel.MN);
		}
		metric("pupils_age_6_10", UnitKind.SCHOOL, ValueType.COUNT, EducationLevel.TH);
		metric("grade6_pupils", UnitKind.SCHOOL, ValueType.COUNT, EducationLevel.THCS);
		metric("grade3_pupils", UnitKind.SCHOOL, ValueType.COUNT, EducationLevel.TH);
		metric("is_e_school", UnitKind.SCHOOL, ValueType.YES_NO, EducationLevel.TH, EducationLevel.THCS,
				EducationLevel.MN);
		metric("national_standard_level", UnitKind.SCHOOL, ValueType.LEVEL, EducationLevel.TH, EducationLevel.THCS,
				EducationLevel.MN);
		metric("population_age_6_10", UnitKind.WARD, ValueType.COUNT);
		metric("universal_primary_level", UnitKind.WARD, ValueType.LEVEL);
		metric("city_rate", UnitKind.DISTRICT, ValueType.PERCENT);
		metric("competitions", UnitKind.DISTRICT, ValueType.COUNT);
	}

	private final ProgressEngine engine = new ProgressEngine(METRICS::get);

	@Nested
	class Kinds {

		@Test
		void shouldDivideSumsOverTheUnitsThatReportedEveryFigure() {
			var data = year(Y2022,
					school("A", EducationLevel.TH, Map.of("teachers_university_plus", 30, "teachers", 40)),
					school("B", EducationLevel.TH, Map.of("teachers_university_plus", 18, "teachers", 20)),
					school("C", EducationLevel.TH, Map.of("teachers", 25)));
			var result = evaluate(ratio("teachers_university_plus", "teachers"), data);
			// (30 + 18) / (40 + 20) = 80 %; C lacks a figure and is left out of both
			// sums.
			assertThat(result.value()).isEqualByComparingTo("80");
			assertThat(result.numerator()).isEqualByComparingTo("48");
			assertThat(result.denominator()).isEqualByComparingTo("60");
			assertThat(result.inScope()).isEqualTo(3);
			assertThat(result.used()).isEqualTo(2);
			assertThat(result.complete()).isFalse();
		}

		@Test
		void shouldDivideSchoolFiguresByTheWardPopulation() {
			var data = new YearData(Y2022,
					List.of(school("A", EducationLevel.TH, Map.of("pupils_age_6_10", 900)),
							school("B", EducationLevel.TH, Map.of("pupils_age_6_10", 1200))),
					List.of(ward("P1", Map.of("population_age_6_10", 1000)),
							ward("P2", Map.of("population_age_6_10", 1000)), ward("P3", Map.of())),
					Map.of(), true);
			var result = evaluate(ratio("pupils_age_6_10", "population_age_6_10"), data);
			// 2100 pupils over 2000 children: past 100 %, children come from outside.
			assertThat(result.value()).isEqualByComparingTo("105");
			assertThat(result.wardsInScope()).isEqualTo(3);
			assertThat(result.wardsUsed()).isEqualTo(2);
		}

		@Test
		void shouldCountAFigureALevelDoesNotReportAsZero() {
			// Grade 3 (primary) and grade 6 (lower secondary) pupils over both levels.
			var measure = new Measure.Ratio(scope(), "grade3_pupils + grade6_pupils", "pupils");
			var data = year(Y2022, school("T", EducationLevel.TH, Map.of("grade3_pupils", 100, "pupils", 500)),
					school("S", EducationLevel.THCS, Map.of("grade6_pupils", 150, "pupils", 500)));
			var result = evaluate(measure, data);
			assertThat(result.used()).isEqualTo(2);
			assertThat(result.value()).isEqualByComparingTo("25");
		}

		@Test
		void shouldGiveNoValueRatherThanZeroPercent() {
			var zero = year(Y2022,
					school("A", EducationLevel.TH, Map.of("teachers_university_plus", 0, "teachers", 0)));
			assertThat(evaluate(ratio("teachers_university_plus", "teachers"), zero).value()).isNull();
			var nothing = year(Y2022, school("A", EducationLevel.TH, Map.of()));
			var result = evaluate(ratio("teachers_university_plus", "teachers"), nothing);
			assertThat(result.value()).isNull();
			assertThat(result.used()).isZero();
			var empty = year(Y2022);
			assertThat(evaluate(ratio("teachers_university_plus", "teachers"), empty).value()).isNull();
		}

		@Test
		void shouldAverageWithoutPercent() {
			var measure = new Measure.Average(scope(EducationLevel.TH), "pupils", "classes");
			var data = year(Y2022, school("A", EducationLevel.TH, Map.of("pupils", 1000, "classes", 25)),
					school("B", EducationLevel.TH, Map.of("pupils", 800, "classes", 20)));
			assertThat(evaluate(measure, data).value()).isEqualByComparingTo("40");
		}

		@Test
		void shouldSumWhatWasReported() {
			var measure = new Measure.Sum(scope(), "food_poisoning_incidents");
			var data = year(Y2022, school("A", EducationLevel.TH, Map.of("food_poisoning_incidents", 1)),
					school("B", EducationLevel.TH, Map.of("food_poisoning_incidents", 2)),
					school("C", EducationLevel.TH, Map.of()));
			var result = evaluate(measure, data);
			assertThat(result.value()).isEqualByComparingTo("3");
			assertThat(result.used()).isEqualTo(2);
		}

		@Test
		void shouldTakeAShareOverTheDecidedSchoolsWithBoundsForTheUnknownOnes() {
			var measure = share("national_standard_level >= 1", null);
			var data = year(Y2022, school("A", EducationLevel.TH, Map.of("national_standard_level", 2)),
					school("B", EducationLevel.TH, Map.of("national_standard_level", 1)),
					school("C", EducationLevel.TH, Map.of("national_standard_level", 0)),
					school("D", EducationLevel.TH, Map.of()));
			var result = engine.evaluate(measure, data, Y2020, true);
			// 2 of the 3 decided; D unknown: from 2 of 4 (D not met) to 3 of 4 (D met).
			assertThat(result.value()).isEqualByComparingTo("66.66666666666667");
			assertThat(result.used()).isEqualTo(3);
			assertThat(result.bounds().low()).isEqualByComparingTo("50");
			assertThat(result.bounds().high()).isEqualByComparingTo("75");
			assertThat(result.units()).extracting(UnitResult::outcome)
				.containsExactly(UnitResult.Outcome.MET, UnitResult.Outcome.MET, UnitResult.Outcome.NOT_MET,
						UnitResult.Outcome.MISSING);
		}

		@Test
		void shouldTakeTheShareAmongTheUnitsThatMeetAnotherCondition() {
			var measure = share("national_standard_level = 2", "national_standard_level >= 1");
			var data = year(Y2022, school("A", EducationLevel.TH, Map.of("national_standard_level", 2)),
					school("B", EducationLevel.TH, Map.of("national_standard_level", 1)),
					school("C", EducationLevel.TH, Map.of("national_standard_level", 0)),
					school("D", EducationLevel.TH, Map.of("national_standard_level", 1)));
			// 1 of the 3 at the standard, not 1 of 4.
			assertThat(evaluate(measure, data).value().setScale(2, java.math.RoundingMode.HALF_UP))
				.isEqualByComparingTo("33.33");
		}

		@Test
		void shouldCountOnlyTheUnitsInScope() {
			var measure = new Measure.Count(
					new Scope(UnitKind.SCHOOL, Set.of(EducationLevel.MN), Ownership.PUBLIC, true), null);
			var data = year(Y2022, school("OLD", EducationLevel.MN, Ownership.PUBLIC, null, Map.of()),
					school("NEW1", EducationLevel.MN, Ownership.PUBLIC, 2021, Map.of()),
					school("NEW2", EducationLevel.MN, Ownership.PUBLIC, 2022, Map.of()),
					school("PRIV", EducationLevel.MN, Ownership.PRIVATE, 2022, Map.of()),
					school("TH", EducationLevel.TH, Ownership.PUBLIC, 2022, Map.of()));
			// Public preschools opened after the baseline 2020-2021.
			assertThat(evaluate(measure, data).value()).isEqualByComparingTo("2");
		}

		@Test
		void shouldCountWardsMeetingACondition() {
			var measure = new Measure.Count(new Scope(UnitKind.WARD, Set.of(), null, false),
					"universal_primary_level >= 3");
			var data = new YearData(Y2022, List.of(), List.of(ward("P1", Map.of("universal_primary_level", 3)),
					ward("P2", Map.of("universal_primary_level", 2)), ward("P3", Map.of("universal_primary_level", 3))),
					Map.of(), true);
			assertThat(evaluate(measure, data).value()).isEqualByComparingTo("2");
		}

		@Test
		void shouldCheckEachNamedSchoolAgainstItsOwnCondition() {
			var measure = new Measure.Checklist(scope(), "pupils >= 1",
					List.of(new ChecklistItem("A", "Trường A", "classes >= 2"),
							new ChecklistItem("B", "Trường B", null),
							new ChecklistItem("GONE", "Trường đã giải thể", null)));
			var data = year(Y2022, school("A", EducationLevel.TH, Map.of("classes", 3)),
					school("B", EducationLevel.TH, Map.of("pupils", 0)));
			var result = engine.evaluate(measure, data, Y2020, true);
			assertThat(result.value()).isEqualByComparingTo("1");
			assertThat(result.denominator()).isEqualByComparingTo("3");
			assertThat(result.units()).extracting(UnitResult::outcome)
				.containsExactly(UnitResult.Outcome.MET, UnitResult.Outcome.NOT_MET, UnitResult.Outcome.MISSING);
		}

		@Test
		void shouldReadADistrictFigure() {
			var measure = new Measure.District(new Scope(UnitKind.DISTRICT, Set.of(), null, false),
					"district.competitions");
			var data = new YearData(Y2022, List.of(), List.of(), Map.of("competitions", BigDecimal.valueOf(11)), true);
			assertThat(evaluate(measure, data).value()).isEqualByComparingTo("11");
			assertThat(evaluate(measure, year(Y2022)).value()).isNull();
		}

	}

	@Nested
	class Shapes {

		@ParameterizedTest
		@CsvSource({ "AT_LEAST, 65, , 65, true", "AT_LEAST, 65, , 64.9, false", "ABOVE, 75, , 75, false",
				"ABOVE, 75, , 75.1, true", "EXACTLY, 14, , 14, true", "EXACTLY, 14, , 13, false",
				"AT_MOST, 35, , 35, true", "AT_MOST, 35, , 35.1, false", "BELOW, 3, , 3, false",
				"BELOW, 3, , 2.9, true", "BETWEEN, 30, 35, 30, true", "BETWEEN, 30, 35, 35, true",
				"BETWEEN, 30, 35, 29.9, false", "BETWEEN, 30, 35, 35.1, false" })
		void shouldJudgeTheTargetTheRightWayRound(TargetShape shape, BigDecimal value, BigDecimal high,
				BigDecimal actual, boolean achieved) {
			var target = target(shape, value, high, Y2024);
			var progress = districtSeries(target, Map.of(Y2024, actual));
			assertThat(progress.latest().status() == ProgressStatus.ACHIEVED).isEqualTo(achieved);
		}

		@Test
		void shouldBeatEveryBenchmarkOrSayThereIsNoData() {
			var target = new Target(TargetShape.ABOVE_BENCHMARK, null, null, List.of("city_rate"), false, Y2024,
					new TreeMap<>(), null, null, null);
			assertThat(districtSeries(target, Map.of(Y2024, new BigDecimal("70")),
					Map.of("city_rate", new BigDecimal("68")))
				.latest()
				.status()).isEqualTo(ProgressStatus.ACHIEVED);
			assertThat(districtSeries(target, Map.of(Y2024, new BigDecimal("70")),
					Map.of("city_rate", new BigDecimal("70")))
				.latest()
				.status()).isNotEqualTo(ProgressStatus.ACHIEVED);
			assertThat(districtSeries(target, Map.of(Y2024, new BigDecimal("70")), Map.of()).latest().status())
				.isEqualTo(ProgressStatus.NO_DATA);
		}

		@Test
		void shouldJudgeATargetPerYearOnTheChange() {
			var target = new Target(TargetShape.AT_LEAST, BigDecimal.ONE, null, List.of(), true, Y2024, new TreeMap<>(),
					null, null, null);
			var progress = districtSeries(target,
					Map.of(Y2020, BigDecimal.valueOf(5), Y2021, BigDecimal.valueOf(6), Y2022, BigDecimal.valueOf(6)));
			assertThat(progress.year(Y2020).orElseThrow().status()).as("no year before the baseline")
				.isEqualTo(ProgressStatus.NO_DATA);
			assertThat(progress.year(Y2021).orElseThrow().status()).isEqualTo(ProgressStatus.ACHIEVED);
			assertThat(progress.year(Y2022).orElseThrow().main().value()).isEqualByComparingTo("0");
			assertThat(progress.year(Y2022).orElseThrow().status()).isEqualTo(ProgressStatus.OFF_TRACK);
		}

		@Test
		void shouldSeeSomeProgressPerYearAsARiskUntilTheLastYear() {
			// "3 to 5 more schools each year": 2 more is some progress.
			var target = new Target(TargetShape.BETWEEN, BigDecimal.valueOf(3), BigDecimal.valueOf(5), List.of(), true,
					Y2024, new TreeMap<>(), null, null, null);
			var progress = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(10), Y2021, BigDecimal.valueOf(12),
					Y2023, BigDecimal.valueOf(20), Y2024, BigDecimal.valueOf(22)));
			assertThat(progress.year(Y2021).orElseThrow().status()).isEqualTo(ProgressStatus.AT_RISK);
			assertThat(progress.year(Y2022).orElseThrow().status()).isEqualTo(ProgressStatus.NO_DATA);
			assertThat(progress.year(Y2024).orElseThrow().main().value()).isEqualByComparingTo("2");
			assertThat(progress.year(Y2024).orElseThrow().status()).isEqualTo(ProgressStatus.OFF_TRACK);
		}

		@Test
		void shouldMeetAChecklistOnlyWhenEveryNamedSchoolDoes() {
			var measure = new Measure.Checklist(scope(), "is_e_school",
					List.of(new ChecklistItem("A", "A", null), new ChecklistItem("B", "B", null)));
			var target = new Target(TargetShape.CHECKLIST, null, null, List.of(), false, Y2021, new TreeMap<>(), null,
					null, null);
			var indicator = indicator(measure, IndicatorUnit.SCHOOLS, target);
			var plan = plan(Y2020, Y2021, indicator);
			var data = Map.of(Y2021, year(Y2021, school("A", EducationLevel.TH, Map.of("is_e_school", 1)),
					school("B", EducationLevel.TH, Map.of("is_e_school", 0))));
			var progress = engine.compute(plan, indicator, data, Y2021, true);
			assertThat(progress.latest().status()).isEqualTo(ProgressStatus.OFF_TRACK);
			assertThat(progress.latest().main().gap().units()).extracting(UnitData::code).containsExactly("B");
		}

	}

	@Nested
	class Statuses {

		@Test
		void shouldCompareAnIntermediateYearWithTheStraightLineFromTheBaseline() {
			// 50 % in 2020, 70 % targeted in 2024: 55 % expected in 2021.
			var target = target(TargetShape.AT_LEAST, BigDecimal.valueOf(70), null, Y2024);
			var progress = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(50), Y2021, BigDecimal.valueOf(56)));
			var year = progress.year(Y2021).orElseThrow();
			assertThat(year.main().expected()).isEqualByComparingTo("55");
			assertThat(year.status()).isEqualTo(ProgressStatus.ON_TRACK);
		}

		@Test
		void shouldPreferTheMilestoneOfThePlan() {
			var milestones = new TreeMap<SchoolYear, BigDecimal>(Map.of(Y2021, BigDecimal.valueOf(60)));
			var target = new Target(TargetShape.AT_LEAST, BigDecimal.valueOf(70), null, List.of(), false, Y2024,
					milestones, null, null, null);
			var progress = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(50), Y2021, BigDecimal.valueOf(56)));
			assertThat(progress.year(Y2021).orElseThrow().main().expected()).isEqualByComparingTo("60");
			assertThat(progress.year(Y2021).orElseThrow().status()).isNotEqualTo(ProgressStatus.ON_TRACK);
		}

		@Test
		void shouldSeeOffTrackWhenBehindAndTheTrendFallsShort() {
			// Expected 60 in 2022 (50 → 70 over four years); 56 is behind, and the trend
			// (+3 a year through 50, 51, 56) leads to 61.3 by 2024.
			var target = target(TargetShape.AT_LEAST, BigDecimal.valueOf(70), null, Y2024);
			var progress = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(50), Y2021, BigDecimal.valueOf(51),
					Y2022, BigDecimal.valueOf(56)));
			var year = progress.year(Y2022).orElseThrow();
			assertThat(year.main().expected()).isEqualByComparingTo("60");
			assertThat(year.main().projection().observedPace()).isEqualByComparingTo("3");
			assertThat(year.main().projection().value().setScale(2, java.math.RoundingMode.HALF_UP))
				.isEqualByComparingTo("61.33");
			assertThat(year.main().projection().neededPace()).isEqualByComparingTo("7");
			assertThat(year.status()).isEqualTo(ProgressStatus.OFF_TRACK);
		}

		@Test
		void shouldSeeAtRiskWhenBehindButTheTrendStillArrives() {
			// Expected 60 in 2022; 59.5 is behind, but the trend (+4.75 a year) reaches
			// 70.08.
			var target = target(TargetShape.AT_LEAST, BigDecimal.valueOf(70), null, Y2024);
			var progress = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(50), Y2021, BigDecimal.valueOf(58),
					Y2022, new BigDecimal("59.5")));
			var year = progress.year(Y2022).orElseThrow();
			assertThat(year.main().expected()).isEqualByComparingTo("60");
			assertThat(year.main().projection().observedPace()).isEqualByComparingTo("4.75");
			assertThat(year.main().projection().value().setScale(2, java.math.RoundingMode.HALF_UP))
				.isEqualByComparingTo("70.08");
			assertThat(year.status()).isEqualTo(ProgressStatus.AT_RISK);
		}

		@Test
		void shouldSeeAtRiskWhenOnThePathButTheTrendFallsShort() {
			// Three flat years then a jump onto the path (65 expected in 2023), but the
			// trend of the four years (+4.8 a year) only reaches 66 by 2024.
			var target = target(TargetShape.AT_LEAST, BigDecimal.valueOf(70), null, Y2024);
			var progress = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(50), Y2021, BigDecimal.valueOf(50),
					Y2022, BigDecimal.valueOf(50), Y2023, BigDecimal.valueOf(66)));
			var year = progress.year(Y2023).orElseThrow();
			assertThat(year.main().expected()).isEqualByComparingTo("65");
			assertThat(year.main().projection().observedPace()).isEqualByComparingTo("4.8");
			assertThat(year.main().projection().value()).isEqualByComparingTo("66");
			assertThat(year.status()).isEqualTo(ProgressStatus.AT_RISK);
		}

		@Test
		void shouldSeeAtRiskWhenBehindWithOneYearOfDataOnly() {
			var target = target(TargetShape.AT_LEAST, BigDecimal.valueOf(70), null, Y2024);
			var milestones = new TreeMap<SchoolYear, BigDecimal>(Map.of(Y2021, BigDecimal.valueOf(60)));
			var withMilestone = new Target(TargetShape.AT_LEAST, BigDecimal.valueOf(70), null, List.of(), false, Y2024,
					milestones, null, null, null);
			var progress = districtSeries(withMilestone, Map.of(Y2021, BigDecimal.valueOf(56)));
			var year = progress.year(Y2021).orElseThrow();
			assertThat(year.main().projection().value()).isNull();
			assertThat(year.status()).isEqualTo(ProgressStatus.AT_RISK);
			// On the path with a single value (the path starts there): on track.
			assertThat(districtSeries(target, Map.of(Y2021, BigDecimal.valueOf(56))).year(Y2021).orElseThrow().status())
				.isEqualTo(ProgressStatus.ON_TRACK);
		}

		@Test
		void shouldJudgeLowerIsBetterTheRightWayRound() {
			// Malnutrition below 3 %: 5 % → 3,9 % is progress, below the line to 3 % by
			// 2024 (4 % in 2022), and the trend (−0,55 a year) leads to 2,8 % < 3 %.
			var target = target(TargetShape.BELOW, BigDecimal.valueOf(3), null, Y2024);
			var progress = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(5), Y2022, new BigDecimal("3.9")));
			assertThat(progress.year(Y2022).orElseThrow().main().expected()).isEqualByComparingTo("4");
			assertThat(progress.year(Y2022).orElseThrow().status()).isEqualTo(ProgressStatus.ON_TRACK);
			// 5 % → 4 %: on the line, but the trend ends at exactly 3 %, which is not
			// below
			// 3 %: at risk.
			var exactly = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(5), Y2022, BigDecimal.valueOf(4)));
			assertThat(exactly.year(Y2022).orElseThrow().status()).isEqualTo(ProgressStatus.AT_RISK);
			var worse = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(5), Y2022, BigDecimal.valueOf(6)));
			assertThat(worse.year(Y2022).orElseThrow().status()).isEqualTo(ProgressStatus.OFF_TRACK);
		}

		@Test
		void shouldFailATargetWhoseYearHasPassed() {
			var target = target(TargetShape.AT_LEAST, BigDecimal.valueOf(70), null, Y2022);
			var progress = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(60), Y2022, BigDecimal.valueOf(69)));
			assertThat(progress.year(Y2022).orElseThrow().status()).isEqualTo(ProgressStatus.OFF_TRACK);
		}

		@Test
		void shouldSayNoDataWithoutFigures() {
			var target = target(TargetShape.AT_LEAST, BigDecimal.valueOf(70), null, Y2024);
			var progress = districtSeries(target, Map.of(Y2020, BigDecimal.valueOf(60)));
			assertThat(progress.year(Y2021).orElseThrow().status()).isEqualTo(ProgressStatus.NO_DATA);
		}

		@Test
		void shouldTakeTheWorstOfSeveralTargets() {
			var count = target(TargetShape.AT_LEAST, BigDecimal.valueOf(11), null, Y2024);
			var perYear = new Target(TargetShape.AT_LEAST, BigDecimal.ONE, null, List.of(), true, Y2024,
					new TreeMap<>(), null, null, null);
			var indicator = indicator(district("competitions"), IndicatorUnit.SCHOOLS, count, perYear);
			var plan = plan(Y2020, Y2024, indicator);
			var data = Map.of(Y2020, districtYear(Y2020, 12), Y2021, districtYear(Y2021, 12));
			var progress = engine.compute(plan, indicator, data, Y2021, false);
			assertThat(progress.year(Y2021).orElseThrow().targets()).extracting(TargetProgress::status)
				.containsExactly(ProgressStatus.ACHIEVED, ProgressStatus.OFF_TRACK);
			assertThat(progress.year(Y2021).orElseThrow().status()).isEqualTo(ProgressStatus.OFF_TRACK);
		}

	}

	@Nested
	class Gaps {

		@Test
		void shouldSayHowManyMorePeopleARatioNeeds() {
			// 48 of 60 teachers (80 %) against 100 %: 12 more.
			var indicator = indicator(ratio("teachers_university_plus", "teachers"), IndicatorUnit.PERCENT,
					target(TargetShape.AT_LEAST, BigDecimal.valueOf(100), null, Y2022));
			var data = Map.of(Y2022,
					year(Y2022, school("A", EducationLevel.TH, Map.of("teachers_university_plus", 30, "teachers", 40)),
							school("B", EducationLevel.TH, Map.of("teachers_university_plus", 18, "teachers", 20))));
			var gap = engine.compute(plan(Y2020, Y2022, indicator), indicator, data, Y2022, false)
				.latest()
				.main()
				.gap();
			assertThat(gap.kind()).isEqualTo(Gap.Kind.MORE);
			assertThat(gap.amount()).isEqualByComparingTo("12");
			assertThat(gap.metrics()).containsExactly("teachers_university_plus");
		}

		@Test
		void shouldSayHowManyFewerPeopleALowerIsBetterRatioNeeds() {
			// 40 of 1000 children (4 %) against below 3 %: at most 29 may remain, 11
			// fewer.
			var indicator = indicator(ratio("children_malnourished", "children_enrolled"), IndicatorUnit.PERCENT,
					target(TargetShape.BELOW, BigDecimal.valueOf(3), null, Y2022));
			var data = Map.of(Y2022, year(Y2022,
					school("A", EducationLevel.MN, Map.of("children_malnourished", 40, "children_enrolled", 1000))));
			var gap = engine.compute(plan(Y2020, Y2022, indicator), indicator, data, Y2022, false)
				.latest()
				.main()
				.gap();
			assertThat(gap.kind()).isEqualTo(Gap.Kind.FEWER);
			assertThat(gap.amount()).isEqualByComparingTo("11");
		}

		@Test
		void shouldSayHowManyMoreClassesAnAverageNeeds() {
			// 1800 pupils in 45 classes (40 a class) against at most 35: 52 classes, 7
			// more.
			var measure = new Measure.Average(scope(EducationLevel.TH), "pupils", "classes");
			var indicator = indicator(measure, IndicatorUnit.PUPILS_PER_CLASS,
					target(TargetShape.AT_MOST, BigDecimal.valueOf(35), null, Y2022));
			var data = Map.of(Y2022,
					year(Y2022, school("A", EducationLevel.TH, Map.of("pupils", 1800, "classes", 45))));
			var gap = engine.compute(plan(Y2020, Y2022, indicator), indicator, data, Y2022, false)
				.latest()
				.main()
				.gap();
			assertThat(gap.kind()).isEqualTo(Gap.Kind.MORE_BASE);
			assertThat(gap.amount()).isEqualByComparingTo("7");
		}

		@Test
		void shouldListTheSchoolsThatStillHaveToReachTheCondition() {
			var indicator = indicator(share("national_standard_level >= 1", null), IndicatorUnit.PERCENT,
					target(TargetShape.AT_LEAST, BigDecimal.valueOf(95), null, Y2022));
			var data = Map.of(Y2022,
					year(Y2022, school("A", EducationLevel.TH, Map.of("national_standard_level", 1)),
							school("B", EducationLevel.TH, Map.of("national_standard_level", 0)),
							school("C", EducationLevel.TH, Map.of())));
			var gap = engine.compute(plan(Y2020, Y2022, indicator), indicator, data, Y2022, true).latest().main().gap();
			// Decided: A met, B not; 95 % of 2 decided schools is 1.9: 2 needed, 1 more
			// (B). C has not reported and is named apart.
			assertThat(gap.amount()).isEqualByComparingTo("1");
			assertThat(gap.units()).extracting(UnitData::code).containsExactly("B");
			assertThat(gap.unknownUnits()).extracting(UnitData::code).containsExactly("C");
			assertThat(gap.unknown()).isEqualTo(1);
		}

	}

	@Nested
	class IncompleteData {

		@Test
		void shouldCountASchoolTeachingTwoLevelsOnceInADistrictWideCount() {
			// AB is an e-school at its primary level only: one school, and it is one.
			var ab = school("AB", EducationLevel.TH, Map.of("is_e_school", 1));
			var abUpper = school("AB", EducationLevel.THCS, Map.of("is_e_school", 0));
			var data = year(Y2022, ab, abUpper, school("C", EducationLevel.TH, Map.of("is_e_school", 0)));
			var result = evaluate(count("is_e_school"), data);
			assertThat(result.value()).isEqualByComparingTo("1");
			assertThat(result.inScope()).isEqualTo(2);
			assertThat(result.complete()).isTrue();
		}

		@Test
		void shouldCountNothingOverAnEmptyScopeButGiveNoShare() {
			var empty = year(Y2022);
			var count = evaluate(count("is_e_school"), empty);
			assertThat(count.value()).isEqualByComparingTo("0");
			assertThat(count.complete()).isTrue();
			var sum = evaluate(sum("classes"), empty);
			assertThat(sum.value()).isEqualByComparingTo("0");
			assertThat(sum.complete()).isTrue();
			assertThat(evaluate(share("is_e_school", null), empty).value()).isNull();
			// A count whose every unit lacks its figure has no value.
			assertThat(evaluate(count("is_e_school"), year(Y2022, school("A", EducationLevel.TH, Map.of()))).value())
				.isNull();
		}

		@Test
		void shouldNotConcludeWhileAnUnknownSchoolCouldStillChangeTheVerdict() {
			var indicator = indicator(share("national_standard_level >= 1", null), IndicatorUnit.PERCENT,
					target(TargetShape.AT_LEAST, BigDecimal.valueOf(100), null, Y2022));
			// A met, B has not reported: 100 % so far, 50 % if B is not at the standard.
			var data = Map.of(Y2022, year(Y2022, school("A", EducationLevel.TH, Map.of("national_standard_level", 1)),
					school("B", EducationLevel.TH, Map.of())));
			var year = this.compute(indicator, data);
			assertThat(year.result().value()).isEqualByComparingTo("100");
			assertThat(year.main().bounds().low()).isEqualByComparingTo("50");
			assertThat(year.status()).isEqualTo(ProgressStatus.UNDECIDED);
		}

		@Test
		void shouldJudgeAMissEvenWithSchoolsNotReportedWhenNoneOfThemCouldChangeIt() {
			var indicator = indicator(share("national_standard_level >= 1", null), IndicatorUnit.PERCENT,
					target(TargetShape.AT_LEAST, BigDecimal.valueOf(100), null, Y2022));
			// B is below the standard: 100 % cannot be reached whatever C reports.
			var data = Map.of(Y2022,
					year(Y2022, school("A", EducationLevel.TH, Map.of("national_standard_level", 1)),
							school("B", EducationLevel.TH, Map.of("national_standard_level", 0)),
							school("C", EducationLevel.TH, Map.of())));
			var year = this.compute(indicator, data);
			assertThat(year.status()).isEqualTo(ProgressStatus.OFF_TRACK);
			assertThat(year.provisional()).isFalse();
		}

		@Test
		void shouldMarkAVerdictOnIncompleteRatiosProvisionalWhileTheYearIsOpen() {
			var indicator = indicator(ratio("teachers_university_plus", "teachers"), IndicatorUnit.PERCENT,
					target(TargetShape.AT_LEAST, BigDecimal.valueOf(90), null, Y2022));
			var schools = new UnitData[] {
					school("A", EducationLevel.TH, Map.of("teachers_university_plus", 30, "teachers", 40)),
					school("B", EducationLevel.TH, Map.of()) };
			var open = this.compute(indicator,
					Map.of(Y2022, new YearData(Y2022, List.of(schools), List.of(), Map.of(), false)));
			assertThat(open.status()).isEqualTo(ProgressStatus.OFF_TRACK);
			assertThat(open.provisional()).isTrue();
			assertThat(open.estimate()).isTrue();
			var closed = this.compute(indicator, Map.of(Y2022, year(Y2022, schools)));
			assertThat(closed.status()).isEqualTo(ProgressStatus.OFF_TRACK);
			assertThat(closed.provisional()).isFalse();
			assertThat(closed.estimate()).isFalse();
		}

		@Test
		void shouldCombineTargetsTheSameWayWhateverTheirOrder() {
			// At least 2 e-schools (met: A and B) and 100 % at the standard (undecided: C
			// has not reported): not achieved yet, undecided, in either order.
			var data = Map.of(Y2022,
					year(Y2022, school("A", EducationLevel.TH, Map.of("is_e_school", 1, "national_standard_level", 1)),
							school("B", EducationLevel.TH, Map.of("is_e_school", 1, "national_standard_level", 1)),
							school("C", EducationLevel.TH, Map.of("is_e_school", 0))));
			var count = new Target(TargetShape.AT_LEAST, BigDecimal.valueOf(2), null, List.of(), false, Y2022,
					new TreeMap<>(), count("is_e_school"), null, null);
			var share = target(TargetShape.AT_LEAST, BigDecimal.valueOf(100), null, Y2022);
			var measure = share("national_standard_level >= 1", null);
			var first = this.compute(indicator(measure, IndicatorUnit.PERCENT, share, count), data);
			var second = this.compute(indicator(measure, IndicatorUnit.PERCENT, count, share), data);
			assertThat(first.status()).isEqualTo(ProgressStatus.UNDECIDED);
			assertThat(second.status()).isEqualTo(ProgressStatus.UNDECIDED);
			// A decided miss wins over an undecided target, in either order.
			var three = new Target(TargetShape.AT_LEAST, BigDecimal.valueOf(3), null, List.of(), false, Y2022,
					new TreeMap<>(), count("is_e_school"), null, null);
			assertThat(this.compute(indicator(measure, IndicatorUnit.PERCENT, share, three), data).status())
				.isEqualTo(ProgressStatus.OFF_TRACK);
			assertThat(this.compute(indicator(measure, IndicatorUnit.PERCENT, three, share), data).status())
				.isEqualTo(ProgressStatus.OFF_TRACK);
		}

		@Test
		void shouldJudgeALowerIsBetterCountAtItsBoundsTheRightWayRound() {
			// At most 1 school with a food-poisoning incident; C has not reported.
			var target = target(TargetShape.AT_MOST, BigDecimal.ONE, null, Y2022);
			var indicator = indicator(count("food_poisoning_incidents > 0"), IndicatorUnit.SCHOOLS, target);
			var unknown = school("C", EducationLevel.TH, Map.of());
			// None so far: 0, at most 1 with C: met at the highest bound, achieved.
			var none = this.compute(indicator,
					Map.of(Y2022, year(Y2022, school("A", EducationLevel.TH, Map.of("food_poisoning_incidents", 0)),
							school("B", EducationLevel.TH, Map.of("food_poisoning_incidents", 0)), unknown)));
			assertThat(none.main().bounds()).isEqualTo(new MeasureResult.Bounds(BigDecimal.ZERO, BigDecimal.ONE));
			assertThat(none.status()).isEqualTo(ProgressStatus.ACHIEVED);
			// One so far: 1 meets, 2 (if C had one) does not: undecided.
			var one = this.compute(indicator,
					Map.of(Y2022, year(Y2022, school("A", EducationLevel.TH, Map.of("food_poisoning_incidents", 1)),
							school("B", EducationLevel.TH, Map.of("food_poisoning_incidents", 0)), unknown)));
			assertThat(one.status()).isEqualTo(ProgressStatus.UNDECIDED);
			// Two so far: missed at the lowest bound already, whatever C reports.
			var two = this.compute(indicator,
					Map.of(Y2022, year(Y2022, school("A", EducationLevel.TH, Map.of("food_poisoning_incidents", 1)),
							school("B", EducationLevel.TH, Map.of("food_poisoning_incidents", 2)), unknown)));
			assertThat(two.status()).isEqualTo(ProgressStatus.OFF_TRACK);
		}

		private YearProgress compute(IndicatorDefinition indicator, Map<SchoolYear, YearData> data) {
			return ProgressEngineTest.this.engine.compute(plan(Y2020, Y2022, indicator), indicator, data, Y2022, true)
				.latest();
		}

	}

	@Nested
	class Breakdowns {

		@Test
		void shouldPutTheSchoolsThatLackTheMostPeopleFirst() {
			// Target ≥ 75 % of teachers with a degree.
			var target = target(TargetShape.AT_LEAST, BigDecimal.valueOf(75), null, Y2022);
			var indicator = indicator(ratio("teachers_university_plus", "teachers"), IndicatorUnit.PERCENT, target);
			var data = Map.of(Y2022,
					year(Y2022, school("A", EducationLevel.TH, Map.of("teachers_university_plus", 30, "teachers", 40)),
							school("B", EducationLevel.TH, Map.of("teachers_university_plus", 10, "teachers", 20)),
							school("C", EducationLevel.TH, Map.of("teachers_university_plus", 14, "teachers", 20)),
							school("D", EducationLevel.TH, Map.of())));
			var progress = engine.compute(plan(Y2020, Y2022, indicator), indicator, data, Y2022, true);
			var breakdown = engine.breakdown(indicator, progress.latest());
			// B: 75 % of 20 = 15, 5 short; C: 1 short; D: no figures; A: at 75 %.
			assertThat(breakdown).extracting((s) -> s.unit().code()).containsExactly("B", "C", "D", "A");
			assertThat(breakdown).extracting(UnitStanding::shortfall)
				.usingElementComparator(java.util.Comparator.nullsFirst(BigDecimal::compareTo))
				.containsExactly(BigDecimal.valueOf(5), BigDecimal.ONE, null, BigDecimal.ZERO);
			assertThat(breakdown.get(0).holdsBack()).isTrue();
			assertThat(breakdown.get(3).holdsBack()).isFalse();
		}

		@ParameterizedTest(name = "{0} {1}: {2}/{3} → {4}")
		@CsvSource({
				// ratios (percent): people more or fewer above the line
				"AT_LEAST, 75, , 14, 20, 1", "AT_LEAST, 75, , 15, 20, 0", "ABOVE, 75, , 15, 20, 1",
				"AT_MOST, 3, , 4, 100, 1", "BELOW, 3, , 3, 100, 1", "BELOW, 3, , 2, 100, 0",
				"BETWEEN, 50, 60, 7, 10, 1", "BETWEEN, 50, 60, 4, 10, 1", "BETWEEN, 50, 60, 5, 10, 0",
				"EXACTLY, 100, , 18, 20, 2" })
		void shouldMeasureARatioShortfallInPeople(TargetShape shape, BigDecimal value, BigDecimal high, int numerator,
				int denominator, int shortfall) {
			var target = target(shape, value, high, Y2022);
			var part = part(MeasureKind.RATIO, numerator, denominator);
			assertThat(ProgressEngine.unitShortfall(target, MeasureKind.RATIO, part))
				.isEqualByComparingTo(BigDecimal.valueOf(shortfall));
		}

		@ParameterizedTest(name = "{0} {1}: {2}/{3} → {4}")
		@CsvSource({
				// averages (per class): classes more or fewer below the line
				"AT_MOST, 35, , 1000, 25, 4", "AT_MOST, 35, , 700, 20, 0", "BELOW, 35, , 700, 20, 1",
				"AT_LEAST, 30, , 900, 32, 2", "BETWEEN, 30, 35, 1500, 52, 2", "BETWEEN, 30, 35, 1000, 25, 4" })
		void shouldMeasureAnAverageShortfallInClasses(TargetShape shape, BigDecimal value, BigDecimal high,
				int numerator, int denominator, int shortfall) {
			var target = target(shape, value, high, Y2022);
			var part = part(MeasureKind.AVERAGE, numerator, denominator);
			assertThat(ProgressEngine.unitShortfall(target, MeasureKind.AVERAGE, part))
				.isEqualByComparingTo(BigDecimal.valueOf(shortfall));
		}

		@Test
		void shouldListTheSchoolsNotMeetingAConditionFirst() {
			var target = target(TargetShape.AT_LEAST, BigDecimal.valueOf(100), null, Y2022);
			var indicator = indicator(share("is_e_school = 1", null), IndicatorUnit.PERCENT, target);
			var data = Map.of(Y2022,
					year(Y2022, school("A", EducationLevel.TH, Map.of("is_e_school", 1)),
							school("B", EducationLevel.TH, Map.of()),
							school("C", EducationLevel.TH, Map.of("is_e_school", 0))));
			var progress = engine.compute(plan(Y2020, Y2022, indicator), indicator, data, Y2022, true);
			assertThat(engine.breakdown(indicator, progress.latest())).extracting((s) -> s.unit().code())
				.containsExactly("C", "B", "A");
		}

		@Test
		void shouldComputeEachWardsOwnEnrolmentRate() {
			var target = target(TargetShape.AT_LEAST, BigDecimal.valueOf(100), null, Y2022);
			var indicator = indicator(ratio("pupils_age_6_10", "population_age_6_10"), IndicatorUnit.PERCENT, target);
			var w1 = ward("W1", Map.of("population_age_6_10", 1000));
			var w2 = ward("W2", Map.of("population_age_6_10", 600));
			var w3 = ward("W3", Map.of());
			var data = new YearData(Y2022, List.of(inWard("A", w1, 900), inWard("B", w2, 400), inWard("C", w3, 300)),
					List.of(w1, w2, w3), Map.of(), true);
			var breakdown = engine.wardBreakdown(indicator, data, Y2020);
			// W2: 400 / 600 = 66.7 %, 200 children short; W1: 900 / 1000, 100 short; W3
			// has no population.
			assertThat(breakdown).extracting((s) -> s.unit().code()).containsExactly("W2", "W1", "W3");
			assertThat(breakdown.get(0).shortfall()).isEqualByComparingTo("200");
			assertThat(breakdown.get(0).own().value().setScale(1, java.math.RoundingMode.HALF_UP))
				.isEqualByComparingTo("66.7");
			assertThat(breakdown.get(1).shortfall()).isEqualByComparingTo("100");
			assertThat(breakdown.get(2).shortfall()).isNull();
			assertThat(breakdown.get(2).own().wardsUsed()).isZero();
		}

		private static UnitResult part(MeasureKind kind, int numerator, int denominator) {
			var n = BigDecimal.valueOf(numerator);
			var d = BigDecimal.valueOf(denominator);
			var value = n.divide(d, vn.chitieu.planning.expression.Expr.MATH);
			if (kind == MeasureKind.RATIO) {
				value = value.multiply(BigDecimal.valueOf(100));
			}
			return new UnitResult(school("X", EducationLevel.TH, Map.of()), UnitResult.Outcome.USED, value, n, d);
		}

		private static UnitData inWard(String code, UnitData ward, int pupils) {
			return new UnitData(code.hashCode(), code, "Trường " + code, UnitKind.SCHOOL, EducationLevel.TH,
					ward.unitId(), Ownership.PUBLIC, null, Map.of("pupils_age_6_10", BigDecimal.valueOf(pupils)));
		}

	}

	// ------------------------------------------------------------------ helpers

	private MeasureResult evaluate(Measure measure, YearData data) {
		return this.engine.evaluate(measure, data, Y2020, false);
	}

	/** An indicator read from a district figure, with the values given year by year. */
	private IndicatorProgress districtSeries(Target target, Map<SchoolYear, BigDecimal> values) {
		return districtSeries(target, values, Map.of());
	}

	private IndicatorProgress districtSeries(Target target, Map<SchoolYear, BigDecimal> values,
			Map<String, BigDecimal> benchmarks) {
		var indicator = indicator(district("competitions"), IndicatorUnit.INDICATORS, target);
		var plan = plan(Y2020, Y2024, indicator);
		var data = new HashMap<SchoolYear, YearData>();
		for (var year = Y2020; !year.isAfter(Y2024); year = year.next()) {
			var figures = new HashMap<String, BigDecimal>(benchmarks);
			if (values.containsKey(year)) {
				figures.put("competitions", values.get(year));
			}
			data.put(year, new YearData(year, List.of(), List.of(), figures, true));
		}
		var last = values.keySet().stream().max(SchoolYear::compareTo).orElse(Y2024);
		return this.engine.compute(plan, indicator, data, last.isBefore(Y2021) ? Y2021 : last, false);
	}

	private static YearData districtYear(SchoolYear year, int value) {
		return new YearData(year, List.of(), List.of(), Map.of("competitions", BigDecimal.valueOf(value)), true);
	}

	private static Measure district(String code) {
		return new Measure.District(new Scope(UnitKind.DISTRICT, Set.of(), null, false), "district." + code);
	}

	private static Measure ratio(String numerator, String denominator) {
		return new Measure.Ratio(scope(), numerator, denominator);
	}

	private static Measure count(String condition) {
		return new Measure.Count(scope(), condition);
	}

	private static Measure sum(String value) {
		return new Measure.Sum(scope(), value);
	}

	private static Measure share(String condition, String among) {
		return new Measure.Share(scope(), condition, among);
	}

	private static Scope scope(EducationLevel... levels) {
		return new Scope(UnitKind.SCHOOL, Set.of(levels), null, false);
	}

	private static Target target(TargetShape shape, BigDecimal value, BigDecimal high, SchoolYear year) {
		return new Target(shape, value, high, List.of(), false, year, new TreeMap<>(), null, null, null);
	}

	private static IndicatorDefinition indicator(Measure measure, IndicatorUnit unit, Target... targets) {
		return new IndicatorDefinition("T-01", IndicatorLevel.ALL, "1", "quote", "name", "name", unit, measure,
				targets[0].shape().direction(), List.of(targets), null);
	}

	private static PlanDefinition plan(SchoolYear baseline, SchoolYear target, IndicatorDefinition indicator) {
		return new PlanDefinition("KH-TEST", null, "Kế hoạch", "Plan", "UBND", null, baseline, target,
				List.of(indicator));
	}

	private static YearData year(SchoolYear year, UnitData... schools) {
		return new YearData(year, List.of(schools), List.of(), Map.of(), true);
	}

	private static UnitData school(String code, EducationLevel level, Map<String, Integer> values) {
		return school(code, level, Ownership.PUBLIC, null, values);
	}

	private static UnitData school(String code, EducationLevel level, Ownership ownership, Integer opened,
			Map<String, Integer> values) {
		return new UnitData(code.hashCode(), code, "Trường " + code, UnitKind.SCHOOL, level, 1L, ownership, opened,
				decimals(values));
	}

	private static UnitData ward(String code, Map<String, Integer> values) {
		return new UnitData(code.hashCode(), code, "Phường " + code, UnitKind.WARD, null, null, null, null,
				decimals(values));
	}

	private static Map<String, BigDecimal> decimals(Map<String, Integer> values) {
		var decimals = new HashMap<String, BigDecimal>();
		values.forEach((k, v) -> decimals.put(k, BigDecimal.valueOf(v)));
		return decimals;
	}

	private static void metric(String code, UnitKind kind, ValueType type, EducationLevel... levels) {
		METRICS.put(code, new Metric(code, code, code, kind, type, null, null, BigDecimal.ZERO, null,
				(kind == UnitKind.SCHOOL) ? Set.of(levels) : Set.of(), "staff", 0, null, null, "test"));
	}

}
