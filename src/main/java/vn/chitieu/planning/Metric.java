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
 */
public record Metric(String code, String nameVi, String nameEn, UnitKind reportedBy, ValueType type, String unitVi,
		String unitEn, BigDecimal min, BigDecimal max, Set<EducationLevel> levels, String section, int position,
		String helpVi, String helpEn, String source) {

	public Metric {
		levels = Set.copyOf(levels);
		// Bounds compare equal whatever their scale (the database keeps four decimals).
		min = (min != null) ? min.stripTrailingZeros() : null;
		max = (max != null) ? max.stripTrailingZeros() : null;
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
