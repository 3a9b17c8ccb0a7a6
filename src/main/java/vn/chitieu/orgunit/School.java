package vn.chitieu.orgunit;

import java.util.Set;

/**
 * A school as other modules see it.
 *
 * @param id its id
 * @param code its code
 * @param name its full name, e.g. "Trường THCS Ái Mộ"
 * @param levels the level or levels it teaches
 * @param ownership public or private
 * @param wardId the ward it stands in
 * @param wardName that ward's name
 * @param openedYear the start year of the school year it opened, null if older than the
 * records
 * @param active false once the school is closed or merged
 * @param closedYear the start year of the first school year it no longer reports for,
 * null while open
 */
public record School(long id, String code, String name, Set<EducationLevel> levels, Ownership ownership, long wardId,
		String wardName, Integer openedYear, boolean active, Integer closedYear) {

	/**
	 * Whether the school counts for a school year: opened by then and not closed yet.
	 * @param year the school year
	 * @return true if it counts for that year
	 */
	public boolean isInScope(SchoolYear year) {
		return isOpenIn(year) && ((this.closedYear != null) ? year.startYear() < this.closedYear : this.active);
	}

	/**
	 * The same school as it stood in another ward (the ward of some school year).
	 * @param ward the ward
	 * @return the school in that ward
	 */
	public School inWard(Ward ward) {
		return new School(this.id, this.code, this.name, this.levels, this.ownership, ward.id(), ward.name(),
				this.openedYear, this.active, this.closedYear);
	}

	/**
	 * Whether the school counts for a school year: it must have opened by then.
	 * @param year the school year
	 * @return true if it had opened by that year
	 */
	public boolean isOpenIn(SchoolYear year) {
		return this.openedYear == null || this.openedYear <= year.startYear();
	}

	public boolean teaches(EducationLevel level) {
		return this.levels.contains(level);
	}

}
