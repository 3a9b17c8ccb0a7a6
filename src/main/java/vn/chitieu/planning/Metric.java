package vn.chitieu.planning;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.UnitKind;

/**
 * A metric (chỉ số): a raw figure a school, a ward or the Office reports each school
 * year.
 *
 * @param code its code, e.g. {@code children_enrolled}
 * @param nameVi its Vietnamese name
 * @param nameEn its English name
 * @param reportedBy who reports it
 * @param type the kind of value
 * @param unitVi the unit in Vietnamese ("trẻ", "m²"), may be null
 * @param unitEn the unit in English, may be null
 * @param min the smallest allowed value
 * @param max the largest allowed value, null for no limit
 * @param levels for school metrics, the levels whose schools report it
 * @param section the part of the form it belongs to
 * @param position its place in the form
 * @param helpVi a hint for the person entering it, may be null
 * @param helpEn the same in English, may be null
 * @param source the definition file it comes from
 * @param plausibleChange how far from last year a value may move before the form asks to
 * confirm it: a factor, or percentage points for a percentage; null for the default
 * @param plausibleSpread the factor around the median of similar schools beyond which the
 * form asks to confirm a value; null for the default
 */
public record Metric(String code, String nameVi, String nameEn, UnitKind reportedBy, ValueType type, String unitVi,
		String unitEn, BigDecimal min, BigDecimal max, Set<EducationLevel> levels, String section, int position,
		String helpVi, String helpEn, String source, BigDecimal plausibleChange, BigDecimal plausibleSpread) {

	public Metric {
		levels = Set.copyOf(levels);
		// Bounds compare equal whatever their scale (the database keeps four decimals).
		min = (min != null) ? min.stripTrailingZeros() : null;
		max = (max != null) ? max.stripTrailingZeros() : null;
		plausibleChange = (plausibleChange != null) ? plausibleChange.stripTrailingZeros() : null;
		plausibleSpread = (plausibleSpread != null) ? plausibleSpread.stripTrailingZeros() : null;
	}

	/**
	 * A metric with the default plausibility thresholds.
	 * @param code its code
	 * @param nameVi its Vietnamese name
	 * @param nameEn its English name
	 * @param reportedBy who reports it
	 * @param type the kind of value
	 * @param unitVi the unit in Vietnamese
	 * @param unitEn the unit in English
	 * @param min the smallest allowed value
	 * @param max the largest allowed value
	 * @param levels the levels whose schools report it
	 * @param section the part of the form
	 * @param position its place in the form
	 * @param helpVi a hint
	 * @param helpEn the same in English
	 * @param source the definition file
	 */
	public Metric(String code, String nameVi, String nameEn, UnitKind reportedBy, ValueType type, String unitVi,
			String unitEn, BigDecimal min, BigDecimal max, Set<EducationLevel> levels, String section, int position,
			String helpVi, String helpEn, String source) {
		this(code, nameVi, nameEn, reportedBy, type, unitVi, unitEn, min, max, levels, section, position, helpVi,
				helpEn, source, null, null);
	}

	public String name(Locale locale) {
		return isEnglish(locale) ? this.nameEn : this.nameVi;
	}

	public String unit(Locale locale) {
		return isEnglish(locale) ? this.unitEn : this.unitVi;
	}

	public String help(Locale locale) {
		return isEnglish(locale) ? this.helpEn : this.helpVi;
	}

	/**
	 * Whether a school teaching a level reports this metric for that level.
	 * @param level the level
	 * @return true if it applies
	 */
	public boolean appliesTo(EducationLevel level) {
		return this.reportedBy == UnitKind.SCHOOL && this.levels.contains(level);
	}

	static boolean isEnglish(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

}
