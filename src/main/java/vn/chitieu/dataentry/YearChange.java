package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.chitieu.planning.ValueType;
import vn.chitieu.platform.Formats;

/**
 * How a figure moved since last year, the one place that says it: a rate (a percentage)
 * in percentage points ("+0,7 điểm %", 66 → 66,7 %), any other figure relative to last
 * year ("−99,9 %", 14.773 → 14,773).
 *
 * @param amount the change: points for a rate, percent of last year's value otherwise
 * @param points whether the amount is in percentage points
 */
public record YearChange(BigDecimal amount, boolean points) {

	/**
	 * A change of a count or an area by this share of last year's value or more is big.
	 */
	private static final BigDecimal BIG_PERCENT = BigDecimal.valueOf(20);

	/** A change of a rate by this many points or more is big. */
	private static final BigDecimal BIG_POINTS = BigDecimal.valueOf(5);

	/**
	 * The change between two values of a figure.
	 * @param value this year's value
	 * @param last last year's value
	 * @param type the kind of figure
	 * @return the change, or null when there is none to show: a value missing, a yes/no
	 * or level figure, or last year's value zero and this year's not
	 */
	public static YearChange of(BigDecimal value, BigDecimal last, ValueType type) {
		if (value == null || last == null || type == ValueType.YES_NO || type == ValueType.LEVEL) {
			return null;
		}
		if (type == ValueType.PERCENT) {
			return new YearChange(value.subtract(last).setScale(1, RoundingMode.HALF_UP), true);
		}
		if (last.signum() == 0) {
			return (value.signum() == 0) ? new YearChange(BigDecimal.ZERO.setScale(1), false) : null;
		}
		return new YearChange(value.subtract(last)
			.multiply(BigDecimal.valueOf(100))
			.divide(last.abs(), MathContext.DECIMAL64)
			.setScale(1, RoundingMode.HALF_UP), false);
	}

	/**
	 * @return whether the figure moved at all (at the precision shown)
	 */
	public boolean changed() {
		return this.amount.signum() != 0;
	}

	/**
	 * @return whether it moved enough to catch the eye: 5 points for a rate, a fifth for
	 * anything else
	 */
	public boolean big() {
		return this.amount.abs().compareTo(this.points ? BIG_POINTS : BIG_PERCENT) >= 0;
	}

	/**
	 * The change as read: "+0,7 điểm %", "−99,9 %", "+12 %".
	 * @param messages the message source (the unit of points)
	 * @param locale the reader's language
	 * @return the text
	 */
	public String text(MessageSource messages, Locale locale) {
		var number = Formats.number(this.amount.abs(), 1, locale);
		var sign = (this.amount.signum() < 0) ? "−" : (this.amount.signum() > 0) ? "+" : "";
		var unit = messages.getMessage(this.points ? "change.points" : "change.percent", null, locale);
		return sign + number + " " + unit;
	}

}
