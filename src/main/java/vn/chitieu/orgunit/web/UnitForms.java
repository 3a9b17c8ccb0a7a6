package vn.chitieu.orgunit.web;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.UnitChange;
import vn.chitieu.orgunit.UnitDetails;

/**
 * The forms of the ward and school pages.
 */
final class UnitForms {

	private UnitForms() {
	}

	/**
	 * A ward's code and name.
	 *
	 * @param code its code
	 * @param name its name
	 * @param version the version the form was opened on, null for a new ward
	 */
	record WardForm(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name, Integer version) {

		static WardForm of(UnitDetails unit) {
			return new WardForm(unit.code(), unit.name(), unit.version());
		}

		UnitChange change() {
			return new UnitChange(this.code, this.name, null, Set.of(), null, null);
		}

	}

	/**
	 * A school.
	 *
	 * @param code its code, the Ministry's where it has one
	 * @param name its full name
	 * @param wardId its ward
	 * @param levels the levels it teaches
	 * @param ownership public or private
	 * @param openedYear the start year of the school year it opened, empty if older than
	 * the records
	 * @param version the version the form was opened on, null for a new school
	 */
	record SchoolForm(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
			@NotNull Long wardId, Set<EducationLevel> levels, @NotNull Ownership ownership, Integer openedYear,
			Integer version) {

		static SchoolForm empty() {
			return new SchoolForm("", "", null, Set.of(), Ownership.PUBLIC, null, null);
		}

		static SchoolForm of(UnitDetails unit) {
			return new SchoolForm(unit.code(), unit.name(), unit.wardId(), unit.levels(), unit.ownership(),
					unit.openedYear(), unit.version());
		}

		UnitChange change() {
			return new UnitChange(this.code, this.name, this.wardId, (this.levels != null) ? this.levels : Set.of(),
					this.ownership, this.openedYear);
		}

	}

	/**
	 * Closing a school from a school year.
	 *
	 * @param closedYear the start year of the first school year it no longer reports for
	 * @param version the version the page was opened on
	 */
	record CloseForm(@NotNull Integer closedYear, @NotNull Integer version) {
	}

	/**
	 * Moving a school to another ward from a school year.
	 *
	 * @param moveWardId the ward
	 * @param moveYear the start year of the first school year in that ward
	 */
	record MoveForm(@NotNull Long moveWardId, @NotNull Integer moveYear) {
	}

}
