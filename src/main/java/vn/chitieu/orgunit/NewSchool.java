package vn.chitieu.orgunit;

import java.util.Set;

/**
 * What it takes to register a school.
 *
 * @param code its code, unique in the district
 * @param name its full name
 * @param wardCode the code of its ward
 * @param levels the levels it teaches
 * @param ownership public or private
 * @param openedYear the start year of the school year it opened, null if older than the
 * records
 */
public record NewSchool(String code, String name, String wardCode, Set<EducationLevel> levels, Ownership ownership,
		Integer openedYear) {
}
