package vn.chitieu.dataentry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What became of a save.
 */
public sealed interface SaveOutcome {

	/**
	 * The figures were saved (and, when asked, submitted).
	 *
	 * @param changed how many figures changed
	 * @param submitted whether the submission was sent for review
	 * @param version the submission's version after the save, for a form that goes on
	 * being edited (autosave); -1 when not known
	 */
	record Saved(int changed, boolean submitted, int version) implements SaveOutcome {

		/**
		 * A save whose version is of no use to the caller (a review).
		 * @param changed how many figures changed
		 * @param submitted whether sent for review
		 */
		public Saved(int changed, boolean submitted) {
			this(changed, submitted, -1);
		}

	}

	/**
	 * Nothing was saved: some figures are wrong, or missing for a submission.
	 *
	 * @param violations the problems
	 * @param warnings the figures sent that look implausible, with their explanations
	 */
	record Invalid(List<FigureViolation> violations, List<FigureWarning> warnings) implements SaveOutcome {

		/**
		 * Problems, and no figure looking implausible.
		 * @param violations the problems
		 */
		public Invalid(List<FigureViolation> violations) {
			this(violations, List.of());
		}

	}

	/**
	 * Nothing was saved: someone else saved the form since it was opened. What this user
	 * changed is given back, to be shown over the figures as they now stand: fields only
	 * the other person changed show their value, fields only this user changed keep
	 * theirs, and fields both changed to different values must be chosen.
	 *
	 * @param changedBy who saved last
	 * @param changedAt when
	 * @param changes the figures they changed since the form was opened
	 * @param mine the text of each field this user changed
	 * @param mineNotes the note of each field whose note this user changed
	 * @param contested the fields both changed to different values
	 * @param warnings the figures that look implausible as the merge page shows them
	 * (this user's values over the stored ones), with the explanations this user sent or,
	 * failing those, the stored ones
	 */
	record Conflict(String changedBy, Instant changedAt, List<FigureChange> changes, Map<FigureKey, String> mine,
			Map<FigureKey, String> mineNotes, Set<FigureKey> contested,
			List<FigureWarning> warnings) implements SaveOutcome {

		/**
		 * A conflict with nothing of the user's to give back (a review).
		 * @param changedBy who saved last
		 * @param changedAt when
		 * @param changes what they changed
		 */
		public Conflict(String changedBy, Instant changedAt, List<FigureChange> changes) {
			this(changedBy, changedAt, changes, Map.of(), Map.of(), Set.of(), List.of());
		}

		/**
		 * @param others the warnings of the figures as the merge page shows them
		 * @return this conflict with those warnings
		 */
		public Conflict withWarnings(List<FigureWarning> others) {
			return new Conflict(this.changedBy, this.changedAt, this.changes, this.mine, this.mineNotes, this.contested,
					List.copyOf(others));
		}

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
