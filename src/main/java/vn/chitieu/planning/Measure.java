package vn.chitieu.planning;

import java.util.List;

/**
 * How an indicator's actual value is computed. Which fields are set depends on the kind:
 * numerator and denominator for ratios and averages; value for sums and district figures;
 * condition for shares, counts and checklists; items for checklists. Expressions are kept
 * as written in the definition file.
 *
 * @param kind the kind of computation
 * @param scope the units it is computed over
 * @param numerator a sum of metrics
 * @param denominator a sum of metrics
 * @param condition what a unit must satisfy
 * @param among for a share, which units count in the denominator (all in scope when null)
 * @param value the figure summed (sum) or read (district)
 * @param items the named schools of a checklist
 */
public record Measure(MeasureKind kind, Scope scope, String numerator, String denominator, String condition,
		String among, String value, List<ChecklistItem> items) {

	public Measure {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

}
