package vn.chitieu.dataentry;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionWorkflowTest {

	private static final Instant NOW = Instant.parse("2025-05-20T03:00:00Z");

	private Submission draft() {
		return new Submission(7L, 2024, "th-bode", NOW);
	}

	@Test
	void shouldGoFromDraftToSubmittedToApproved() {
		var submission = draft();
		assertThat(submission.getStatus()).isEqualTo(SubmissionStatus.DRAFT);
		submission.edited("th-bode", NOW);
		submission.submit("th-bode", NOW);
		assertThat(submission.getStatus()).isEqualTo(SubmissionStatus.SUBMITTED);
		submission.approve("phonggd", NOW);
		assertThat(submission.getStatus()).isEqualTo(SubmissionStatus.APPROVED);
		assertThat(submission.getReviewedBy()).isEqualTo("phonggd");
	}

	@Test
	void shouldReturnWithACommentThatTheSchoolSeesAndThenResubmit() {
		var submission = draft();
		submission.submit("th-bode", NOW);
		submission.returnWith("  Thiếu số giáo viên  ", "phonggd", NOW);
		assertThat(submission.getStatus()).isEqualTo(SubmissionStatus.RETURNED);
		assertThat(submission.getComment()).isEqualTo("Thiếu số giáo viên");
		submission.edited("th-bode", NOW);
		assertThat(submission.getStatus()).as("back to draft for the school").isEqualTo(SubmissionStatus.DRAFT);
		assertThat(submission.getComment()).as("the comment stays in view").isEqualTo("Thiếu số giáo viên");
		submission.submit("th-bode", NOW);
		assertThat(submission.getStatus()).isEqualTo(SubmissionStatus.SUBMITTED);
	}

	@Test
	void shouldRefuseToReturnWithoutAComment() {
		var submission = draft();
		submission.submit("th-bode", NOW);
		assertThatThrownBy(() -> submission.returnWith(" ", "phonggd", NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(submission.getStatus()).isEqualTo(SubmissionStatus.SUBMITTED);
	}

	@Test
	void shouldLockApprovedFiguresUntilReopenedWithAReason() {
		var submission = draft();
		submission.submit("th-bode", NOW);
		submission.approve("phonggd", NOW);
		assertThatThrownBy(() -> submission.edited("th-bode", NOW)).isInstanceOf(WorkflowException.class);
		assertThatThrownBy(() -> submission.submit("th-bode", NOW)).isInstanceOf(WorkflowException.class);
		assertThatThrownBy(() -> submission.reopen("", "phonggd", NOW)).isInstanceOf(IllegalArgumentException.class);
		submission.reopen("Sửa số liệu diện tích", "phonggd", NOW);
		assertThat(submission.getStatus()).isEqualTo(SubmissionStatus.RETURNED);
		assertThat(submission.getComment()).isEqualTo("Sửa số liệu diện tích");
		submission.edited("th-bode", NOW);
	}

	@Test
	void shouldRefuseIllegalSteps() {
		var submission = draft();
		assertThatThrownBy(() -> submission.approve("phonggd", NOW)).isInstanceOfSatisfying(WorkflowException.class,
				(ex) -> assertThat(ex.from()).isEqualTo(SubmissionStatus.DRAFT));
		assertThatThrownBy(() -> submission.returnWith("x", "phonggd", NOW)).isInstanceOf(WorkflowException.class);
		assertThatThrownBy(() -> submission.reopen("x", "phonggd", NOW)).isInstanceOf(WorkflowException.class);
		submission.submit("th-bode", NOW);
		assertThatThrownBy(() -> submission.edited("th-bode", NOW)).isInstanceOf(WorkflowException.class);
		assertThatThrownBy(() -> submission.submit("th-bode", NOW)).isInstanceOf(WorkflowException.class);
	}

}
