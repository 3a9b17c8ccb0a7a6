package vn.chitieu.planning;

/**
 * The shapes a target takes in the plans.
 */
public enum TargetShape {

	/** ≥ value. */
	AT_LEAST,
	/** &gt; value. */
	ABOVE,
	/** = value. */
	EXACTLY,
	/** ≤ value. */
	AT_MOST,
	/** &lt; value. */
	BELOW,
	/** value ≤ actual ≤ high (both ends included). */
	BETWEEN,
	/** Above every listed district benchmark (e.g. the city average). */
	ABOVE_BENCHMARK,
	/** Every named school of a checklist meets its condition. */
	CHECKLIST;

	/**
	 * @return which way is better for a target of this shape
	 */
	public Direction direction() {
		return switch (this) {
			case AT_MOST, BELOW -> Direction.LOWER_IS_BETTER;
			case BETWEEN, EXACTLY -> Direction.WITHIN_RANGE;
			default -> Direction.HIGHER_IS_BETTER;
		};
	}

}
