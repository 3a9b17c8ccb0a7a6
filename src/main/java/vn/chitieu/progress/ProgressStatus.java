package vn.chitieu.progress;

/**
 * Where an indicator stands for a school year (definitions in {@code docs/progress.md}).
 */
public enum ProgressStatus {

	/** Đạt: the target is met. */
	ACHIEVED,
	/** Đúng tiến độ: not met yet, but at or beyond where it should be by now. */
	ON_TRACK,
	/**
	 * Có nguy cơ chậm: behind where it should be, but the trend still reaches the target.
	 */
	AT_RISK,
	/**
	 * Chậm tiến độ / chưa đạt: behind, and the trend misses the target (or its year
	 * passed).
	 */
	OFF_TRACK,
	/** Chưa có số liệu: nothing to compute from. */
	NO_DATA;

	/**
	 * @param other another status
	 * @return the worse of the two (no data counts as neither better nor worse: the other
	 * wins)
	 */
	public ProgressStatus worse(ProgressStatus other) {
		if (this == NO_DATA) {
			return other;
		}
		if (other == NO_DATA) {
			return this;
		}
		return (other.ordinal() > ordinal()) ? other : this;
	}

}
