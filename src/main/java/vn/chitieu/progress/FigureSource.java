package vn.chitieu.progress;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.chitieu.dataentry.CountedFigures;
import vn.chitieu.dataentry.CountedUnitFigures;
import vn.chitieu.dataentry.CountedYear;
import vn.chitieu.orgunit.SchoolYear;

/**
 * What the engine reads, from the figures the data-entry module counts
 * ({@link CountedFigures}), in the engine's own records: the engine itself knows nothing
 * of where its figures come from.
 */
@Component
class FigureSource {

	private final CountedFigures figures;

	FigureSource(CountedFigures figures) {
		this.figures = figures;
	}

	/**
	 * The data of some school years, in the caller's transaction.
	 * @param years the school years
	 * @param includeSubmitted whether submitted (not yet approved) figures count too
	 * @return each year's data
	 */
	Map<SchoolYear, YearData> load(Collection<SchoolYear> years, boolean includeSubmitted) {
		var result = new HashMap<SchoolYear, YearData>();
		this.figures.load(years, includeSubmitted).forEach((year, counted) -> result.put(year, yearData(counted)));
		return result;
	}

	/**
	 * The years whose data changed: the counters kept by triggers.
	 * @return the counters by scope ("all", "year:2024"…)
	 */
	Map<String, Long> versions() {
		return this.figures.versions();
	}

	static Set<String> scopes(Collection<SchoolYear> years) {
		return CountedFigures.scopes(years);
	}

	static YearData yearData(CountedYear year) {
		return new YearData(year.year(), year.schools().stream().map(FigureSource::unitData).toList(),
				year.wards().stream().map(FigureSource::unitData).toList(), year.district(), year.closed());
	}

	private static UnitData unitData(CountedUnitFigures unit) {
		return new UnitData(unit.unitId(), unit.code(), unit.name(), unit.kind(), unit.level(), unit.wardId(),
				unit.ownership(), unit.openedYear(), unit.values());
	}

}
