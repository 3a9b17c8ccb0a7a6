package vn.chitieu.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.Flaw;
import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.IndicatorUnit;
import vn.chitieu.planning.Measure;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.PlanDefinition;
import vn.chitieu.planning.PlanStatus;
import vn.chitieu.planning.PlanSummary;
import vn.chitieu.planning.Scope;
import vn.chitieu.planning.Target;
import vn.chitieu.planning.TargetShape;
import vn.chitieu.planning.TestDescribers;
import vn.chitieu.progress.IndicatorProgress;
import vn.chitieu.progress.MeasureResult;
import vn.chitieu.progress.PlanProgress;
import vn.chitieu.progress.ProgressFormat;
import vn.chitieu.progress.ProgressStatus;
import vn.chitieu.progress.Projection;
import vn.chitieu.progress.TargetProgress;
import vn.chitieu.progress.TestFormats;
import vn.chitieu.progress.YearProgress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The overview's pre-formatted rows say exactly what the page said when it formatted each
 * cell itself (the same {@code @pf} calls the template made), in Vietnamese and in
 * English: no figures, a value from incomplete figures, an undecided status, a target met
 * and one not met; and they are made once per computed progress and language.
 */
class OverviewRowsTest {

	static final Locale VI = Locale.forLanguageTag("vi");

	static final SchoolYear Y2023 = SchoolYear.of(2023);

	static final SchoolYear Y2024 = SchoolYear.of(2024);

	final ResourceBundleMessageSource messages = messages();

	final MetricCatalog catalog = mock(MetricCatalog.class);

	final vn.chitieu.planning.MeasureDescriber describer = TestDescribers.describer(this.messages, this.catalog);

	final ProgressFormat format = TestFormats.format(this.messages, this.catalog, this.describer);

	final OverviewRows rows = new OverviewRows(this.format, this.describer, this.messages);

	@Test
	void shouldSayNothingIsThereWhenAnIndicatorHasNoFigures() {
		var indicator = indicator("MN-01", IndicatorUnit.PERCENT, null, atLeast("65", Y2024));
		var none = result(null, 0, 22);
		var progress = progress(indicator, year(Y2023, none, ProgressStatus.NO_DATA, false, true, null),
				year(Y2024, none, ProgressStatus.NO_DATA, false, false, null));

		var row = single(progress, VI);

		assertThat(row.cells()).extracting(OverviewRow.Cell::value).containsExactly("–", "–");
		assertThat(row.cells()).extracting(OverviewRow.Cell::partial).containsOnlyNulls();
		assertThat(row.verdict()).isEqualTo("Chưa có số liệu");
		assertThat(row.statusClass()).isEqualTo("pstatus pstatus-NO_DATA");
		assertThat(row.arrow()).isEmpty();
		assertThat(row.observedPace()).isEmpty();
		assertThat(row.neededPace()).isEmpty();
		assertThat(row.targets()).isEqualTo("≥ 65 %");
		assertThat(row.flaw()).isNull();
		assertSameAsTheTemplate(row, progress.indicators().get(0), false, VI);
	}

	@Test
	void shouldShowAnUndecidedEstimateWithHowManySchoolsItRestsOn() {
		var indicator = indicator("THCS-04", IndicatorUnit.PERCENT, null, atLeast("80", Y2024));
		var closed = result("71.25", 22, 22);
		var open = result("77.3", 17, 22);
		var progress = progress(indicator,
				year(Y2023, closed, ProgressStatus.ON_TRACK, false, true, projection("71.25", "1.5", "8.75")),
				year(Y2024, open, ProgressStatus.UNDECIDED, false, false, null));

		var row = single(progress, VI);

		assertThat(row.cells()).extracting(OverviewRow.Cell::value).containsExactly("71,3 %", "77,3 %");
		assertThat(row.cells().get(0).partial()).isNull();
		assertThat(row.cells().get(1).partial()).isEqualTo("tạm tính · 17/22");
		assertThat(row.cells().get(1).partialTitle()).isEqualTo("Tính từ 17/22 trường có số liệu đã duyệt");
		assertThat(row.verdict()).isEqualTo("Chưa đủ số liệu (17/22 trường)");
		assertThat(row.statusClass()).isEqualTo("pstatus pstatus-UNDECIDED");
		assertSameAsTheTemplate(row, progress.indicators().get(0), false, VI);

		var submitted = single(progress(true, indicator, progress.indicators().get(0).years()), VI);
		assertThat(submitted.cells().get(1).partialTitle())
			.isEqualTo("Tính từ 17/22 trường có số liệu đã duyệt hoặc đã gửi");
	}

