package vn.chitieu.orgunit;

/**
 * Who owns a school.
 */
public enum Ownership {

	/** Công lập. */
	PUBLIC,
	/** Tư thục (and other non-public forms). */
	PRIVATE

}
