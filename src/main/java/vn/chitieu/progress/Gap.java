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
 * @param units the decided units that do not meet the condition yet (shares, counts,
 * checklists)
 * @param unknown how many units in scope have not reported what the condition needs: the
 * amount counts decided units only, these are named apart
 * @param unknownUnits those units, when details were computed
 */
public record Gap(BigDecimal amount, Kind kind, List<String> metrics, List<UnitData> units, int unknown,
		List<UnitData> unknownUnits) {

	public Gap {
		metrics = List.copyOf(metrics);
		units = List.copyOf(units);
		unknownUnits = List.copyOf(unknownUnits);
	}

	public Gap(BigDecimal amount, Kind kind, List<String> metrics, List<UnitData> units) {
		this(amount, kind, metrics, units, 0, List.of());
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
