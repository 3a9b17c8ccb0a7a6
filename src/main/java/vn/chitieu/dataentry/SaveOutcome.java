package vn.chitieu.dataentry;

import java.time.Instant;
import java.util.List;

/**
 * What became of a save.
 */
public sealed interface SaveOutcome {

	/**
	 * The figures were saved (and, when asked, submitted).
	 *
	 * @param changed how many figures changed
	 * @param submitted whether the submission was sent for review
	 */
	record Saved(int changed, boolean submitted) implements SaveOutcome {
	}

	/**
	 * Nothing was saved: some figures are wrong, or missing for a submission.
	 *
	 * @param violations the problems
	 */
	record Invalid(List<FigureViolation> violations) implements SaveOutcome {
	}

	/**
	 * Nothing was saved: someone else saved the form since it was opened.
	 *
	 * @param changedBy who saved last
	 * @param changedAt when
	 * @param changes the figures they changed since the form was opened
	 */
	record Conflict(String changedBy, Instant changedAt, List<FigureChange> changes) implements SaveOutcome {
	}

	/**
	 * Nothing was saved: the form cannot change now.
	 *
	 * @param reason the message key saying why (year closed, submission locked)
	 */
	record Refused(String reason) implements SaveOutcome {
	}

	/**
	 * A figure someone changed.
	 *
	 * @param figure the figure
	 * @param oldValue its value before
	 * @param newValue its value after
	 * @param by who changed it
	 * @param at when
	 */
	record FigureChange(FigureKey figure, String oldValue, String newValue, String by, Instant at) {
	}

}
