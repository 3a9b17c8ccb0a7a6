package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.Comparator;

import vn.chitieu.orgunit.VietnameseCollator;

/**
 * One unit's part in an indicator, and how far it holds the indicator back.
 *
 * @param part the unit's part (its value, what it was computed from, or that it lacks
 * figures)
 * @param shortfall for ratios the people it lacks to meet the target on its own, for
 * averages the classes, for shares, counts and named lists 1 when it does not meet the
 * condition; zero when it does its part; null when it cannot be told (no figures, a sum)
 * @param own for a ward in an enrolment rate, the rate computed for the ward alone (with
 * how many of its schools had figures); null otherwise
 */
public record UnitStanding(UnitResult part, BigDecimal shortfall, MeasureResult own) {

	/**
	 * The largest shortfall first; then those without figures; then the rest by name.
	 */
	static final Comparator<UnitStanding> HOLDING_BACK_FIRST = Comparator.comparingInt((UnitStanding s) -> rank(s))
		.thenComparing((UnitStanding s) -> (s.shortfall() != null) ? s.shortfall().negate() : BigDecimal.ZERO)
		.thenComparing((UnitStanding s) -> s.part().unit().name(), VietnameseCollator.INSTANCE);

	public UnitData unit() {
		return this.part.unit();
	}

	/**
	 * @return whether it holds the indicator back
	 */
	public boolean holdsBack() {
		return this.shortfall != null && this.shortfall.signum() > 0;
	}

	private static int rank(UnitStanding standing) {
		if (standing.holdsBack()) {
			return 0;
		}
		return (standing.part().outcome() == UnitResult.Outcome.MISSING) ? 1 : 2;
	}

}
