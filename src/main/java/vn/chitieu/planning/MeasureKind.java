package vn.chitieu.planning;

/**
 * The closed set of ways an indicator's actual value is computed.
 */
public enum MeasureKind {

	/** Σ numerator ÷ Σ denominator × 100 over the units in scope. */
	RATIO,
	/** Σ numerator ÷ Σ denominator, e.g. children per class. */
	AVERAGE,
	/** Σ of a figure over the units in scope. */
	SUM,
	/** Units meeting a condition ÷ units in scope × 100 (also per-unit conditions). */
	SHARE,
	/** Units meeting a condition (or all units in scope). */
	COUNT,
	/** Named schools, each of which must meet a condition. */
	CHECKLIST,
	/** A figure the Education Office enters for the district. */
	DISTRICT

}
