package vn.chitieu.dataentry;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a user sent from a form: the text typed in each field, the evidence notes, the
 * version of the submission the form was opened on and, from the form in the browser, the
 * value each field held when the form was loaded, so that a save writes only what this
 * user changed.
 *
 * @param raw the text of each field, by figure
 * @param notes the evidence notes, by figure (district figures)
 * @param version the submission's version when the form was opened, -1 if it did not
 * exist
 * @param openedAt when the form was opened, to list what others changed since
 * @param original the text each field held when the form was loaded; null when the sender
 * does not say (an uploaded file, a program): every field sent is then taken as typed
 * @param originalNotes the note each field held when the form was loaded (district)
 * @param contested the fields shown side by side after a conflict, both people having
 * changed them: the save is refused until each is chosen
 * @param keepMine for each contested field chosen, true to keep this user's value, false
 * to keep the other person's
 * @param explanations the explanations sent of figures that look implausible (blank to
 * remove one); a figure not in it keeps the explanation it has
 */
public record FigureInput(Map<FigureKey, String> raw, Map<FigureKey, String> notes, int version, Instant openedAt,
		Map<FigureKey, String> original, Map<FigureKey, String> originalNotes, Set<FigureKey> contested,
		Map<FigureKey, Boolean> keepMine, Map<FigureKey, String> explanations) {

	public FigureInput {
		explanations = Map.copyOf(explanations);
		raw = Map.copyOf(raw);
		notes = Map.copyOf(notes);
		original = (original != null) ? Map.copyOf(original) : null;
		originalNotes = Map.copyOf(originalNotes);
		contested = Set.copyOf(contested);
		keepMine = Map.copyOf(keepMine);
	}

	/**
	 * Input that does not say what the form held when loaded: every field sent is taken
	 * as typed.
	 * @param raw the text of each field
	 * @param notes the evidence notes
	 * @param version the submission's version the input was made from
	 * @param openedAt when
	 */
	public FigureInput(Map<FigureKey, String> raw, Map<FigureKey, String> notes, int version, Instant openedAt) {
		this(raw, notes, version, openedAt, null, Map.of(), Set.of(), Map.of(), Map.of());
	}

	/**
	 * Input from a form, without explanations.
	 * @param raw the text of each field
	 * @param notes the evidence notes
	 * @param version the version the form was opened on
	 * @param openedAt when
	 * @param original the text each field was loaded with
	 * @param originalNotes the note each field was loaded with
	 * @param contested the fields shown side by side
	 * @param keepMine the choices made
	 */
	public FigureInput(Map<FigureKey, String> raw, Map<FigureKey, String> notes, int version, Instant openedAt,
			Map<FigureKey, String> original, Map<FigureKey, String> originalNotes, Set<FigureKey> contested,
			Map<FigureKey, Boolean> keepMine) {
		this(raw, notes, version, openedAt, original, originalNotes, contested, keepMine, Map.of());
	}

	/**
	 * @return whether the input says what each field held when the form was loaded
	 */
	public boolean tracked() {
		return this.original != null;
	}

}
