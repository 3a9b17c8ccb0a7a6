package vn.chitieu.orgunit;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school years figures can be reported for.
 */
@Service
@Transactional(readOnly = true)
public class SchoolYears {

	private final SchoolYearRepository years;

	SchoolYears(SchoolYearRepository years) {
		this.years = years;
	}

	/**
	 * All school years, oldest first.
	 * @return the years
	 */
	public List<SchoolYearStatus> all() {
		return this.years.findAllByOrderByStartYearAsc().stream().map(SchoolYearEntry::toStatus).toList();
	}

	public Optional<SchoolYearStatus> find(SchoolYear year) {
		return this.years.findById(year.startYear()).map(SchoolYearEntry::toStatus);
	}

	public boolean isOpen(SchoolYear year) {
		return find(year).map(SchoolYearStatus::open).orElse(false);
	}

	/**
	 * The year users most likely mean: the latest open year, else the latest year.
	 * @return the current school year, if any exists
	 */
	public Optional<SchoolYear> current() {
		var all = all();
		return all.stream()
			.filter(SchoolYearStatus::open)
			.reduce((a, b) -> b)
			.or(() -> all.stream().reduce((a, b) -> b))
			.map(SchoolYearStatus::year);
	}

	@Transactional
	public SchoolYearStatus create(SchoolYear year, boolean open) {
		if (this.years.existsById(year.startYear())) {
			throw new IllegalStateException("School year already exists: " + year);
		}
		return this.years.saveAndFlush(new SchoolYearEntry(year, open)).toStatus();
	}

}
