package vn.chitieu.planning;

import java.util.Locale;

/**
 * A flaw of the plan itself that touches an indicator (a count that disagrees with its
 * percentage, an ambiguous base), the reading the application uses, and optionally the
 * value under another reading, computed and shown beside.
 *
 * @param vi the flaw, in Vietnamese
 * @param en the flaw, in English
 * @param readingVi the reading used, in Vietnamese
 * @param readingEn the reading used, in English
 * @param alternative the computation under the other reading, or null
 * @param alternativeVi what the other reading computes, in Vietnamese
 * @param alternativeEn the same in English
 */
public record Flaw(String vi, String en, String readingVi, String readingEn, Measure alternative, String alternativeVi,
		String alternativeEn) {

	public String alternativeLabel(Locale locale) {
		return Metric.isEnglish(locale) ? this.alternativeEn : this.alternativeVi;
	}

	public String text(Locale locale) {
		return Metric.isEnglish(locale) ? this.en : this.vi;
	}

	public String reading(Locale locale) {
		return Metric.isEnglish(locale) ? this.readingEn : this.readingVi;
	}

}
