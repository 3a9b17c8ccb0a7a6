package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.Map;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.UnitKind;

/**
 * A unit's figures that count for a school year ({@link CountedFigures}): a school's for
 * one of its levels, or a ward's.
 *
 * @param unitId the unit
 * @param code its code
 * @param name its name
 * @param kind school or ward
 * @param level for a school, the level these figures are for
 * @param wardId for a school, its ward
 * @param ownership for a school, public or private
 * @param openedYear for a school, the start year of the school year it opened
 * @param values the figures, by metric code; empty when it has reported nothing that
 * counts
 */
public record CountedUnitFigures(long unitId, String code, String name, UnitKind kind, EducationLevel level,
		Long wardId, Ownership ownership, Integer openedYear, Map<String, BigDecimal> values) {

	public CountedUnitFigures {
		values = Map.copyOf(values);
	}

}