	@Test
	void shouldShowATargetMetWithItsPaceAndNoPaceNeeded() {
		var indicator = indicator("TH-01", IndicatorUnit.PERCENT, new Flaw("Số và tỷ lệ không khớp",
				"Count and rate disagree", "đọc theo tỷ lệ", "the rate", null, null, null), atLeast("65", Y2024));
		var progress = progress(indicator,
				year(Y2023, result("63.4", 28, 28), ProgressStatus.ON_TRACK, false, true,
						projection("66", "2.1", "1.6")),
				year(Y2024, result("65.5", 28, 28), ProgressStatus.ACHIEVED, false, false,
						projection("65.5", "2.1", "0.4")));

		var row = single(progress, VI);

		assertThat(row.cells()).extracting(OverviewRow.Cell::value).containsExactly("63,4 %", "65,5 %");
		assertThat(row.verdict()).isEqualTo("Đạt");
		assertThat(row.arrow()).isEqualTo("↗");
		assertThat(row.observedPace()).isEqualTo("+2,1 điểm %/năm");
		assertThat(row.neededPace()).as("nothing more is needed once met").isEmpty();
		assertThat(row.flaw()).isEqualTo("Số và tỷ lệ không khớp");
		assertSameAsTheTemplate(row, progress.indicators().get(0), false, VI);
	}

	@Test
	void shouldShowATargetNotMetInItsYearAsNotAchievedAndAnEstimateAsProvisional() {
		var indicator = indicator("TH-07", IndicatorUnit.PERCENT, null, atLeast("90", Y2024));
		var progress = progress(indicator,
				year(Y2023, result("80", 28, 28), ProgressStatus.OFF_TRACK, false, true,
						projection("84", "-0.5", "10")),
				year(Y2024, result("79.5", 26, 28), ProgressStatus.OFF_TRACK, true, false,
						projection("79.5", "-0.5", "10.5")));

		var row = single(progress, VI);

		assertThat(row.verdict()).isEqualTo("Chưa đạt (tạm tính)");
		assertThat(row.statusClass()).isEqualTo("pstatus pstatus-OFF_TRACK provisional");
		assertThat(row.arrow()).isEqualTo("↘");
		assertThat(row.observedPace()).isEqualTo("−0,5 điểm %/năm");
		assertThat(row.neededPace()).isEqualTo("cần +10,5 điểm %/năm");
		assertThat(row.cells().get(1).partial()).isEqualTo("tạm tính · 26/28");
		assertSameAsTheTemplate(row, progress.indicators().get(0), false, VI);
	}

	@Test
	void shouldSpeakEnglishWhenTheReaderDoes() {
		var indicator = indicator("TH-07", IndicatorUnit.PERCENT, new Flaw("Số và tỷ lệ không khớp",
				"Count and rate disagree", "đọc theo tỷ lệ", "the rate", null, null, null), atLeast("90", Y2024));
		var progress = progress(indicator,
				year(Y2023, result("80", 28, 28), ProgressStatus.OFF_TRACK, false, true,
						projection("84", "1.25", "10")),
				year(Y2024, result("81.25", 17, 22), ProgressStatus.UNDECIDED, false, false, null));

		var row = single(progress, Locale.ENGLISH);

		assertThat(row.name()).isEqualTo("Name TH-07");
		assertThat(row.flaw()).isEqualTo("Count and rate disagree");
		assertThat(row.cells()).extracting(OverviewRow.Cell::value).containsExactly("80 %", "81.3 %");
		assertThat(row.cells().get(1).partialTitle()).startsWith("Computed from 17 of 22 schools");
		assertThat(row.verdict()).startsWith("Not enough data").contains("17/22");
		assertSameAsTheTemplate(row, progress.indicators().get(0), false, Locale.ENGLISH);
		assertThat(single(progress, VI).verdict()).isEqualTo("Chưa đủ số liệu (17/22 trường)");
	}

	@Test
	void shouldFormatOncePerComputedProgressAndLanguage() {
		var indicator = indicator("MN-01", IndicatorUnit.PERCENT, null, atLeast("65", Y2024));
		var years = List.of(year(Y2024, result("70", 30, 30), ProgressStatus.ACHIEVED, false, false, null));
		var progress = progress(false, indicator, years);

		var first = this.rows.rows(progress, VI);
		assertThat(this.rows.rows(progress, VI)).as("the same progress: kept").isSameAs(first);
		assertThat(this.rows.rows(progress, Locale.ENGLISH)).as("another language").isNotSameAs(first);
		// The same plan and year after the data changed: a new progress, formatted again
		// even when it happens to be equal.
		var changed = progress(false, indicator, years);
		assertThat(this.rows.rows(changed, VI)).isNotSameAs(first).isEqualTo(first);
	}

