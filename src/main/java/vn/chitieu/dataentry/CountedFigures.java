package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.SchoolYear;

/**
 * The figures that count (số liệu được tính), read in bulk for the progress engine: for
 * each school year, every school (one entry per level it teaches) and ward that existed
 * that year with its approved figures (or also its submitted ones), the Office's figures
 * for the district, and whether the year is closed. The database filters and groups, so
 * that only what counts crosses the wire.
 * <p>
 * Reads in the caller's transaction: read {@link #versions()} and {@link #load} in one
 * repeatable-read transaction and the counters describe the figures.
 */
public interface CountedFigures {

	/**
	 * The figures of some school years.
	 * @param years the school years
	 * @param includeSubmitted whether submitted (not yet approved) figures count too
	 * @return each year's figures
	 */
	Map<SchoolYear, CountedYear> load(Collection<SchoolYear> years, boolean includeSubmitted);

	/**
	 * The change counters of each unit in a school year, moved by the same triggers as
	 * the year's counter (see {@code V29__data_unit_version.sql}): which units' figures
	 * changed since they were read.
	 * @param year the school year
	 * @return the counter of each unit whose figures of that year ever changed
	 */
	Map<Long, Long> unitVersions(SchoolYear year);

	/**
	 * The figures of some units in one school year, to bring a year read earlier up to
	 * date when only those units' figures changed (the units themselves did not: their
	 * changes move the {@code all} counter).
	 * @param year the school year
	 * @param units the units
	 * @param includeSubmitted whether submitted (not yet approved) figures count too
	 * @return their figures that count, by unit and level (no level for a ward or the
	 * district); a unit with none is left out. Empty when these units cannot be brought
	 * up to date alone: one of them is switched off without a closing year, so whether it
	 * counts at all depends on what it reported — read the whole year again.
	 */
	Optional<Map<UnitLevel, Map<String, BigDecimal>>> unitFigures(SchoolYear year, Collection<Long> units,
			boolean includeSubmitted);

	/**
	 * A unit's figures for one level: a school's level, {@code null} for a ward or the
	 * district.
	 *
	 * @param unitId the unit
	 * @param level the level, or {@code null}
	 */
	record UnitLevel(long unitId, EducationLevel level) {
	}

	/**
	 * The change counters kept by triggers in the same transaction as any change (see
	 * {@code V7__data_version.sql}): {@code all} moves with the units and the plans,
	 * {@code year:<start year>} with the figures of that school year.
	 * @return the counters by scope
	 */
	Map<String, Long> versions();

	/**
	 * @param years some school years
	 * @return the scopes of the counters that move when their figures may change:
	 * {@code all} and one {@code year:<start year>} per year
	 */
	static Set<String> scopes(Collection<SchoolYear> years) {
		var scopes = new HashSet<String>();
		scopes.add("all");
		years.forEach((y) -> scopes.add("year:" + y.startYear()));
		return scopes;
	}

}
