package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYears;

/**
 * Reading submissions for pages and other modules, and loading figures in bulk.
 */
@Service
@Transactional(readOnly = true)
public class Submissions {

	private static final String SELECT = """
			select s.*, (select count(*) from figure f where f.submission_id = s.id) as figures
			from submission s""";

	private static final RowMapper<SubmissionSummary> SUMMARY = (rs, n) -> new SubmissionSummary(rs.getLong("id"),
			rs.getLong("unit_id"), SchoolYear.of(rs.getInt("school_year")),
			SubmissionStatus.valueOf(rs.getString("status")), rs.getString("comment"), rs.getLong("figures"),
			rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
			toInstant(rs.getTimestamp("reviewed_at")), rs.getString("reviewed_by"),
			toInstant(rs.getTimestamp("submitted_at")), rs.getInt("version"));

	/** Rows (a unit and level each) read at a time by {@link #forEachReport}. */
	private static final int REPORT_BATCH = 200;

	private final JdbcTemplate jdbc;

	private final SchoolYears schoolYears;

	private final OrgUnits units;

	Submissions(JdbcTemplate jdbc, SchoolYears schoolYears, OrgUnits units) {
		this.jdbc = jdbc;
		this.schoolYears = schoolYears;
		this.units = units;
	}

	/**
	 * Every school year the unit counts for (from its opening to its closing year, e.g. a
	 * ward merged in a reorganisation keeps its years before) or has a submission for,
	 * with that submission, newest first.
	 * @param unitId the unit
	 * @return the years
	 */
	public List<UnitYear> years(long unitId) {
		var byYear = new HashMap<SchoolYear, SubmissionSummary>();
		forUnit(unitId).forEach((s) -> byYear.put(s.year(), s));
		return this.schoolYears.all()
			.stream()
			.sorted(Comparator.comparing((vn.chitieu.orgunit.SchoolYearStatus y) -> y.year()).reversed())
			.filter((y) -> byYear.containsKey(y.year()) || this.units.isInScope(unitId, y.year()))
			.map((y) -> new UnitYear(y, Optional.ofNullable(byYear.get(y.year()))))
			.toList();
	}

	/**
	 * The submissions of one unit, oldest school year first.
	 * @param unitId the unit
	 * @return its submissions
	 */
	public List<SubmissionSummary> forUnit(long unitId) {
		return this.jdbc.query(SELECT + " where s.unit_id = ? order by s.school_year", SUMMARY, unitId);
	}

	/**
	 * A unit's submission for a school year.
	 * @param unitId the unit
	 * @param year the school year
	 * @return the submission, if started
	 */
	public Optional<SubmissionSummary> find(long unitId, SchoolYear year) {
		return this.jdbc.query(SELECT + " where s.unit_id = ? and s.school_year = ?", SUMMARY, unitId, year.startYear())
			.stream()
			.findFirst();
	}

	/**
	 * A submission by its id.
	 * @param id the id
	 * @return the submission, if it exists
	 */
	public Optional<SubmissionSummary> find(long id) {
		return this.jdbc.query(SELECT + " where s.id = ?", SUMMARY, id).stream().findFirst();
	}

	/**
	 * The submissions of a school year, by unit.
	 * @param year the school year
	 * @return the submissions, by unit id
	 */
	public Map<Long, SubmissionSummary> byUnit(SchoolYear year) {
		var byUnit = new HashMap<Long, SubmissionSummary>();
		this.jdbc.query(SELECT + " where s.school_year = ?", SUMMARY, year.startYear())
			.forEach((s) -> byUnit.put(s.unitId(), s));
		return byUnit;
	}

	/**
	 * The submissions of a school year waiting for the Office's review, the oldest first.
	 * @param year the school year
	 * @return the submissions
	 */
	public List<SubmissionSummary> waitingForReview(SchoolYear year) {
		return this.jdbc.query(SELECT + " where s.school_year = ? and s.status = 'SUBMITTED' order by s.submitted_at",
				SUMMARY, year.startYear());
	}

	/**
	 * How many schools' submissions for a year stand in each status.
	 * @param year the school year
	 * @return the counts; statuses with none are absent
	 */
	public Map<SubmissionStatus, Long> countSchoolSubmissions(SchoolYear year) {
		return countSubmissions(year, "SCHOOL");
	}

