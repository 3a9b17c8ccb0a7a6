package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import vn.chitieu.orgunit.SchoolYear;

/**
 * The figures that count for one school year ({@link CountedFigures}).
 *
 * @param year the school year
 * @param schools every school (one entry per level it teaches) that existed that year,
 * with its figures that count; those that reported nothing have none
 * @param wards every ward, likewise
 * @param district the figures the Office entered for the district
 * @param closed whether the school year is closed for entry
 */
public record CountedYear(SchoolYear year, List<CountedUnitFigures> schools, List<CountedUnitFigures> wards,
		Map<String, BigDecimal> district, boolean closed) {

	public CountedYear {
		schools = List.copyOf(schools);
		wards = List.copyOf(wards);
		district = Map.copyOf(district);
	}

}
