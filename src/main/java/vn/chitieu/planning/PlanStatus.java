package vn.chitieu.planning;

/**
 * Where a version of a plan stands.
 */
public enum PlanStatus {

	/** Being written or edited: seen by the Office only, used by nothing. */
	DRAFT,
	/** The version everything uses: dashboards, the API, reports, the forms. */
	PUBLISHED,
	/** An earlier published version, kept readable. */
	ARCHIVED

}
