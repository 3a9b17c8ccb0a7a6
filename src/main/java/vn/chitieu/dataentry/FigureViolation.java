package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A problem with the figures of a form, tied to the fields it concerns.
 *
 * @param keys the figures concerned
 * @param rule the cross-field rule broken, or null for a problem of one value
 * @param key the message key
 * @param args the message arguments
 * @param values for a rule, the figures it was checked on (by metric code)
 */
public record FigureViolation(List<FigureKey> keys, String rule, String key, List<Object> args,
		Map<String, BigDecimal> values) {

	public FigureViolation {
		keys = List.copyOf(keys);
		args = List.copyOf(args);
		values = Map.copyOf(values);
	}

	/**
	 * A problem of one or more values, not of a rule.
	 * @param keys the figures
	 * @param key the message key
	 * @param args the message arguments
	 * @return the violation
	 */
	public static FigureViolation of(List<FigureKey> keys, String key, Object... args) {
		return new FigureViolation(keys, null, key, List.of(args), Map.of());
	}

}
