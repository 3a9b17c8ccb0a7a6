package vn.chitieu.planning;

import java.util.Locale;

/**
 * A flaw of the plan itself that touches an indicator (a count that disagrees with its
 * percentage, an ambiguous base), and the reading the application uses.
 *
 * @param vi the flaw, in Vietnamese
 * @param en the flaw, in English
 * @param readingVi the reading used, in Vietnamese
 * @param readingEn the reading used, in English
 */
public record Flaw(String vi, String en, String readingVi, String readingEn) {

	public String text(Locale locale) {
		return Metric.isEnglish(locale) ? this.en : this.vi;
	}

	public String reading(Locale locale) {
		return Metric.isEnglish(locale) ? this.readingEn : this.readingVi;
	}

}
