package vn.chitieu.orgunit;

import java.util.Set;

/**
 * A ward or school as its edit page shows it.
 *
 * @param id its id
 * @param kind ward or school
 * @param code its code (for a school, the Ministry's code where it has one)
 * @param name its name
 * @param wardId for a school, its ward
 * @param levels for a school, the levels it teaches
 * @param ownership for a school, public or private
 * @param openedYear for a school, the start year of the school year it opened
 * @param closedYear the start year of the first school year it no longer reports for,
 * null while open
 * @param hasFigures whether any figures were ever entered for it
 * @param version the version to send back with a change
 */
public record UnitDetails(long id, UnitKind kind, String code, String name, Long wardId, Set<EducationLevel> levels,
		Ownership ownership, Integer openedYear, Integer closedYear, boolean hasFigures, int version) {

	public boolean closed() {
		return this.closedYear != null;
	}

}
