package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.IndicatorUnit;
import vn.chitieu.planning.Measure;
import vn.chitieu.planning.MeasureDescriber;
import vn.chitieu.planning.MeasureKind;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.Target;
import vn.chitieu.platform.Formats;

/**
 * Progress in words and numbers the reader expects ({@code 65,5 %}, "Cần thêm 14 giáo
 * viên…"). Used from templates as {@code @pf}.
 */
@Component("pf")
public class ProgressFormat {

	private final MessageSource messages;

	private final MetricCatalog catalog;

	private final MeasureDescriber describer;

	private final Supplier<Locale> locale;

	@Autowired
	ProgressFormat(MessageSource messages, MetricCatalog catalog, MeasureDescriber describer) {
		this(messages, catalog, describer, LocaleContextHolder::getLocale);
	}

	private ProgressFormat(MessageSource messages, MetricCatalog catalog, MeasureDescriber describer,
			Supplier<Locale> locale) {
		this.messages = messages;
		this.catalog = catalog;
		this.describer = describer;
		this.locale = locale;
	}

	/**
	 * @param locale a language
	 * @return the same formats, always in that language (for files such as the official
	 * report, which is in Vietnamese whatever the page's language)
	 */
	public ProgressFormat in(Locale locale) {
		return new ProgressFormat(this.messages, this.catalog, this.describer, () -> locale);
	}

	/**
	 * @param indicator an indicator
	 * @return its targets as short formulas ("≥ 65 %")
	 */
	public List<String> targets(IndicatorDefinition indicator) {
		return indicator.targets().stream().map((t) -> this.describer.target(t, indicator.unit(), locale())).toList();
	}

	/**
	 * @param indicator an indicator counting units that meet a condition
	 * @param schoolCode for a named list, the school whose own condition is wanted
	 * @return the condition in words
	 */
	public String condition(IndicatorDefinition indicator, String schoolCode) {
		var measure = indicator.measure();
		var text = (measure instanceof Measure.Conditional conditional) ? conditional.condition() : null;
		if (measure instanceof Measure.Checklist checklist) {
			for (var item : checklist.items()) {
				if (item.school().equals(schoolCode) && item.condition() != null) {
					text = item.condition();
				}
			}
		}
		return (text != null) ? this.describer.condition(text, locale()) : "";
	}

	/**
	 * @param indicator the indicator
	 * @param value a value of it
	 * @return the value with its unit, e.g. "65,5 %", "31,2", "12"; "–" for none
	 */
	public String value(IndicatorDefinition indicator, BigDecimal value) {
		return value(indicator.unit(), value);
	}

	public String value(IndicatorUnit unit, BigDecimal value) {
		if (value == null) {
			return "–";
		}
		var text = Formats.number(value, decimals(unit), locale());
		return unit.isPercent() ? text + " %" : text;
	}

	/**
	 * @param indicator the indicator
	 * @param value a value of it
	 * @return the bare number, for tables that name the unit in their heading
	 */
	public String number(IndicatorDefinition indicator, BigDecimal value) {
		return (value == null) ? "–" : Formats.number(value, decimals(indicator.unit()), locale());
	}

	/**
	 * @param indicator the indicator
	 * @return its unit as a word ("%", "trường", "trẻ/nhóm, lớp")
	 */
	public String unit(IndicatorDefinition indicator) {
		return msg("indicator.unit." + indicator.unit().name());
	}

	/**
	 * @param status a status
	 * @param year the year it is for
	 * @param indicator the indicator (for its target year)
	 * @return its name; off track in the target year or after reads "not achieved"
	 */
	public String status(ProgressStatus status, YearProgress year, IndicatorDefinition indicator) {
		if (status == ProgressStatus.OFF_TRACK && isFinal(year, indicator)) {
			return msg("progress.status.OFF_TRACK.final");
		}
		return msg("progress.status." + status.name());
	}

