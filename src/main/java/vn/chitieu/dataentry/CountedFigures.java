package vn.chitieu.dataentry;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
