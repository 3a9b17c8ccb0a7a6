package vn.chitieu.progress;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.PlanDefinition;
import vn.chitieu.planning.PlanSummary;

/**
 * Where a whole plan stands as of a school year.
 *
 * @param plan the plan
 * @param definition its indicators and targets
 * @param asOf the last school year shown (between the baseline and the target year)
 * @param includeSubmitted whether submitted (not yet approved) figures were counted
 * @param indicators each indicator's progress, in the plan's order
 */
public record PlanProgress(PlanSummary plan, PlanDefinition definition, SchoolYear asOf, boolean includeSubmitted,
		List<IndicatorProgress> indicators) {

	public PlanProgress {
		indicators = List.copyOf(indicators);
	}

	/**
	 * @return the school years shown, from the baseline year to {@link #asOf()}
	 */
	public List<SchoolYear> years() {
		return this.indicators.isEmpty() ? List.of()
				: this.indicators.get(0).years().stream().map(YearProgress::year).toList();
	}

	/**
	 * @param code an indicator's code
	 * @return its progress
	 */
	public Optional<IndicatorProgress> indicator(String code) {
		return this.indicators.stream().filter((i) -> i.indicator().code().equals(code)).findFirst();
	}

	/**
	 * How many indicators of each level stand in each status as of {@link #asOf()}.
	 * @return the counts, every level of the plan and every status present (zero when
	 * none)
	 */
	public Map<IndicatorLevel, Map<ProgressStatus, Integer>> counts() {
		var counts = new EnumMap<IndicatorLevel, Map<ProgressStatus, Integer>>(IndicatorLevel.class);
		for (var progress : this.indicators) {
			var byStatus = counts.computeIfAbsent(progress.indicator().level(), (l) -> {
				var empty = new EnumMap<ProgressStatus, Integer>(ProgressStatus.class);
				for (var status : ProgressStatus.values()) {
					empty.put(status, 0);
				}
				return empty;
			});
			byStatus.merge(progress.latest().status(), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * How many of the indicators counted by {@link #counts()} hold a provisional verdict
	 * (an estimate from an open year's incomplete figures).
	 * @return the counts, by level and status; zero when none
	 */
	public Map<IndicatorLevel, Map<ProgressStatus, Integer>> provisionalCounts() {
		var counts = new EnumMap<IndicatorLevel, Map<ProgressStatus, Integer>>(IndicatorLevel.class);
		for (var progress : this.indicators) {
			var byStatus = counts.computeIfAbsent(progress.indicator().level(),
					(l) -> new EnumMap<>(ProgressStatus.class));
			if (progress.latest().provisional()) {
				byStatus.merge(progress.latest().status(), 1, Integer::sum);
			}
		}
		return counts;
	}

	/**
	 * @return how many indicators of each status, all levels together, hold a provisional
	 * verdict
	 */
	public Map<ProgressStatus, Integer> provisionalTotals() {
		var totals = new EnumMap<ProgressStatus, Integer>(ProgressStatus.class);
		this.indicators.stream()
			.filter((i) -> i.latest().provisional())
			.forEach((i) -> totals.merge(i.latest().status(), 1, Integer::sum));
		return totals;
	}

	/**
	 * @return how many indicators stand in each status, all levels together
	 */
	public Map<ProgressStatus, Integer> totals() {
		var totals = new EnumMap<ProgressStatus, Integer>(ProgressStatus.class);
		for (var status : ProgressStatus.values()) {
			totals.put(status, 0);
		}
		this.indicators.forEach((i) -> totals.merge(i.latest().status(), 1, Integer::sum));
		return totals;
	}

}
