package vn.chitieu.orgunit;

/**
 * The kinds of organisation unit that report figures.
 */
public enum UnitKind {

	/** The district (quận) itself: figures the Education Office enters. */
	DISTRICT,
	/** A ward (phường): population by age and universal-education status. */
	WARD,
	/** A school. */
	SCHOOL

}