	/**
	 * How many wards' own reports for a year stand in each status.
	 * @param year the school year
	 * @return the counts; statuses with none are absent
	 */
	public Map<SubmissionStatus, Long> countWardSubmissions(SchoolYear year) {
		return countSubmissions(year, "WARD");
	}

	private Map<SubmissionStatus, Long> countSubmissions(SchoolYear year, String kind) {
		var counts = new EnumMap<SubmissionStatus, Long>(SubmissionStatus.class);
		this.jdbc.query("""
				select s.status, count(*) from submission s join org_unit u on u.id = s.unit_id
				where s.school_year = ? and u.kind = ? group by s.status
				""", (rs) -> {
			counts.put(SubmissionStatus.valueOf(rs.getString(1)), rs.getLong(2));
		}, year.startYear(), kind);
		return counts;
	}

	/**
	 * Every unit's figures for a year as they stand, whatever their report's status, one
	 * unit and level at a time (for exports, without holding them all in memory).
	 * @param year the school year
	 * @param each receives each unit's figures, by unit id then level
	 */
	@Transactional(readOnly = true)
	public void forEachReport(SchoolYear year, Consumer<ReportedFigures> each) {
		// Inside a transaction and with a fetch size, PostgreSQL's driver reads the rows
		// through a cursor, a batch at a time.
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement("""
					select s.unit_id, s.status, f.level, array_agg(f.metric_code) as codes, array_agg(f.value) as vals
					from submission s join figure f on f.submission_id = s.id
					where s.school_year = ?
					group by s.unit_id, s.status, f.level
					order by s.unit_id, f.level nulls first
					""");
			statement.setFetchSize(REPORT_BATCH);
			statement.setInt(1, year.startYear());
			return statement;
		}, (ResultSet rs) -> {
			var codes = (String[]) rs.getArray("codes").getArray();
			var values = (BigDecimal[]) rs.getArray("vals").getArray();
			var figures = new HashMap<String, BigDecimal>();
			for (int i = 0; i < codes.length; i++) {
				figures.put(codes[i], values[i].stripTrailingZeros());
			}
			var level = rs.getString("level");
			each.accept(
					new ReportedFigures(rs.getLong("unit_id"), (level != null) ? EducationLevel.valueOf(level) : null,
							SubmissionStatus.valueOf(rs.getString("status")), figures));
		});
	}

	/**
	 * Loads figures in bulk, one submission per unit and year, in one transaction. Meant
	 * for historical data and the sample district; a unit and year already present is
	 * refused.
	 * @param years the figures
	 * @param actor who loads them
	 */
	@Transactional
	public void load(List<ReportedYear> years, String actor) {
		for (var year : years) {
			var now = Timestamp.from((year.reportedAt() != null) ? year.reportedAt() : Instant.now());
			boolean reviewed = year.status() == SubmissionStatus.APPROVED || year.status() == SubmissionStatus.RETURNED;
			boolean submitted = year.status() != SubmissionStatus.DRAFT;
			Long id = this.jdbc.queryForObject("""
					insert into submission (unit_id, school_year, status, comment, created_at, updated_at, updated_by,
					                        submitted_at, submitted_by, reviewed_at, reviewed_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
					""", Long.class, year.unitId(), year.year().startYear(), year.status().name(), year.comment(), now,
					now, actor, submitted ? now : null, submitted ? actor : null, reviewed ? now : null,
					reviewed ? actor : null);
			if (year.comment() != null) {
				// The Office's comment starts the report's conversation.
				this.jdbc.update("""
						insert into report_message (submission_id, kind, author, written_at, body)
						values (?, 'RETURN', ?, ?, ?)
						""", id, actor, now, year.comment());
			}
			var entries = List.copyOf(year.values().entrySet());
			this.jdbc.batchUpdate("""
					insert into figure (submission_id, metric_code, level, value, note, updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?, ?)
					""", entries, 1000, (ps, e) -> {
				ps.setLong(1, id);
				ps.setString(2, e.getKey().metric());
				ps.setString(3, (e.getKey().level() != null) ? e.getKey().level().name() : null);
				ps.setBigDecimal(4, e.getValue());
				ps.setString(5, year.notes().get(e.getKey()));
				ps.setTimestamp(6, now);
				ps.setString(7, actor);
			});
		}
	}

	private static Instant toInstant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
