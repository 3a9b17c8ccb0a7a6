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
	/**
	 * Chưa đủ số liệu để kết luận: some units have not reported, and what they report
	 * could still change the verdict (the bounds straddle the target or the path).
	 */
	UNDECIDED,
	/** Chưa có số liệu: nothing to compute from. */
	NO_DATA;

	/**
	 * @return whether this is a verdict (achieved, on track, at risk, off track)
	 */
	public boolean isVerdict() {
		return this != UNDECIDED && this != NO_DATA;
	}

}
