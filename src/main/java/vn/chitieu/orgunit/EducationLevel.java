package vn.chitieu.orgunit;

/**
 * An education level (cấp học).
 */
public enum EducationLevel {

	/** Mầm non: preschool (nursery and kindergarten). */
	MN,
	/** Tiểu học: primary. */
	TH,
	/** Trung học cơ sở: lower secondary. */
	THCS

}
