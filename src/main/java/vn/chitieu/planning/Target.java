package vn.chitieu.planning;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import vn.chitieu.orgunit.SchoolYear;

/**
 * A target of an indicator.
 *
 * @param shape its shape
 * @param value the bound (the lower bound of a range); null for benchmark and checklist
 * targets
 * @param high the upper bound of a range
 * @param benchmarks for {@link TargetShape#ABOVE_BENCHMARK}, the district figures to beat
 * @param increment true when the target applies to the change since the previous school
 * year, every year ("mỗi năm thêm ít nhất 01 trường")
 * @param targetYear the school year by which it must be met
 * @param milestones expected values for intermediate years, if the plan gives them
 * @param measure a computation of its own, or null to use the indicator's
 * @param textVi the target as the plan words it, may be null
 * @param textEn the same in English, may be null
 */
public record Target(TargetShape shape, BigDecimal value, BigDecimal high, List<String> benchmarks, boolean increment,
		SchoolYear targetYear, SortedMap<SchoolYear, BigDecimal> milestones, Measure measure, String textVi,
		String textEn) {

	public Target {
		benchmarks = (benchmarks != null) ? List.copyOf(benchmarks) : List.of();
		milestones = (milestones != null) ? new TreeMap<>(milestones) : new TreeMap<>();
	}

	public String text(java.util.Locale locale) {
		return Metric.isEnglish(locale) ? this.textEn : this.textVi;
	}

}
