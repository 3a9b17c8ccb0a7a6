package vn.chitieu.orgunit;

import java.util.List;
import java.util.Map;

/**
 * A reorganisation of wards as the Office typed it: from which school year, under which
 * decision, the new wards, where each old ward goes and where each of its schools goes.
 *
 * @param effectiveYear the start year of the first school year of the new wards
 * @param reference the legal reference, e.g. "Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025"
 * @param note a note, may be blank
 * @param newWards the wards formed (code and name)
 * @param successors for each old ward (by id) that is merged or split, the codes of the
 * wards it goes into: new wards or existing wards that are kept; wards left out are
 * unchanged
 * @param schoolWards for schools of an old ward, the code of the ward each stands in from
 * then on; may be left out when the old ward goes into one ward only
 */
public record ReorganisationPlan(Integer effectiveYear, String reference, String note, List<NewWard> newWards,
		Map<Long, List<String>> successors, Map<Long, String> schoolWards) {

	/**
	 * A ward formed by the reorganisation.
	 *
	 * @param code its code
	 * @param name its name
	 */
	public record NewWard(String code, String name) {
	}

}