	// ------------------------------------------------------------------ helpers

	private OverviewRow single(PlanProgress progress, Locale locale) {
		var rows = this.rows.build(progress, locale);
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	/**
	 * What the template computed for each cell with {@code @pf} before the rows were
	 * formatted ahead of time.
	 */
	private void assertSameAsTheTemplate(OverviewRow row, IndicatorProgress p, boolean submitted, Locale locale) {
		var pf = this.format.in(locale);
		var i = p.indicator();
		var latest = p.latest();
		var main = latest.main();
		assertThat(row.code()).isEqualTo(i.code());
		assertThat(row.name()).isEqualTo(i.name(locale));
		for (int n = 0; n < p.years().size(); n++) {
			var y = p.years().get(n);
			var cell = row.cells().get(n);
			assertThat(cell.year()).isEqualTo(y.year().label());
			assertThat(cell.value()).isEqualTo(pf.value(i, y.result().value()));
			if (y.result().value() != null && !y.result().complete()) {
				assertThat(cell.partialTitle()).isEqualTo(pf.completeness(y.result(), i.measure(), submitted));
				var shortText = pf.completenessShort(y.result());
				assertThat(cell.partial()).isEqualTo(y.estimate()
						? this.messages.getMessage("progress.estimate", null, locale) + " · " + shortText : shortText);
			}
			else {
				assertThat(cell.partial()).isNull();
				assertThat(cell.partialTitle()).isNull();
			}
		}
		assertThat(row.verdict()).isEqualTo(pf.verdict(latest, i));
		assertThat(row.arrow()).isEqualTo(pf.arrow(main.projection()));
		assertThat(row.observedPace()).isEqualTo(pf.observedPace(main, i));
		assertThat(row.neededPace()).isEqualTo(pf.neededPace(main, i));
		assertThat(row.targets()).isEqualTo(String.join("; ", pf.targets(i)));
		assertThat(row.status()).isEqualTo(latest.status());
		assertThat(row.level()).isEqualTo(i.level());
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static Target atLeast(String value, SchoolYear year) {
		return new Target(TargetShape.AT_LEAST, new BigDecimal(value), null, List.of(), false, year, new TreeMap<>(),
				null, null, null);
	}

	private static IndicatorDefinition indicator(String code, IndicatorUnit unit, Flaw flaw, Target... targets) {
		var measure = new Measure.Ratio(new Scope(UnitKind.SCHOOL, Set.of(EducationLevel.TH), null, false),
				"teachers_university_plus", "teachers");
		return new IndicatorDefinition(code, IndicatorLevel.TH, "1", "quote", "Tên " + code, "Name " + code, unit,
				measure, targets[0].shape().direction(), List.of(targets), flaw);
	}

	private static MeasureResult result(String value, int used, int inScope) {
		return new MeasureResult((value != null) ? new BigDecimal(value) : null, null, null, inScope, used, 0, 0,
				List.of());
	}

	private static Projection projection(String value, String observed, String needed) {
		return new Projection(new BigDecimal(value), new BigDecimal(observed), new BigDecimal(needed));
	}

	private static YearProgress year(SchoolYear year, MeasureResult result, ProgressStatus status, boolean provisional,
			boolean closed, Projection projection) {
		return new YearProgress(year, result, List.of(new TargetProgress(null, result, result.value(), null, null,
				status, projection, null, null, provisional)), status, provisional, null, closed);
	}

	private static PlanProgress progress(IndicatorDefinition indicator, YearProgress... years) {
		return progress(false, indicator, List.of(years));
	}

	private static PlanProgress progress(boolean submitted, IndicatorDefinition indicator, List<YearProgress> years) {
		var definition = new PlanDefinition("KH-TEST", null, "Kế hoạch", "Plan", "UBND", null, Y2023, Y2024,
				List.of(indicator));
		var summary = new PlanSummary(1, "KH-TEST", null, "Kế hoạch", "Plan", "UBND", null, Y2023, Y2024, 1, null, null,
				1, PlanStatus.PUBLISHED, null, null, null, 1);
		return new PlanProgress(summary, definition, years.get(years.size() - 1).year(), submitted,
				List.of(new IndicatorProgress(indicator, years)));
	}

}
