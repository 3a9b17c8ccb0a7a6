package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import vn.chitieu.orgunit.SchoolYear;

/**
 * Everything the engine reads for one school year.
 *
 * @param year the school year
 * @param schools every school (one entry per level it teaches) that existed that year,
 * with the figures that count (approved, or also submitted when asked); those that
 * reported nothing have no figures
 * @param wards every ward, likewise
 * @param district the figures the Office entered for the district
 * @param closed whether the school year is closed for entry: what was reported is final,
 * and a value computed from incomplete figures is no longer provisional
 */
public record YearData(SchoolYear year, List<UnitData> schools, List<UnitData> wards, Map<String, BigDecimal> district,
		boolean closed) {

	public YearData {
		schools = List.copyOf(schools);
		wards = List.copyOf(wards);
		district = Map.copyOf(district);
	}

}