	/**
	 * An indicator's status for a year as every output shows it: "Chưa đủ số liệu (17/22
	 * trường)" when undecided, "Chưa đạt (tạm tính)" for a verdict resting on an
	 * estimate.
	 * @param year a year's progress
	 * @param indicator the indicator
	 * @return the status in words
	 */
	public String verdict(YearProgress year, IndicatorDefinition indicator) {
		return verdict(year.status(), year.provisional(), year.result(), indicator.measure(), year, indicator);
	}

	/**
	 * One target's status for a year, likewise.
	 * @param target the target's standing
	 * @param year the year's progress
	 * @param indicator the indicator
	 * @return the status in words
	 */
	public String verdict(TargetProgress target, YearProgress year, IndicatorDefinition indicator) {
		var measure = (target.target().measure() != null) ? target.target().measure() : indicator.measure();
		return verdict(target.status(), target.provisional(), target.result(), measure, year, indicator);
	}

	private String verdict(ProgressStatus status, boolean provisional, MeasureResult result, Measure measure,
			YearProgress year, IndicatorDefinition indicator) {
		if (status == ProgressStatus.UNDECIDED) {
			return msg("progress.status.UNDECIDED.coverage", coverage(result, measure));
		}
		var label = status(status, year, indicator);
		return provisional ? msg("progress.status.provisional", label) : label;
	}

	/**
	 * @param result a measure's value
	 * @param measure the measure
	 * @return how many units it was decided from: "17/22 trường", "3/4 phường", for a
	 * rate over the population "29/35 trường, 11/14 phường"
	 */
	public String coverage(MeasureResult result, Measure measure) {
		var units = msg(
				(measure.scope().unit() == UnitKind.WARD) ? "progress.coverage.wards" : "progress.coverage.schools",
				result.used(), result.inScope());
		return (result.wardsInScope() > 0)
				? units + ", " + msg("progress.coverage.wards", result.wardsUsed(), result.wardsInScope()) : units;
	}

	/**
	 * @param bounds the lowest and highest value the units not yet reported allow
	 * @param indicator the indicator
	 * @return "từ 77,3 % đến 100 %"; empty without bounds or when they are one value
	 */
	public String bounds(MeasureResult.Bounds bounds, IndicatorDefinition indicator) {
		if (bounds == null || bounds.exact()) {
			return "";
		}
		return msg("progress.bounds", value(indicator, bounds.low()), value(indicator, bounds.high()));
	}

	public String status(ProgressStatus status) {
		return msg("progress.status." + status.name());
	}

	/**
	 * @param status a status
	 * @param asOf the year it is for
	 * @param targetYear the plan's target year
	 * @return its name; off track from the target year on reads "not achieved"
	 */
	public String status(ProgressStatus status, SchoolYear asOf, SchoolYear targetYear) {
		return (status == ProgressStatus.OFF_TRACK && !asOf.isBefore(targetYear))
				? msg("progress.status.OFF_TRACK.final") : status(status);
	}

	/**
	 * @param year a year's progress
	 * @param indicator the indicator
	 * @return whether that year is the target year of its main target, or later
	 */
	public boolean isFinal(YearProgress year, IndicatorDefinition indicator) {
		// A target per year missed in the target year is not achieved either, as the
		// overview's filter says.
		return !year.year().isBefore(indicator.targets().get(0).targetYear());
	}

	/**
	 * @param result a measure's value
	 * @param measure the measure
	 * @param includeSubmitted whether submitted figures counted
	 * @return where it was computed from: "26/28 trường có số liệu"; empty for the
	 * Office's own figures
	 */
	public String completeness(MeasureResult result, Measure measure, boolean includeSubmitted) {
		if (measure.kind() == MeasureKind.DISTRICT) {
			return (result.used() == 0) ? msg("progress.completeness.districtMissing") : "";
		}
		var units = msg((measure.scope().unit() == UnitKind.WARD) ? "progress.units.wards" : "progress.units.schools");
		var text = msg(includeSubmitted ? "progress.completeness.submitted" : "progress.completeness.approved",
				result.used(), result.inScope(), units);
		if (result.wardsInScope() > 0) {
			text = text + msg("progress.completeness.wards", result.wardsUsed(), result.wardsInScope());
		}
		return text;
	}

