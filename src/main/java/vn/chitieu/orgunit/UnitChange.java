package vn.chitieu.orgunit;

import java.util.Set;

/**
 * What the Office enters for a ward or a school.
 *
 * @param code its code, unique in the district
 * @param name its name
 * @param wardId for a school, its ward; null for a ward
 * @param levels for a school, the levels it teaches (at least one); empty for a ward
 * @param ownership for a school, public or private; null for a ward
 * @param openedYear for a school, the start year of the school year it opened, null if
 * older than the records
 */
public record UnitChange(String code, String name, Long wardId, Set<EducationLevel> levels, Ownership ownership,
		Integer openedYear) {
}
