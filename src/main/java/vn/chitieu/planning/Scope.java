package vn.chitieu.planning;

import java.util.Set;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.UnitKind;

/**
 * Which units a measure is computed over.
 *
 * @param unit schools or wards (for a ratio, the units of the numerator)
 * @param levels the levels of the schools in scope; all levels when empty
 * @param ownership public or private only; both when null
 * @param newOnly only schools opened after the plan's baseline year ("trường xây mới")
 */
public record Scope(UnitKind unit, Set<EducationLevel> levels, Ownership ownership, boolean newOnly) {

	public Scope {
		levels = Set.copyOf(levels);
	}

}
