package vn.chitieu.dataentry;

/**
 * Where a submission stands in the review workflow.
 */
public enum SubmissionStatus {

	/** Nháp: being filled in; only its unit works on it. */
	DRAFT,
	/** Đã gửi: waiting for the Office's review; locked for the unit. */
	SUBMITTED,
	/** Đã duyệt: approved; locked until the Office reopens it; counts in reports. */
	APPROVED,
	/**
	 * Trả lại: sent back by the Office with a comment; the unit corrects and submits
	 * again.
	 */
	RETURNED;

	/**
	 * @return whether the unit may change its figures in this status
	 */
	public boolean isEditable() {
		return this == DRAFT || this == RETURNED;
	}

}
