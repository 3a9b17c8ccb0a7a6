package vn.chitieu.orgunit.web;

import java.time.LocalDate;
import java.util.EnumMap;

import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.NotNull;

import org.springframework.validation.Errors;

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
	 * date clears it. Dates are kept as typed (ISO, as a date input sends them) so that a
	 * wrong one is shown back beside its field.
	 *
	 * @param version the version of the year the form was opened on
	 * @param deadline the general deadline
	 * @param deadlineMN preschools' deadline
	 * @param deadlineTH primary schools' deadline
	 * @param deadlineTHCS lower-secondary schools' deadline
	 */
	record DeadlineForm(@NotNull Integer version, String deadline, String deadlineMN, String deadlineTH,
			String deadlineTHCS) {

		static DeadlineForm of(SchoolYearState state) {
			var d = state.deadlines();
			return new DeadlineForm(state.version(), text(d.general()), text(d.byLevel().get(EducationLevel.MN)),
					text(d.byLevel().get(EducationLevel.TH)), text(d.byLevel().get(EducationLevel.THCS)));
		}

		/**
		 * The deadlines, each date checked: one that cannot be read is rejected beside
		 * its field.
		 * @param result where problems go
		 * @return the deadlines (those that could be read)
		 */
		Deadlines deadlines(Errors result) {
			var byLevel = new EnumMap<EducationLevel, LocalDate>(EducationLevel.class);
			byLevel.put(EducationLevel.MN, date("deadlineMN", this.deadlineMN, result));
			byLevel.put(EducationLevel.TH, date("deadlineTH", this.deadlineTH, result));
			byLevel.put(EducationLevel.THCS, date("deadlineTHCS", this.deadlineTHCS, result));
			return new Deadlines(date("deadline", this.deadline, result), byLevel);
		}

		private static LocalDate date(String field, String text, Errors result) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				result.rejectValue(field, "schoolYears.error.date");
				return null;
			}
		}

		private static String text(LocalDate date) {
			return (date != null) ? date.toString() : null;
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
