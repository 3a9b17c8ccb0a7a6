package vn.chitieu.dataentry;

/**
 * How strictly a save is checked.
 */
public enum SaveMode {

	/** A draft from the form: saved unless a value cannot be read or is out of bounds. */
	DRAFT,
	/** A filled Excel template: also refused when it breaks a cross-field rule. */
	UPLOAD,
	/** Sent for review: every figure filled in and every rule satisfied. */
	SUBMIT

}
