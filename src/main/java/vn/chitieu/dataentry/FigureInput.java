package vn.chitieu.dataentry;

import java.time.Instant;
import java.util.Map;

/**
 * What a user sent from a form: the text typed in each field, the evidence notes, and the
 * version of the submission the form was opened on.
 *
 * @param raw the text of each field, by figure
 * @param notes the evidence notes, by figure (district figures)
 * @param version the submission's version when the form was opened, -1 if it did not
 * exist
 * @param openedAt when the form was opened, to list what others changed since
 */
public record FigureInput(Map<FigureKey, String> raw, Map<FigureKey, String> notes, int version, Instant openedAt) {

	public FigureInput {
		raw = Map.copyOf(raw);
		notes = Map.copyOf(notes);
	}

}