	/**
	 * @param result a rate computed for one ward
	 * @return what it lacks, shortly: "2/4 trường", "chưa có dân số"; empty when complete
	 */
	public String wardCompleteness(MeasureResult result) {
		if (result.complete()) {
			return "";
		}
		if (result.wardsUsed() < result.wardsInScope()) {
			return msg("progress.wards.noPopulation");
		}
		return msg("progress.wards.schoolsUsed", result.used(), result.inScope());
	}

	/**
	 * @param result a measure's value
	 * @return the short form "26/28", with the wards "26/28 · 13/14"
	 */
	public String completenessShort(MeasureResult result) {
		var text = result.used() + "/" + result.inScope();
		if (result.wardsInScope() > 0) {
			text = text + " · " + result.wardsUsed() + "/" + result.wardsInScope();
		}
		return text;
	}

	/**
	 * @param target a target's progress
	 * @param indicator the indicator
	 * @return the pace observed against the pace needed, e.g. "+1,2 điểm/năm (cần +3,0)";
	 * empty when unknown
	 */
	public String pace(TargetProgress target, IndicatorDefinition indicator) {
		var projection = target.projection();
		if (projection == null || projection.observedPace() == null) {
			return "";
		}
		var observed = signed(projection.observedPace(), indicator);
		if (projection.neededPace() == null) {
			return msg("progress.pace.observed", observed);
		}
		return msg("progress.pace.both", observed, signed(projection.neededPace(), indicator));
	}

	/**
	 * @param target a target's progress
	 * @param indicator the indicator
	 * @return the pace observed, e.g. "+1,2 điểm/năm"; empty when unknown
	 */
	public String observedPace(TargetProgress target, IndicatorDefinition indicator) {
		var projection = target.projection();
		return (projection == null || projection.observedPace() == null) ? ""
				: signed(projection.observedPace(), indicator);
	}

	/**
	 * @param target a target's progress
	 * @param indicator the indicator
	 * @return the pace still needed, e.g. "cần +3 điểm/năm"; empty when met or unknown
	 */
	public String neededPace(TargetProgress target, IndicatorDefinition indicator) {
		var projection = target.projection();
		if (projection == null || projection.neededPace() == null || target.status() == ProgressStatus.ACHIEVED) {
			return "";
		}
		return msg("progress.pace.needed", signed(projection.neededPace(), indicator));
	}

	/**
	 * @param projection a projection
	 * @return an arrow for the trend: ↗, ↘ or →
	 */
	public String arrow(Projection projection) {
		if (projection == null || projection.observedPace() == null) {
			return "";
		}
		int sign = projection.observedPace().abs().compareTo(new BigDecimal("0.05")) < 0 ? 0
				: projection.observedPace().signum();
		return (sign > 0) ? "↗" : (sign < 0) ? "↘" : "→";
	}

	private String signed(BigDecimal pace, IndicatorDefinition indicator) {
		var text = Formats.number(pace.abs(), decimals(indicator.unit()), locale());
		var sign = (pace.signum() < 0 && !"0".equals(text)) ? "−" : "+";
		var unit = indicator.unit().isPercent() ? msg("progress.pace.points") : unit(indicator);
		return msg("progress.pace.perYear", sign + text, unit);
	}

