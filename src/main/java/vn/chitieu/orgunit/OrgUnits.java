package vn.chitieu.orgunit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;

/**
 * The organisation units: reading them for other modules, registering them.
 */
@Service
@Transactional(readOnly = true)
public class OrgUnits {

	/** Letters, digits, dot, dash and underscore; the Ministry's school codes fit. */
	public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

	/** The earliest opening year accepted. */
	public static final int FIRST_YEAR = 1900;

	/** The code of the district made with an installation's first ward. */
	static final String DISTRICT_CODE = "TOAN-QUAN";

	/** Its name: it stands for the district as a whole. */
	static final String DISTRICT_NAME = "Toàn quận";

	private final OrgUnitRepository units;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	OrgUnits(OrgUnitRepository units, JdbcTemplate jdbc, AuditLog audit) {
		this.units = units;
		this.jdbc = jdbc;
		this.audit = audit;
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

	/**
	 * The wards that exist in a school year (opened by then, not yet merged or split).
	 * @param year the school year
	 * @return the wards, by name
	 */
	public List<Ward> wards(SchoolYear year) {
		return wards().stream().filter((w) -> w.isInScope(year)).toList();
	}

	/**
	 * The schools that count for a school year, each in the ward it stood in that year.
	 * @param year the school year
	 * @return the schools, by level then name
	 */
	public List<School> schools(SchoolYear year) {
		var history = wardHistory();
		var wards = wards().stream().collect(Collectors.toMap(Ward::id, Function.identity()));
		return schools().stream()
			.filter((s) -> s.isInScope(year))
			.map((s) -> inWardOf(s, year, history, wards))
			.toList();
	}

	/**
	 * The schools of a ward: those standing in it in its last school year if it was
	 * merged or split, else in the latest school year.
	 * @param ward the ward
	 * @return its schools, by level then name
	 */
	public List<School> schoolsOf(Ward ward) {
		var year = (ward.closedYear() != null) ? ward.lastYear() : SchoolYear.of(latestYear());
		if (ward.openedYear() != null && year.startYear() < ward.openedYear()) {
			year = SchoolYear.of(ward.openedYear());
		}
		var history = wardHistory();
		var wards = wards().stream().collect(Collectors.toMap(Ward::id, Function.identity()));
		var in = year;
		return schools().stream()
			.map((s) -> inWardOf(s, in, history, wards))
			.filter((s) -> s.wardId() == ward.id())
			.toList();
	}

	/**
	 * Whether a unit counts for a school year: the district always, a ward or school from
	 * its opening to its closing year.
	 * @param unitId the unit
	 * @param year the school year
	 * @return true if it counts that year
	 */
	public boolean isInScope(long unitId, SchoolYear year) {
		var unit = this.units.findById(unitId);
		if (unit.isEmpty()) {
			return false;
		}
		var u = unit.get();
		switch (u.getKind()) {
			case WARD:
				return toWard(u).isInScope(year);
			case SCHOOL:
				return toSchool(u, Map.of()).isInScope(year);
			default:
				return true;
		}
	}

	/**
	 * Where a ward came from and went to in reorganisations.
	 * @param wardId the ward
	 * @return the old wards it was formed from and the new wards it went into
	 */
	public WardLineage lineage(long wardId) {
		var wards = wards().stream().collect(Collectors.toMap(Ward::id, Function.identity()));
		var from = new ArrayList<WardLineage.Link>();
		var into = new ArrayList<WardLineage.Link>();
		this.jdbc.query("""
				select l.old_ward_id, l.new_ward_id, l.part, r.effective_year, r.reference
				from ward_lineage l join reorganisation r on r.id = l.reorganisation_id
				where l.old_ward_id = ? or l.new_ward_id = ?
				order by r.effective_year, r.id
				""", (rs) -> {
			long oldWard = rs.getLong(1);
			long newWard = rs.getLong(2);
			var link = (oldWard == wardId) ? into : from;
			var other = wards.get((oldWard == wardId) ? newWard : oldWard);
			link.add(new WardLineage.Link(other, rs.getBoolean(3), SchoolYear.of(rs.getInt(4)), rs.getString(5)));
		}, wardId, wardId);
		Comparator<WardLineage.Link> byName = Comparator.comparing((l) -> l.ward().name(), VietnameseCollator.INSTANCE);
		from.sort(byName);
		into.sort(byName);
		return new WardLineage(from, into);
	}

	/**
	 * Each school's former wards: for each school that moved, the ward it stood in before
	 * each move, by the first year it no longer stood there.
	 * @return the history by school id
	 */
	Map<Long, java.util.NavigableMap<Integer, Long>> wardHistory() {
		var history = new java.util.HashMap<Long, java.util.NavigableMap<Integer, Long>>();
		this.jdbc.query("select school_id, until_year, ward_id from school_ward_history", (rs) -> {
			history.computeIfAbsent(rs.getLong(1), (k) -> new java.util.TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
		});
		return history;
	}

	/**
	 * The ward a school stood in in a school year.
	 * @param history the schools' former wards ({@link #wardHistory()})
	 * @param schoolId the school
	 * @param currentWard its ward now
	 * @param year the school year
	 * @return the ward's id
	 */
	static long wardIn(Map<Long, java.util.NavigableMap<Integer, Long>> history, long schoolId, long currentWard,
			SchoolYear year) {
		var moves = history.get(schoolId);
		if (moves == null) {
			return currentWard;
		}
		var before = moves.higherEntry(year.startYear());
		return (before != null) ? before.getValue() : currentWard;
	}

	private static School inWardOf(School school, SchoolYear year,
			Map<Long, java.util.NavigableMap<Integer, Long>> history, Map<Long, Ward> wards) {
		long ward = wardIn(history, school.id(), school.wardId(), year);
		return (ward == school.wardId() || !wards.containsKey(ward)) ? school : school.inWard(wards.get(ward));
	}

	public Optional<School> school(long id) {
		return this.units.findById(id)
			.filter((u) -> u.getKind() == UnitKind.SCHOOL)
			.map((u) -> toSchool(u, wardNameOf(u)));
	}

	public Optional<School> schoolByCode(String code) {
		return this.units.findByCode(code)
			.filter((u) -> u.getKind() == UnitKind.SCHOOL)
			.map((u) -> toSchool(u, wardNameOf(u)));
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

	/**
	 * A ward or school as its edit page shows it.
	 * @param id its id
	 * @return the unit, empty if there is no such ward or school
	 */
	public Optional<UnitDetails> details(long id) {
		return this.units.findById(id).filter((u) -> u.getKind() != UnitKind.DISTRICT).map(this::toDetails);
	}

	/**
	 * Adds a ward (thêm phường).
	 * @param change its code and name
	 * @param by who adds it
	 * @return its id
	 * @throws UnitChangeException if the code is malformed or taken
	 */
	@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
	@Transactional
	public long addWard(UnitChange change, String by) {
		checkCode(change.code(), null);
		var district = district().orElseGet(() -> addDistrict(by));
		var saved = this.units.saveAndFlush(OrgUnit.ward(change.code().trim(), change.name().trim(), district.id()));
		this.audit.record(by, record("UNIT_ADDED", saved).withDetail(describe(saved)));
		return saved.getId();
	}

	/**
	 * The district itself (the unit the Office's own figures belong to), made with the
	 * first ward of an installation set up by hand: the sample district brings its own.
	 */
	private UnitRef addDistrict(String by) {
		var saved = this.units.saveAndFlush(OrgUnit.district(DISTRICT_CODE, DISTRICT_NAME));
		this.audit.record(by, record("UNIT_ADDED", saved).withDetail(describe(saved)));
		return saved.toRef();
	}

	/**
	 * Adds a school (thêm trường); its form appears for every open year from its opening
	 * year on.
	 * @param change what the school is
	 * @param by who adds it
	 * @return its id
	 * @throws UnitChangeException if the input is refused
	 */
	@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
	@Transactional
	public long addSchool(UnitChange change, String by) {
		checkCode(change.code(), null);
		checkSchool(change, null);
		var saved = this.units.saveAndFlush(OrgUnit.school(change.code().trim(), change.name().trim(), change.wardId(),
				change.levels(), change.ownership(), change.openedYear()));
		this.audit.record(by, record("UNIT_ADDED", saved).withDetail(describe(saved)));
		return saved.getId();
	}

	/**
	 * Changes a ward or school, if nobody changed it since {@code version}.
	 * @param id the unit
	 * @param change the new values (for a ward only code and name count)
	 * @param version the version the form was opened on
	 * @param by who changes it
	 * @return whether anything changed
	 * @throws UnitChangeException if the input is refused or the edit is stale
	 */
	@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
	@Transactional
	public boolean update(long id, UnitChange change, int version, String by) {
		var unit = editable(id);
		if (unit.getVersion() != version) {
			throw new UnitChangeException(null, "unit.conflict");
		}
		checkCode(change.code(), unit.getId());
		var before = describe(unit);
		if (unit.getKind() == UnitKind.WARD) {
			unit.rename(change.code().trim(), change.name().trim());
		}
		else {
			checkSchool(change, unit);
			unit.changeSchool(change.code().trim(), change.name().trim(), change.wardId(), change.levels(),
					change.ownership(), change.openedYear());
		}
		var after = describe(unit);
		if (before.equals(after)) {
			return false;
		}
		this.units.flush();
		this.audit.record(by, record("UNIT_CHANGED", unit).withChange("unit", before, after));
		return true;
	}

	/**
	 * Closes a school from a school year (đóng, sáp nhập): the years before keep it and
	 * its figures, it gets no form from that year on. Nothing is deleted.
	 * @param id the unit
	 * @param year the start year of the first school year it no longer reports for
	 * @param version the version the page was opened on
	 * @param by who closes it
	 * @throws UnitChangeException if the year is refused or the edit is stale
	 */
	@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
	@Transactional
	public void close(long id, int year, int version, String by) {
		var unit = editable(id);
		if (unit.getKind() != UnitKind.SCHOOL) {
			// A ward's forms do not look at closing yet: merging wards is the
			// reorganisation.
			throw new UnitChangeException(null, "unit.close.ward");
		}
		if (unit.getVersion() != version) {
			throw new UnitChangeException(null, "unit.conflict");
		}
		if (!unit.isActive()) {
			throw new UnitChangeException(null, "unit.close.already");
		}
		int latest = latestYear();
		int first = (unit.getOpenedYear() != null) ? unit.getOpenedYear() + 1 : FIRST_YEAR;
		if (year < first || year > latest) {
			throw new UnitChangeException("closedYear", "unit.close.year", first, latest);
		}
		Integer reported = this.jdbc.queryForObject(
				"select min(school_year) from submission where unit_id = ? and school_year >= ?", Integer.class, id,
				year);
		if (reported != null) {
			throw new UnitChangeException("closedYear", "unit.close.reported", reported);
		}
		unit.close(year);
		this.units.flush();
		this.audit.record(by, record("UNIT_CLOSED", unit).withChange("closedYear", null, String.valueOf(year)));
	}

	private OrgUnit editable(long id) {
		return this.units.findById(id)
			.filter((u) -> u.getKind() != UnitKind.DISTRICT)
			.orElseThrow(() -> new UnitChangeException(null, "unit.unknown"));
	}

	private void checkCode(String code, Long self) {
		if (code == null || !CODE.matcher(code.trim()).matches()) {
			throw new UnitChangeException("code", "unit.code.format");
		}
		var other = this.units.findByCode(code.trim());
		if (other.isPresent() && !Objects.equals(other.get().getId(), self)) {
			throw new UnitChangeException("code", "unit.code.taken", other.get().getName());
		}
	}

	private void checkSchool(UnitChange change, OrgUnit unit) {
		if (change.wardId() == null
				|| this.units.findById(change.wardId()).filter((u) -> u.getKind() == UnitKind.WARD).isEmpty()) {
			throw new UnitChangeException("wardId", "unit.ward.unknown");
		}
		var ward = this.units.findById(change.wardId()).orElseThrow();
		if (ward.getClosedYear() != null && (unit == null || !Objects.equals(unit.getParentId(), ward.getId()))) {
			// A ward merged or split takes no school; moving one is done from a year.
			throw new UnitChangeException("wardId", "unit.ward.closed", ward.getName());
		}
		if (change.levels() == null || change.levels().isEmpty()) {
			throw new UnitChangeException("levels", "unit.levels.none");
		}
		if (change.ownership() == null) {
			throw new UnitChangeException("ownership", "unit.ownership.none");
		}
		int latest = latestYear() + 1;
		if (change.openedYear() != null && (change.openedYear() < FIRST_YEAR || change.openedYear() > latest)) {
			throw new UnitChangeException("openedYear", "unit.opened.range", FIRST_YEAR, latest);
		}
		if (unit == null) {
			return;
		}
		if (unit.getClosedYear() != null && change.openedYear() != null
				&& change.openedYear() >= unit.getClosedYear()) {
			throw new UnitChangeException("openedYear", "unit.opened.range", FIRST_YEAR, unit.getClosedYear() - 1);
		}
		var removed = EnumSet.noneOf(EducationLevel.class);
		removed.addAll(unit.getLevels());
		removed.removeAll(change.levels());
		for (var level : removed) {
			if (hasFigures(unit.getId(), level)) {
				throw new UnitChangeException("levels", "unit.levels.reported", level.name());
			}
		}
		if (change.openedYear() != null && !Objects.equals(change.openedYear(), unit.getOpenedYear())) {
			Integer earliest = this.jdbc.queryForObject("select min(school_year) from submission where unit_id = ?",
					Integer.class, unit.getId());
			if (earliest != null && earliest < change.openedYear()) {
				throw new UnitChangeException("openedYear", "unit.opened.reported", earliest);
			}
		}
	}

	private boolean hasFigures(long unitId, EducationLevel level) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from figure f join submission s on s.id = f.submission_id
				               where s.unit_id = ? and f.level = ?)
				""", Boolean.class, unitId, level.name()));
	}

	private boolean hasFigures(long unitId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from figure f join submission s on s.id = f.submission_id where s.unit_id = ?)
				""", Boolean.class, unitId));
	}

	int latestYear() {
		Integer latest = this.jdbc.queryForObject("select max(start_year) from school_year", Integer.class);
		return (latest != null) ? latest : Year.now().getValue();
	}

	private UnitDetails toDetails(OrgUnit u) {
		return new UnitDetails(u.getId(), u.getKind(), u.getCode(), u.getName(),
				(u.getKind() == UnitKind.SCHOOL) ? u.getParentId() : null, u.getLevels(), u.getOwnership(),
				u.getOpenedYear(), u.getClosedYear(), hasFigures(u.getId()), u.getVersion());
	}

	static AuditRecord record(String action, OrgUnit unit) {
		return AuditRecord.of(action, unit.getKind().name(), String.valueOf(unit.getId())).withUnit(unit.getId(), null);
	}

	static String describe(OrgUnit u) {
		var parts = new ArrayList<String>();
		parts.add("code=" + u.getCode());
		parts.add("name=" + u.getName());
		if (u.getKind() == UnitKind.SCHOOL) {
			parts.add("ward=" + u.getParentId());
			parts.add("levels=" + u.getLevels().stream().sorted().map(Enum::name).toList());
			parts.add("ownership=" + u.getOwnership());
			parts.add("opened=" + u.getOpenedYear());
		}
		return String.join("; ", parts);
	}

	/**
	 * The name of a school's ward, by its id: one ward read, not all of them (every form
	 * opened and saved asks for its school).
	 */
	private Map<Long, String> wardNameOf(OrgUnit school) {
		var parent = school.getParentId();
		if (parent == null) {
			return Map.of();
		}
		return this.units.findById(parent)
			.filter((u) -> u.getKind() == UnitKind.WARD)
			.map((u) -> Map.of(u.getId(), u.getName()))
			.orElse(Map.of());
	}

	private Map<Long, String> wardNames() {
		return this.units.findByKindOrderByNameAsc(UnitKind.WARD)
			.stream()
			.collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getName));
	}

	static Ward toWard(OrgUnit unit) {
		return new Ward(unit.getId(), unit.getCode(), unit.getName(), unit.getOpenedYear(), unit.getClosedYear());
	}

	private static School toSchool(OrgUnit unit, Map<Long, String> wardNames) {
		return new School(unit.getId(), unit.getCode(), unit.getName(), unit.getLevels(), unit.getOwnership(),
				unit.getParentId(), wardNames.getOrDefault(unit.getParentId(), ""), unit.getOpenedYear(),
				unit.isActive(), unit.getClosedYear());
	}

	/** Preschools first, then primary, then lower secondary; by name within a level. */
	static final Comparator<School> SCHOOL_ORDER = Comparator.comparing(
			(Function<School, EducationLevel>) (s) -> s.levels().stream().min(Comparator.naturalOrder()).orElseThrow())
		.thenComparing(School::name, VietnameseCollator.INSTANCE);

}
