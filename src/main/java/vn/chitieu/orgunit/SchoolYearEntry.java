package vn.chitieu.orgunit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code school_year}: a school year and whether it is open for entry.
 */
@Entity
@Table(name = "school_year")
class SchoolYearEntry {

	@Id
	@Column(name = "start_year")
	private Integer startYear;

	private boolean open;

	protected SchoolYearEntry() {
	}

	SchoolYearEntry(SchoolYear year, boolean open) {
		this.startYear = year.startYear();
		this.open = open;
	}

	SchoolYear year() {
		return SchoolYear.of(this.startYear);
	}

	boolean isOpen() {
		return this.open;
	}

	void setOpen(boolean open) {
		this.open = open;
	}

	SchoolYearStatus toStatus() {
		return new SchoolYearStatus(year(), this.open);
	}

}
