package vn.chitieu.progress;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

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

	/**
	 * @param year a school year
	 * @return the change counter of each unit whose figures of that year ever changed
	 */
	Map<Long, Long> unitVersions(SchoolYear year) {
		return this.figures.unitVersions(year);
	}

	/**
	 * A year's data with the figures of some units read again, the rest kept: after an
	 * approval, one school's figures instead of a city's. In the caller's transaction.
	 * @param data the year's data read earlier, while the units were as they are now
	 * @param units the units whose figures changed since
	 * @param includeSubmitted whether submitted figures count too
	 * @return the data now, or empty when it must be read whole (a unit that is neither
	 * one of the year's schools nor wards, such as the district; a unit whose counting
	 * depends on what it reported)
	 */
	Optional<YearData> update(YearData data, Collection<Long> units, boolean includeSubmitted) {
		var changed = Set.copyOf(units);
		var present = new HashSet<Long>();
		data.schools().forEach((u) -> present.add(u.unitId()));
		data.wards().forEach((u) -> present.add(u.unitId()));
		if (!present.containsAll(changed)) {
			return Optional.empty();
		}
		return this.figures.unitFigures(data.year(), changed, includeSubmitted).map((figures) -> {
			UnaryOperator<UnitData> again = (u) -> changed.contains(u.unitId()) ? new UnitData(u.unitId(), u.code(),
					u.name(), u.kind(), u.level(), u.wardId(), u.ownership(), u.openedYear(),
					figures.getOrDefault(new CountedFigures.UnitLevel(u.unitId(), u.level()), Map.of())) : u;
			return new YearData(data.year(), data.schools().stream().map(again).toList(),
					data.wards().stream().map(again).toList(), data.district(), data.closed());
		});
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
