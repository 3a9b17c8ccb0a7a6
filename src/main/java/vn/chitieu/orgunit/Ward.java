package vn.chitieu.orgunit;

/**
 * A ward (phường) of the district.
 *
 * @param id its id
 * @param code its code
 * @param name its name, e.g. "Phường Bồ Đề"
 * @param openedYear the start year of the first school year it counts for (a ward formed
 * by a reorganisation), null if older than the records
 * @param closedYear the start year of the first school year it no longer counts for (a
 * ward merged or split by a reorganisation), null while it exists
 */
public record Ward(long id, String code, String name, Integer openedYear, Integer closedYear) {

	/**
	 * Whether the ward exists in a school year: opened by then and not yet closed.
	 * @param year the school year
	 * @return true if the ward counts for that year
	 */
	public boolean isInScope(SchoolYear year) {
		return (this.openedYear == null || this.openedYear <= year.startYear())
				&& (this.closedYear == null || year.startYear() < this.closedYear);
	}

	public boolean closed() {
		return this.closedYear != null;
	}

	/**
	 * @return the last school year the ward counted for, null while it exists
	 */
	public SchoolYear lastYear() {
		return (this.closedYear != null) ? SchoolYear.of(this.closedYear - 1) : null;
	}

	/**
	 * @return the first school year the ward counted for, null if older than the records
	 */
	public SchoolYear firstYear() {
		return (this.openedYear != null) ? SchoolYear.of(this.openedYear) : null;
	}

}
