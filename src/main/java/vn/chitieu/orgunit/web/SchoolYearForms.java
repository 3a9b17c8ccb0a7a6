package vn.chitieu.orgunit.web;

import java.time.LocalDate;
import java.util.EnumMap;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

import vn.chitieu.orgunit.Deadlines;
import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.SchoolYearState;

/**
 * The forms of the school years page.
 */
final class SchoolYearForms {

	private SchoolYearForms() {
	}

	/**
	 * Opening the next school year, named by its start year so that sending it twice
	 * opens nothing twice.
	 *
	 * @param startYear the start year of the year to open
	 */
	record OpenForm(@NotNull Integer startYear) {
	}

	/**
	 * A year's deadlines: one for every unit, and one per level overriding it; an empty
	 * date clears it.
	 *
	 * @param version the version of the year the form was opened on
	 * @param deadline the general deadline
	 * @param deadlineMN preschools' deadline
	 * @param deadlineTH primary schools' deadline
	 * @param deadlineTHCS lower-secondary schools' deadline
	 */
	record DeadlineForm(@NotNull Integer version, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineMN,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineTH,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineTHCS) {

		static DeadlineForm of(SchoolYearState state) {
			var d = state.deadlines();
			return new DeadlineForm(state.version(), d.general(), d.byLevel().get(EducationLevel.MN),
					d.byLevel().get(EducationLevel.TH), d.byLevel().get(EducationLevel.THCS));
		}

		Deadlines deadlines() {
			var byLevel = new EnumMap<EducationLevel, LocalDate>(EducationLevel.class);
			byLevel.put(EducationLevel.MN, this.deadlineMN);
			byLevel.put(EducationLevel.TH, this.deadlineTH);
			byLevel.put(EducationLevel.THCS, this.deadlineTHCS);
			return new Deadlines(this.deadline, byLevel);
		}

	}

	/**
	 * Closing a year.
	 *
	 * @param version the version of the year the page was opened on
	 */
	record CloseForm(@NotNull Integer version) {
	}

	/**
	 * Reopening a closed year.
	 *
	 * @param version the version of the year the page was opened on
	 * @param reason why (required)
	 */
	record ReopenForm(@NotNull Integer version, String reason) {
	}

}
