package vn.chitieu.orgunit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;

/**
 * Reorganising wards from a school year (sắp xếp đơn vị hành chính): wards merged or
 * split into new ones, and their schools moved, in one audited transaction. The years
 * before keep their old wards and figures; from the effective year on the new wards
 * count. Moving one school to another ward from a year is the smallest case.
 */
@Service
@Transactional(readOnly = true)
public class Reorganisations {

	private final OrgUnits units;

	private final OrgUnitRepository repository;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	Reorganisations(OrgUnits units, OrgUnitRepository repository, JdbcTemplate jdbc, AuditLog audit) {
		this.units = units;
		this.repository = repository;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * What a plan will change, changing nothing.
	 * @param plan what the Office typed
	 * @return the changes
	 * @throws ReorganisationException with every reason it cannot be right
	 */
	@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
	public ReorganisationPreview preview(ReorganisationPlan plan) {
		return ReorganisationRules.check(plan, facts(plan.effectiveYear()));
	}

	/**
	 * Applies a plan: creates the new wards (from the effective year), closes the old
	 * ones (from the same year), records where each went and moves their schools.
	 * @param plan what the Office confirmed
	 * @param by who applies it
	 * @return the reorganisation's id
	 * @throws ReorganisationException with every reason it cannot be right; then nothing
	 * changed
	 */
	@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
	@Transactional
	public long apply(ReorganisationPlan plan, String by) {
		// One reorganisation at a time: the checks below see every earlier one.
		this.jdbc.execute("lock table reorganisation in share row exclusive mode");
		var preview = ReorganisationRules.check(plan, facts(plan.effectiveYear()));
		int year = preview.effective().startYear();
		var keys = new GeneratedKeyHolder();
		this.jdbc.update((c) -> {
			var ps = c.prepareStatement("insert into reorganisation (effective_year, reference, note, created_by, "
					+ "created_at) values (?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setInt(1, year);
			ps.setString(2, preview.reference());
			ps.setString(3, preview.note());
			ps.setString(4, by);
			ps.setTimestamp(5, Timestamp.from(Instant.now()));
			return ps;
		}, keys);
		long id = keys.getKey().longValue();
		var district = this.units.district().orElseThrow();
		var codes = new HashMap<String, Long>();
		for (var ward : this.units.wards()) {
			codes.put(ward.code().toUpperCase(Locale.ROOT), ward.id());
		}
		var audits = new ArrayList<AuditRecord>();
		for (var nw : preview.newWards()) {
			var saved = this.repository.saveAndFlush(OrgUnit.ward(nw.code(), nw.name(), district.id(), year));
			codes.put(nw.code().toUpperCase(Locale.ROOT), saved.getId());
			audits.add(record("UNIT_ADDED", saved, year).withDetail(
					"code=" + nw.code() + "; name=" + nw.name() + "; opened=" + year + "; " + preview.reference()));
		}
		for (var old : preview.oldWards()) {
			var unit = this.repository.findById(old.ward().id()).orElseThrow();
			unit.close(year);
			for (var target : old.into()) {
				this.jdbc.update(
						"insert into ward_lineage (reorganisation_id, old_ward_id, new_ward_id, part) values (?, ?, ?, ?)",
						id, unit.getId(), codes.get(target.code().toUpperCase(Locale.ROOT)), target.part());
			}
			audits.add(record("UNIT_CLOSED", unit, year).withChange("closedYear", null, String.valueOf(year))
				.withDetail("into=" + old.into().stream().map((t) -> t.code() + (t.part() ? " (part)" : "")).toList()
						+ "; " + preview.reference()));
		}
		this.repository.flush();
		for (var move : preview.schools()) {
			long to = codes.get(move.toCode().toUpperCase(Locale.ROOT));
			audits.add(move(move.school().id(), year, to, id));
		}
		this.audit.record(by, AuditRecord.of("UNITS_REORGANISED", "REORGANISATION", String.valueOf(id))
			.withUnit(null, year)
			.withDetail(preview.reference() + "; new=" + preview.newWards().stream().map((w) -> w.code()).toList()
					+ "; closed=" + preview.oldWards().stream().map((o) -> o.ward().code()).toList()
					+ "; schools moved=" + preview.schools().size()));
		this.audit.record(by, audits);
		return id;
	}

	/**
	 * Moves one school to another ward from a school year: the years before keep its
	 * ward.
	 * @param schoolId the school
	 * @param year the start year of the first school year in the new ward
	 * @param wardId the ward
	 * @param by who moves it
	 * @throws UnitChangeException if the move cannot be right; then nothing changed
	 */
	@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
	@Transactional
	public void moveSchool(long schoolId, int year, long wardId, String by) {
		this.jdbc.execute("lock table reorganisation in share row exclusive mode");
		var school = this.units.school(schoolId).orElseThrow(() -> new UnitChangeException(null, "unit.unknown"));
		int latest = this.units.latestYear();
		int first = (school.openedYear() != null) ? school.openedYear() + 1 : OrgUnits.FIRST_YEAR;
		if (year < first || year > latest + 1 || (school.closedYear() != null && year >= school.closedYear())) {
			throw new UnitChangeException("moveYear", "reorg.move.year", latest + 1);
		}
		var sy = SchoolYear.of(year);
		var ward = this.units.ward(wardId).filter((w) -> w.isInScope(sy));
		if (ward.isEmpty()) {
			throw new UnitChangeException("moveWardId", "reorg.move.ward");
		}
		long current = OrgUnits.wardIn(this.units.wardHistory(), schoolId, school.wardId(), sy);
		if (current == wardId) {
			throw new UnitChangeException("moveWardId", "reorg.move.same");
		}
		Integer reported = this.jdbc.queryForObject(
				"select min(school_year) from submission where unit_id = ? and school_year >= ?", Integer.class,
				schoolId, year);
		if (reported != null) {
			throw new UnitChangeException("moveYear", "reorg.school.reported", school.name(), reported, reported + 1);
		}
		Integer later = this.jdbc.queryForObject(
				"select max(until_year) from school_ward_history where school_id = ? and until_year > ?", Integer.class,
				schoolId, year);
		if (later != null) {
			throw new UnitChangeException("moveYear", "reorg.school.laterMove", school.name(), later, later + 1);
		}
		this.audit.record(by, move(schoolId, year, wardId, null));
	}

	private AuditRecord move(long schoolId, int year, long to, Long reorganisation) {
		var unit = this.repository.findById(schoolId).orElseThrow();
		long before = OrgUnits.wardIn(this.units.wardHistory(), schoolId, unit.getParentId(), SchoolYear.of(year));
		Integer same = this.jdbc.queryForObject(
				"select count(*) from school_ward_history where school_id = ? and until_year = ?", Integer.class,
				schoolId, year);
		if (same == null || same == 0) {
			// The ward it stood in up to now stays its ward for the years before.
			this.jdbc.update("insert into school_ward_history (school_id, until_year, ward_id, reorganisation_id) "
					+ "values (?, ?, ?, ?)", schoolId, year, before, reorganisation);
		}
		unit.moveTo(to);
		this.repository.flush();
		return AuditRecord.of("SCHOOL_MOVED", "SCHOOL", String.valueOf(schoolId))
			.withUnit(schoolId, year)
			.withChange("ward", String.valueOf(before), String.valueOf(to));
	}

	private ReorganisationRules.Facts facts(Integer effectiveYear) {
		int latest = this.units.latestYear();
		var wards = this.units.wards();
		var codes = new HashSet<String>(this.jdbc.queryForList("select code from org_unit", String.class));
		List<School> schools = List.of();
		var reported = new HashMap<Long, Integer>();
		var lastMove = new HashMap<Long, Integer>();
		if (effectiveYear != null) {
			int year = effectiveYear;
			var history = this.units.wardHistory();
			var byId = wards.stream().collect(Collectors.toMap(Ward::id, Function.identity()));
			schools = this.units.schools()
				.stream()
				.filter((s) -> (s.closedYear() != null) ? s.closedYear() > year : s.active())
				.map((s) -> {
					long w = OrgUnits.wardIn(history, s.id(), s.wardId(), SchoolYear.of(year));
					return (w == s.wardId() || !byId.containsKey(w)) ? s : s.inWard(byId.get(w));
				})
				.toList();
			this.jdbc.query("select unit_id, min(school_year) from submission where school_year >= ? group by unit_id",
					(rs) -> {
						reported.put(rs.getLong(1), rs.getInt(2));
					}, year);
			history.forEach((school, moves) -> lastMove.put(school, moves.lastKey()));
		}
		return new ReorganisationRules.Facts(wards, codes, schools, reported, lastMove, latest);
	}

	private static AuditRecord record(String action, OrgUnit unit, int year) {
		return AuditRecord.of(action, unit.getKind().name(), String.valueOf(unit.getId())).withUnit(unit.getId(), year);
	}

}
