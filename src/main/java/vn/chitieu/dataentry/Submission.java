package vn.chitieu.dataentry;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The figures one unit reports for one school year, and where they stand in the review
 * workflow. The workflow lives here: an illegal step throws {@link WorkflowException}.
 */
@Entity
@Table(name = "submission")
class Submission {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "unit_id")
	private long unitId;

	@Column(name = "school_year")
	private int schoolYear;

	@Enumerated(EnumType.STRING)
	private SubmissionStatus status = SubmissionStatus.DRAFT;

	private String comment;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "updated_by")
	private String updatedBy;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "submitted_by")
	private String submittedBy;

	@Column(name = "reviewed_at")
	private Instant reviewedAt;

	@Column(name = "reviewed_by")
	private String reviewedBy;

	@Version
	private int version;

	protected Submission() {
	}

	Submission(long unitId, int schoolYear, String by, Instant now) {
		this.unitId = unitId;
		this.schoolYear = schoolYear;
		this.createdAt = now;
		this.updatedAt = now;
		this.updatedBy = by;
	}

	/**
	 * Records that figures were saved; only a draft or a returned submission may change.
	 * A returned submission becomes a draft again; the Office's comment stays in view
	 * until the submission is approved.
	 */
	void edited(String by, Instant now) {
		require(this.status.isEditable(), "edit");
		this.status = SubmissionStatus.DRAFT;
		this.updatedAt = now;
		this.updatedBy = by;
	}

	/**
	 * Records figures the Office enters for the district itself: they need no review and
	 * count at once.
	 */
	void enteredByOffice(String by, Instant now) {
		this.status = SubmissionStatus.APPROVED;
		this.updatedAt = now;
		this.updatedBy = by;
		this.reviewedAt = now;
		this.reviewedBy = by;
	}

	void submit(String by, Instant now) {
		require(this.status.isEditable(), "submit");
		this.status = SubmissionStatus.SUBMITTED;
		this.submittedAt = now;
		this.submittedBy = by;
		this.updatedAt = now;
		this.updatedBy = by;
	}

	void approve(String by, Instant now) {
		require(this.status == SubmissionStatus.SUBMITTED, "approve");
		this.status = SubmissionStatus.APPROVED;
		this.reviewedAt = now;
		this.reviewedBy = by;
		this.comment = null;
	}

	void returnWith(String comment, String by, Instant now) {
		require(this.status == SubmissionStatus.SUBMITTED, "return");
		requireText(comment);
		this.status = SubmissionStatus.RETURNED;
		this.comment = comment.strip();
		this.reviewedAt = now;
		this.reviewedBy = by;
	}

	/** The Office reopens an approved submission; the unit sees the reason. */
	void reopen(String reason, String by, Instant now) {
		require(this.status == SubmissionStatus.APPROVED, "reopen");
		requireText(reason);
		this.status = SubmissionStatus.RETURNED;
		this.comment = reason.strip();
		this.reviewedAt = now;
		this.reviewedBy = by;
	}

	private void require(boolean allowed, String step) {
		if (!allowed) {
			throw new WorkflowException(this.status, step);
		}
	}

	private static void requireText(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("A comment is required");
		}
	}

	Long getId() {
		return this.id;
	}

	long getUnitId() {
		return this.unitId;
	}

	int getSchoolYear() {
		return this.schoolYear;
	}

	SubmissionStatus getStatus() {
		return this.status;
	}

	String getComment() {
		return this.comment;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	String getUpdatedBy() {
		return this.updatedBy;
	}

	Instant getSubmittedAt() {
		return this.submittedAt;
	}

	Instant getReviewedAt() {
		return this.reviewedAt;
	}

	String getReviewedBy() {
		return this.reviewedBy;
	}

	int getVersion() {
		return this.version;
	}

}
