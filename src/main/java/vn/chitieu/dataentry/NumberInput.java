package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import vn.chitieu.planning.ValueType;

/**
 * Reads a number as school staff type it: {@code 1.234} or {@code 1 234} for a thousand
 * and more, {@code 12,5} (or {@code 12.5}) for twelve and a half.
 */
public final class NumberInput {

	private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}([. ]\\d{3})+");

	private static final Pattern PLAIN = Pattern.compile("-?\\d+");

	private static final Pattern DECIMAL = Pattern.compile("-?\\d+[.,]\\d+");

	private static final Pattern GROUPED_DECIMAL = Pattern.compile("-?\\d{1,3}([. ]\\d{3})+,\\d+");

	private NumberInput() {
	}

	/**
	 * Reads what was typed into a figure's field.
	 * @param raw the text typed
	 * @param type the kind of figure
	 * @return the value, empty when nothing was typed, or the problem
	 */
	public static Result parse(String raw, ValueType type) {
		var text = (raw == null) ? "" : raw.strip().replace('\u00a0', ' ');
		if (text.isEmpty()) {
			return Result.EMPTY;
		}
		BigDecimal value;
		if (PLAIN.matcher(text).matches()) {
			value = new BigDecimal(text);
		}
		else if (GROUPED.matcher(text).matches()) {
			value = new BigDecimal(text.replace(".", "").replace(" ", ""));
		}
		else if (GROUPED_DECIMAL.matcher(text).matches()) {
			value = new BigDecimal(text.replace(".", "").replace(" ", "").replace(',', '.'));
		}
		else if (DECIMAL.matcher(text).matches()) {
			value = new BigDecimal(text.replace(',', '.'));
		}
		else {
			return new Result(null, "figure.error.notNumber");
		}
		if (type.isInteger() && value.stripTrailingZeros().scale() > 0) {
			return new Result(null, "figure.error.integer");
		}
		return new Result(value, null);
	}

	/**
	 * What was read.
	 *
	 * @param value the number, null when nothing was typed or it could not be read
	 * @param error the message key of the problem, null when none
	 */
	public record Result(BigDecimal value, String error) {

		static final Result EMPTY = new Result(null, null);

		public boolean isEmpty() {
			return this.value == null && this.error == null;
		}

	}

}
