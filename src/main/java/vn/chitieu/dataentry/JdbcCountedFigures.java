package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;

/**
 * Reads the figures that count from the database: the units of each school year and their
 * figures. The database filters and groups (one row per unit, level and year, with the
 * figures as arrays), so that only what counts crosses the wire.
 */
@Component
class JdbcCountedFigures implements CountedFigures {

	private static final String UNITS = """
			select u.id, u.kind, u.code, u.name, u.parent_id, u.ownership, u.opened_year, u.closed_year, u.active,
			       l.level
			from org_unit u left join school_level l on l.school_id = u.id
			where u.kind in ('SCHOOL', 'WARD')
			order by u.kind, u.code, l.level
			""";

	private static final String FIGURES = """
			select s.unit_id, s.school_year, f.level, array_agg(f.metric_code) as codes, array_agg(f.value) as vals
			from submission s join figure f on f.submission_id = s.id
			where s.school_year = any (?) and s.status = any (?)
			group by s.unit_id, s.school_year, f.level
			""";

	private static final String UNIT_FIGURES = """
			select s.unit_id, f.level, array_agg(f.metric_code) as codes, array_agg(f.value) as vals
			from submission s join figure f on f.submission_id = s.id
			where s.school_year = ? and s.unit_id = any (?) and s.status = any (?)
			group by s.unit_id, f.level
			""";

	private final JdbcTemplate jdbc;

	JdbcCountedFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<SchoolYear, CountedYear> load(Collection<SchoolYear> years, boolean includeSubmitted) {
		var starts = years.stream().map(SchoolYear::startYear).distinct().toArray(Integer[]::new);
		var statuses = includeSubmitted ? new String[] { "APPROVED", "SUBMITTED" } : new String[] { "APPROVED" };
		var units = this.jdbc.query(UNITS, JdbcCountedFigures::unit);
		Long districtId = this.jdbc.query("select id from org_unit where kind = 'DISTRICT'", (rs, n) -> rs.getLong(1))
			.stream()
			.findFirst()
			.orElse(null);
		// A unit counts for school year Y when it had opened by then (opened_year null or
		// <= Y) and was not closed yet (closed_year null or Y < closed_year). A unit
		// switched off without a closing year (older data) counts for the years it
		// reported for.
		var reported = new HashSet<String>();
		this.jdbc.query("""
				select distinct s.unit_id, s.school_year from submission s join org_unit u on u.id = s.unit_id
				where not u.active and u.closed_year is null and s.school_year = any (?)
				""", (rs) -> {
			reported.add(rs.getLong(1) + "/" + rs.getInt(2));
		}, (Object) starts);
		// unit/year/level -> figures
		var figures = new HashMap<String, Map<String, BigDecimal>>();
		this.jdbc.query(FIGURES, (rs) -> {
			figures.put(key(rs.getLong("unit_id"), rs.getInt("school_year"), rs.getString("level")), values(rs));
		}, starts, statuses);
		// A school's ward is a history: the ward it stood in before each move.
		var moves = new HashMap<Long, TreeMap<Integer, Long>>();
		this.jdbc.query("select school_id, until_year, ward_id from school_ward_history", (rs) -> {
			moves.computeIfAbsent(rs.getLong(1), (k) -> new TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
		});
		var open = new HashSet<Integer>(
				this.jdbc.queryForList("select start_year from school_year where open", Integer.class));
		var result = new HashMap<SchoolYear, CountedYear>();
		for (var start : starts) {
			var year = SchoolYear.of(start);
			var schools = new ArrayList<CountedUnitFigures>();
			var wards = new ArrayList<CountedUnitFigures>();
			for (var unit : units) {
				if (!unit.countsIn(start, reported)) {
					continue;
				}
				if (unit.kind == UnitKind.SCHOOL && unit.level != null) {
					var values = figures.getOrDefault(key(unit.id, start, unit.level.name()), Map.of());
					schools.add(new CountedUnitFigures(unit.id, unit.code, unit.name, UnitKind.SCHOOL, unit.level,
							wardIn(moves, unit, start), unit.ownership, unit.openedYear, values));
				}
				else if (unit.kind == UnitKind.WARD) {
					var values = figures.getOrDefault(key(unit.id, start, null), Map.of());
					wards.add(new CountedUnitFigures(unit.id, unit.code, unit.name, UnitKind.WARD, null, null, null,
							null, values));
				}
			}
			var district = (districtId != null) ? figures.getOrDefault(key(districtId, start, null), Map.of())
					: Map.<String, BigDecimal>of();
			result.put(year, new CountedYear(year, schools, wards, district, !open.contains(start)));
		}
		return result;
	}

	/**
	 * The ward a school stood in in a school year: the ward before its first move after
	 * that year, else its ward now.
	 */
	private static Long wardIn(Map<Long, TreeMap<Integer, Long>> moves, UnitRow unit, int year) {
		var history = moves.get(unit.id);
		var before = (history != null) ? history.higherEntry(year) : null;
		return (before != null) ? before.getValue() : unit.parentId;
	}

	private static String key(long unitId, int year, String level) {
		return unitId + "/" + year + "/" + level;
	}

	private static Object array(Array array) throws SQLException {
		try {
			return array.getArray();
		}
		finally {
			array.free();
		}
	}

	private static UnitRow unit(ResultSet rs, int n) throws SQLException {
		var level = rs.getString("level");
		var ownership = rs.getString("ownership");
		return new UnitRow(rs.getLong("id"), UnitKind.valueOf(rs.getString("kind")), rs.getString("code"),
				rs.getString("name"), rs.getObject("parent_id", Long.class),
				(ownership != null) ? Ownership.valueOf(ownership) : null, rs.getObject("opened_year", Integer.class),
				rs.getObject("closed_year", Integer.class), rs.getBoolean("active"),
				(level != null) ? EducationLevel.valueOf(level) : null);
	}

	private record UnitRow(long id, UnitKind kind, String code, String name, Long parentId, Ownership ownership,
			Integer openedYear, Integer closedYear, boolean active, EducationLevel level) {

		boolean countsIn(int year, java.util.Set<String> reported) {
			if (this.openedYear != null && this.openedYear > year) {
				return false;
			}
			if (this.closedYear != null) {
				return year < this.closedYear;
			}
			return this.active || reported.contains(this.id + "/" + year);
		}

	}

	@Override
	public Map<Long, Long> unitVersions(SchoolYear year) {
		var versions = new HashMap<Long, Long>();
		this.jdbc.query("select unit_id, n from data_unit_version where school_year = ?", (rs) -> {
			versions.put(rs.getLong(1), rs.getLong(2));
		}, year.startYear());
		return versions;
	}

	@Override
	public Optional<Map<UnitLevel, Map<String, BigDecimal>>> unitFigures(SchoolYear year, Collection<Long> units,
			boolean includeSubmitted) {
		var ids = units.stream().distinct().toArray(Long[]::new);
		var counted = this.jdbc.queryForObject(
				"select count(*) from org_unit where id = any (?) and not active and closed_year is null", Long.class,
				(Object) ids);
		if (counted != null && counted > 0) {
			return Optional.empty();
		}
		var statuses = includeSubmitted ? new String[] { "APPROVED", "SUBMITTED" } : new String[] { "APPROVED" };
		var figures = new HashMap<UnitLevel, Map<String, BigDecimal>>();
		this.jdbc.query(UNIT_FIGURES, (rs) -> {
			var level = rs.getString("level");
			figures.put(new UnitLevel(rs.getLong("unit_id"), (level != null) ? EducationLevel.valueOf(level) : null),
					values(rs));
		}, year.startYear(), ids, statuses);
		return Optional.of(figures);
	}

	private static Map<String, BigDecimal> values(ResultSet rs) throws SQLException {
		var codes = (String[]) array(rs.getArray("codes"));
		var values = (BigDecimal[]) array(rs.getArray("vals"));
		var map = new HashMap<String, BigDecimal>(codes.length * 2);
		for (int i = 0; i < codes.length; i++) {
			map.put(codes[i], values[i].stripTrailingZeros());
		}
		return map;
	}

	@Override
	public Map<String, Long> versions() {
		var versions = new HashMap<String, Long>();
		this.jdbc.query("select scope, n from data_version", (rs) -> {
			versions.put(rs.getString(1), rs.getLong(2));
		});
		return versions;
	}

}
