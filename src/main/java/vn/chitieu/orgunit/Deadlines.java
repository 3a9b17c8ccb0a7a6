package vn.chitieu.orgunit;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a school year's reports are due (hạn nộp báo cáo): one date for every unit, and
 * optionally a date per level that overrides it. A date is inclusive: a report sent on
 * the day is on time.
 *
 * @param general the deadline for every unit, if set
 * @param byLevel deadlines of single levels, overriding the general one
 */
public record Deadlines(LocalDate general, Map<EducationLevel, LocalDate> byLevel) {

	/** No deadline at all. */
	public static final Deadlines NONE = new Deadlines(null, Map.of());

	public Deadlines {
		var copy = new EnumMap<EducationLevel, LocalDate>(EducationLevel.class);
		if (byLevel != null) {
			byLevel.forEach((level, date) -> {
				if (date != null) {
					copy.put(level, date);
				}
			});
		}
		byLevel = Collections.unmodifiableMap(copy);
	}

	/**
	 * @param level a level
	 * @return the deadline of its reports: its own, else the general one
	 */
	public Optional<LocalDate> forLevel(EducationLevel level) {
		return Optional.ofNullable(this.byLevel.getOrDefault(level, this.general));
	}

	/**
	 * A school reports all its levels in one report, due by the earliest of their
	 * deadlines.
	 * @param school the school
	 * @return its deadline, if any applies
	 */
	public Optional<LocalDate> forSchool(School school) {
		return school.levels().stream().flatMap((l) -> forLevel(l).stream()).min(LocalDate::compareTo);
	}

	public boolean isEmpty() {
		return this.general == null && this.byLevel.isEmpty();
	}

	/**
	 * @param year a school year
	 * @return the first day a deadline of that year may fall on: 1 September of its start
	 * year
	 */
	public static LocalDate earliest(SchoolYear year) {
		return LocalDate.of(year.startYear(), 9, 1);
	}

	/**
	 * @param year a school year
	 * @return the last day a deadline of that year may fall on: 31 December of its end
	 * year
	 */
	public static LocalDate latest(SchoolYear year) {
		return LocalDate.of(year.startYear() + 1, 12, 31);
	}

}
