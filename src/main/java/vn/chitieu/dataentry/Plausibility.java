package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import vn.chitieu.planning.Metric;
import vn.chitieu.planning.ValueType;

/**
 * Whether a value looks plausible, as DHIS2's min-max and outlier checks ask: far from
 * the unit's own value of last year, or far from the median of similar schools (same
 * level, same year). Such a value is not wrong: the user confirms it with a short
 * explanation, which the reviewer sees. Plain Java.
 * <p>
 * The thresholds come from the metric ({@code plausible_change}, {@code plausible_spread}
 * in the catalog), else these defaults: a count or a decimal more than {@value #CHANGE}
 * times or less than a {@value #CHANGE}rd of last year's; a percentage more than
 * {@value #POINTS} points from last year's; a count or a decimal more than
 * {@value #SPREAD} times or less than a {@value #SPREAD}th of the median of at least
 * {@value #MIN_PEERS} similar schools. Yes/no and level figures are not checked.
 */
public final class Plausibility {

	/** The default factor from last year's value (count, decimal). */
	public static final int CHANGE = 3;

	/** The default change from last year in percentage points (percent). */
	public static final int POINTS = 20;

	/** The default factor from the median of similar schools. */
	public static final int SPREAD = 5;

	/** The fewest similar schools whose median is worth comparing with. */
	public static final int MIN_PEERS = 5;

	private Plausibility() {
	}

	/**
	 * Checks a value.
	 * @param metric the metric, with its thresholds
	 * @param value the value
	 * @param lastYear the unit's value of last year, null if none
	 * @param peers the values of similar schools this year, the unit's own left out
	 * @return what looks implausible, nothing when all looks right
	 */
	public static List<Warning> check(Metric metric, BigDecimal value, BigDecimal lastYear,
			Collection<BigDecimal> peers) {
		var warnings = new ArrayList<Warning>();
		if (value == null || metric.type() == ValueType.YES_NO || metric.type() == ValueType.LEVEL) {
			return warnings;
		}
		if (lastYear != null) {
			if (metric.type() == ValueType.PERCENT) {
				var points = (metric.plausibleChange() != null) ? metric.plausibleChange() : BigDecimal.valueOf(POINTS);
				if (value.subtract(lastYear).abs().compareTo(points) > 0) {
					warnings.add(new Warning(Kind.LAST_YEAR, lastYear));
				}
			}
			else if (lastYear.signum() > 0) {
				var factor = (metric.plausibleChange() != null) ? metric.plausibleChange() : BigDecimal.valueOf(CHANGE);
				if (outside(value, lastYear, factor)) {
					warnings.add(new Warning(Kind.LAST_YEAR, lastYear));
				}
			}
		}
		if (metric.type() != ValueType.PERCENT && peers.size() >= MIN_PEERS) {
			var median = median(peers);
			var factor = (metric.plausibleSpread() != null) ? metric.plausibleSpread() : BigDecimal.valueOf(SPREAD);
			if (median.signum() > 0 && outside(value, median, factor)) {
				warnings.add(new Warning(Kind.PEERS, median));
			}
		}
		return warnings;
	}

	/** Whether a value is above reference × factor or below reference ÷ factor. */
	private static boolean outside(BigDecimal value, BigDecimal reference, BigDecimal factor) {
		return value.compareTo(reference.multiply(factor)) > 0 || value.multiply(factor).compareTo(reference) < 0;
	}

	/**
	 * @param values some values, at least one
	 * @return their median
	 */
	static BigDecimal median(Collection<BigDecimal> values) {
		var sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		if (sorted.size() % 2 == 1) {
			return sorted.get(middle);
		}
		return sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
	}

	/** What a value is far from. */
	public enum Kind {

		/** The unit's own value of last year. */
		LAST_YEAR,
		/** The median of similar schools. */
		PEERS

	}

	/**
	 * A value that looks implausible.
	 *
	 * @param kind what it is far from
	 * @param reference last year's value, or the median of similar schools
	 */
	public record Warning(Kind kind, BigDecimal reference) {
	}

}
