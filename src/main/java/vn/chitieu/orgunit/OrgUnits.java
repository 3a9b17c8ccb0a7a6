package vn.chitieu.orgunit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation units: reading them for other modules, registering them.
 */
@Service
@Transactional(readOnly = true)
public class OrgUnits {

	private final OrgUnitRepository units;

	OrgUnits(OrgUnitRepository units) {
		this.units = units;
	}

	public Optional<UnitRef> district() {
		return this.units.findByKindOrderByNameAsc(UnitKind.DISTRICT).stream().findFirst().map(OrgUnit::toRef);
	}

	public Optional<UnitRef> unit(long id) {
		return this.units.findById(id).map(OrgUnit::toRef);
	}

	public Optional<UnitRef> unitByCode(String code) {
		return this.units.findByCode(code).map(OrgUnit::toRef);
	}

	/**
	 * The names of all units, by id.
	 * @return the names
	 */
	public Map<Long, String> names() {
		return this.units.findAll().stream().collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getName));
	}

	public List<Ward> wards() {
		return this.units.findByKindOrderByNameAsc(UnitKind.WARD).stream().map(OrgUnits::toWard).toList();
	}

	public Optional<Ward> ward(long id) {
		return this.units.findById(id).filter((u) -> u.getKind() == UnitKind.WARD).map(OrgUnits::toWard);
	}

	/**
	 * All schools, active or not, ordered by level then name.
	 * @return the schools
	 */
	public List<School> schools() {
		Map<Long, String> wardNames = wardNames();
		return this.units.findByKindOrderByNameAsc(UnitKind.SCHOOL)
			.stream()
			.map((u) -> toSchool(u, wardNames))
			.sorted(SCHOOL_ORDER)
			.toList();
	}

	public Optional<School> school(long id) {
		return this.units.findById(id)
			.filter((u) -> u.getKind() == UnitKind.SCHOOL)
			.map((u) -> toSchool(u, wardNames()));
	}

	public Optional<School> schoolByCode(String code) {
		return this.units.findByCode(code)
			.filter((u) -> u.getKind() == UnitKind.SCHOOL)
			.map((u) -> toSchool(u, wardNames()));
	}

	@Transactional
	public UnitRef createDistrict(String code, String name) {
		if (district().isPresent()) {
			throw new IllegalStateException("The district already exists");
		}
		return this.units.save(OrgUnit.district(code, name)).toRef();
	}

	@Transactional
	public Ward createWard(String code, String name) {
		var district = district().orElseThrow(() -> new IllegalStateException("Create the district first"));
		return toWard(this.units.save(OrgUnit.ward(code, name, district.id())));
	}

	@Transactional
	public School createSchool(NewSchool school) {
		var ward = this.units.findByCode(school.wardCode())
			.filter((u) -> u.getKind() == UnitKind.WARD)
			.orElseThrow(() -> new IllegalArgumentException("Unknown ward: " + school.wardCode()));
		var saved = this.units.save(OrgUnit.school(school.code(), school.name(), ward.getId(), school.levels(),
				school.ownership(), school.openedYear()));
		return toSchool(saved, Map.of(ward.getId(), ward.getName()));
	}

	private Map<Long, String> wardNames() {
		return this.units.findByKindOrderByNameAsc(UnitKind.WARD)
			.stream()
			.collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getName));
	}

	private static Ward toWard(OrgUnit unit) {
		return new Ward(unit.getId(), unit.getCode(), unit.getName());
	}

	private static School toSchool(OrgUnit unit, Map<Long, String> wardNames) {
		return new School(unit.getId(), unit.getCode(), unit.getName(), unit.getLevels(), unit.getOwnership(),
				unit.getParentId(), wardNames.getOrDefault(unit.getParentId(), ""), unit.getOpenedYear(),
				unit.isActive());
	}

	/** Preschools first, then primary, then lower secondary; by name within a level. */
	static final Comparator<School> SCHOOL_ORDER = Comparator.comparing(
			(Function<School, EducationLevel>) (s) -> s.levels().stream().min(Comparator.naturalOrder()).orElseThrow())
		.thenComparing(School::name, VietnameseCollator.INSTANCE);

}