	/**
	 * @param target a target's progress
	 * @param indicator the indicator
	 * @return what is still missing, in people or schools; empty when nothing or unknown
	 */
	public String gap(TargetProgress target, IndicatorDefinition indicator) {
		var gap = target.gap();
		if (gap == null || gap.amount().signum() == 0 && gap.unknown() == 0) {
			return "";
		}
		var measure = (target.target().measure() != null) ? target.target().measure() : indicator.measure();
		var amount = Formats.number(gap.amount(), 2, locale());
		var unknown = (gap.unknown() > 0) ? msg(
				(measure.scope().unit() == UnitKind.WARD) ? "progress.gap.unknownWards" : "progress.gap.unknownSchools",
				gap.unknown()) : "";
		if (gap.amount().signum() == 0) {
			return unknown;
		}
		var text = switch (gap.kind()) {
			case MORE -> msg("progress.gap.more", amount, metrics(gap));
			case FEWER -> msg("progress.gap.fewer", amount, metrics(gap));
			case MORE_BASE -> msg("progress.gap.moreBase", amount, metrics(gap));
			case FEWER_BASE -> msg("progress.gap.fewerBase", amount, metrics(gap));
			case MORE_UNITS ->
				msg((measure.scope().unit() == UnitKind.WARD) ? "progress.gap.moreWards" : "progress.gap.moreSchools",
						amount);
			case MORE_VALUE -> msg("progress.gap.moreValue", value(indicator.unit(), gap.amount()));
			case LESS_VALUE -> msg("progress.gap.lessValue", value(indicator.unit(), gap.amount()));
		};
		return unknown.isEmpty() ? text : text + "; " + unknown;
	}

	/**
	 * @param standing a unit's part
	 * @param target the target
	 * @param indicator the indicator
	 * @return its shortfall in words, e.g. "thiếu 3" (what it counts is in
	 * {@link #shortfallSubject}); empty when unknown
	 */
	public String shortfall(UnitStanding standing, Target target, IndicatorDefinition indicator) {
		var amount = standing.shortfall();
		if (amount == null) {
			return "";
		}
		if (amount.signum() == 0) {
			return msg("progress.shortfall.none");
		}
		var measure = (target.measure() != null) ? target.measure() : indicator.measure();
		var number = Formats.number(amount, 0, locale());
		var value = standing.part().value();
		boolean higher = switch (target.shape()) {
			case AT_MOST, BELOW -> false;
			case EXACTLY, BETWEEN -> value != null && value.compareTo(target.value()) < 0;
			default -> true;
		};
		return switch (measure.kind()) {
			case RATIO -> msg(higher ? "progress.shortfall.more" : "progress.shortfall.fewer", number);
			case AVERAGE -> msg(higher ? "progress.shortfall.fewer" : "progress.shortfall.more", number);
			case SUM, SHARE, COUNT, CHECKLIST, DISTRICT -> msg("progress.shortfall.condition");
		};
	}

	/**
	 * @param target the target
	 * @param indicator the indicator
	 * @return what a unit's shortfall counts, for the heading of a breakdown: "«Số giáo
	 * viên…» còn thiếu (hoặc thừa) để tự đạt chỉ tiêu"; empty for conditions
	 */
	public String shortfallSubject(Target target, IndicatorDefinition indicator) {
		var measure = (target.measure() != null) ? target.measure() : indicator.measure();
		return switch (measure.kind()) {
			case RATIO -> msg("progress.shortfall.subject", names(((Measure.Ratio) measure).numerator()));
			case AVERAGE -> msg("progress.shortfall.subject", names(((Measure.Average) measure).denominator()));
			case SUM, SHARE, COUNT, CHECKLIST, DISTRICT -> "";
		};
	}

	private String metrics(Gap gap) {
		return gap.metrics()
			.stream()
			.map((code) -> this.catalog.find(code).map((m) -> m.name(locale())).orElse(code))
			.collect(Collectors.joining(" + "));
	}

	private String names(String sum) {
		List<String> codes = vn.chitieu.planning.expression.ExpressionParser.parse(sum)
			.sumOfMetrics()
			.orElseThrow()
			.stream()
			.map((r) -> r.code())
			.toList();
		return codes.stream()
			.map(this.catalog::find)
			.flatMap(java.util.Optional::stream)
			.map((Metric m) -> m.name(locale()))
			.collect(Collectors.joining(" + "));
	}

	private static int decimals(IndicatorUnit unit) {
		return switch (unit) {
			case PERCENT, CHILDREN_PER_CLASS, PUPILS_PER_CLASS -> 1;
			default -> 2;
		};
	}

	private String msg(String key, Object... args) {
		return this.messages.getMessage(key, args, locale());
	}

	private Locale locale() {
		return this.locale.get();
	}

}
