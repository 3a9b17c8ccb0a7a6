package vn.chitieu.progress;

import java.util.List;
import java.util.Optional;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.IndicatorDefinition;

/**
 * An indicator's progress over the years of its plan, from the baseline year to the year
 * asked for.
 *
 * @param indicator the indicator
 * @param years each year's standing, oldest first
 */
public record IndicatorProgress(IndicatorDefinition indicator, List<YearProgress> years) {

	public IndicatorProgress {
		years = List.copyOf(years);
	}

	/**
	 * @param year a school year
	 * @return its standing, if the plan covers it
	 */
	public Optional<YearProgress> year(SchoolYear year) {
		return this.years.stream().filter((y) -> y.year().equals(year)).findFirst();
	}

	/**
	 * @return the latest year's standing
	 */
	public YearProgress latest() {
		return this.years.get(this.years.size() - 1);
	}

}
