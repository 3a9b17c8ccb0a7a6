package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.List;

/**
 * What is still missing to meet a target, in the units of the people or schools
 * concerned: "14 more teachers with a university degree", "3 more schools".
 *
 * @param amount how many (always positive)
 * @param kind what kind of change is needed
 * @param metrics the metrics whose count must change (for ratios and averages)
 * @param units the units that still have to reach the condition (shares, counts,
 * checklists)
 */
public record Gap(BigDecimal amount, Kind kind, List<String> metrics, List<UnitData> units) {

	public Gap {
		metrics = List.copyOf(metrics);
		units = List.copyOf(units);
	}

	/** The kinds of change. */
	public enum Kind {

		/** More of the numerator (people meeting the criterion). */
		MORE,
		/** Fewer of the numerator (malnourished children…). */
		FEWER,
		/** More of the denominator (classes, for fewer pupils per class). */
		MORE_BASE,
		/** Fewer of the denominator. */
		FEWER_BASE,
		/** More schools (or wards) reaching the condition. */
		MORE_UNITS,
		/** A higher value. */
		MORE_VALUE,
		/** A lower value. */
		LESS_VALUE

	}

}
