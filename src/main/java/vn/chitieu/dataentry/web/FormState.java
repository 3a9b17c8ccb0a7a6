package vn.chitieu.dataentry.web;

import java.util.Map;
import java.util.Set;

import vn.chitieu.dataentry.FigureKey;

/**
 * What a form shows over the stored figures: when shown again after a refused save, the
 * text typed in its fields and what they held when it was loaded.
 *
 * @param typed the text of fields shown as typed; the others show the stored value; null
 * when the form is shown as loaded
 * @param typedNotes the notes shown as typed; null when shown as loaded
 * @param originals the value each field was loaded with, carried in the form; null for
 * the stored values
 * @param originalNotes the note each field was loaded with; null for the stored notes
 * @param contested the fields to show side by side, both people having changed them
 * @param keepMine the choice made for contested fields (true: this user's value)
 * @param explanations the explanations typed of figures that look implausible
 */
record FormState(Map<FigureKey, String> typed, Map<FigureKey, String> typedNotes, Map<FigureKey, String> originals,
		Map<FigureKey, String> originalNotes, Set<FigureKey> contested, Map<FigureKey, Boolean> keepMine,
		Map<FigureKey, String> explanations) {

	/** A form as loaded, nothing typed. */
	static final FormState LOADED = new FormState(null, null, null, null, Set.of(), Map.of(), Map.of());

}
