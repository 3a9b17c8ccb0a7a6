package vn.chitieu.planning;

import java.util.List;
import java.util.Locale;

/**
 * An indicator (chỉ tiêu) of a plan.
 *
 * @param code its code in the plan, e.g. {@code MN-01}
 * @param level the level it concerns
 * @param clause the section of the plan it comes from, e.g. {@code I.2.1}
 * @param quote the plan's own words, in Vietnamese
 * @param nameVi a short Vietnamese name
 * @param nameEn a short English name
 * @param unit the unit of its value
 * @param measure how its actual value is computed
 * @param direction which way is better
 * @param targets its targets (at least one); all must be met
 * @param flaw a flaw of the plan touching it, or null
 */
public record IndicatorDefinition(String code, IndicatorLevel level, String clause, String quote, String nameVi,
		String nameEn, IndicatorUnit unit, Measure measure, Direction direction, List<Target> targets, Flaw flaw) {

	public IndicatorDefinition {
		targets = List.copyOf(targets);
	}

	public String name(Locale locale) {
		return Metric.isEnglish(locale) ? this.nameEn : this.nameVi;
	}

}
