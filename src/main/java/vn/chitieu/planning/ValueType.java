package vn.chitieu.planning;

/**
 * What kind of value a metric holds.
 */
public enum ValueType {

	/** A whole number of people, classes, schools… (0 or more). */
	COUNT,
	/** A number with decimals, e.g. an area in m². */
	DECIMAL,
	/** A percentage between 0 and 100. */
	PERCENT,
	/** Yes (1) or no (0). */
	YES_NO,
	/** A level, a whole number between 0 and the metric's maximum. */
	LEVEL;

	/**
	 * @return whether only whole numbers are allowed
	 */
	public boolean isInteger() {
		return this == COUNT || this == YES_NO || this == LEVEL;
	}

}
