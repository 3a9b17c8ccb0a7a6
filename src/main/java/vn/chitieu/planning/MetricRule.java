package vn.chitieu.planning;

import java.util.Locale;

/**
 * A cross-field rule every report must satisfy, e.g.
 * {@code teachers_masters_plus <= teachers_university_plus <= teachers}.
 *
 * @param code its code
 * @param expression the condition, in the expression language
 * @param messageVi what to tell the user when it fails, null for the generated message
 * @param messageEn the same in English
 * @param position its order
 * @param source the definition file it comes from
 */
public record MetricRule(String code, String expression, String messageVi, String messageEn, int position,
		String source) {

	public String message(Locale locale) {
		return Metric.isEnglish(locale) ? this.messageEn : this.messageVi;
	}

}
