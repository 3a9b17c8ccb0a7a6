package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.chitieu.orgunit.EducationLevel;

/**
 * Reads and writes the figures of a submission.
 */
@Component
class FigureStore {

	private final JdbcTemplate jdbc;

	FigureStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises the saves of one unit's report for a year until the transaction ends,
	 * whether the report exists yet or not: two first saves at once cannot both create
	 * it. A row lock cannot do this for a report not yet started (there is no row to
	 * lock).
	 */
	void lockReport(long unitId, int schoolYear) {
		this.jdbc.query("select pg_advisory_xact_lock(?, ?)", (rs) -> {
		}, Math.toIntExact(unitId), schoolYear);
	}

	Map<FigureKey, Stored> load(long submissionId) {
		var figures = new LinkedHashMap<FigureKey, Stored>();
		this.jdbc.query("select metric_code, level, value, note from figure where submission_id = ?", (rs) -> {
			var level = rs.getString("level");
			figures.put(
					new FigureKey(rs.getString("metric_code"), (level != null) ? EducationLevel.valueOf(level) : null),
					new Stored(rs.getBigDecimal("value").stripTrailingZeros(), rs.getString("note")));
		}, submissionId);
		return figures;
	}

	void put(long submissionId, FigureKey key, BigDecimal value, String note, String actor, Instant now) {
		this.jdbc.update("""
				insert into figure (submission_id, metric_code, level, value, note, updated_at, updated_by)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict on constraint figure_one_value
				do update set value = excluded.value, note = excluded.note, updated_at = excluded.updated_at,
				              updated_by = excluded.updated_by
				""", submissionId, key.metric(), (key.level() != null) ? key.level().name() : null, value, note,
				Timestamp.from(now), actor);
	}

	void delete(long submissionId, FigureKey key) {
		if (key.level() != null) {
			this.jdbc.update("delete from figure where submission_id = ? and metric_code = ? and level = ?",
					submissionId, key.metric(), key.level().name());
		}
		else {
			this.jdbc.update("delete from figure where submission_id = ? and metric_code = ? and level is null",
					submissionId, key.metric());
		}
	}

	/**
	 * The explanations of a submission's figures that look implausible.
	 * @param submissionId the submission
	 * @return the explanation of each figure explained
	 */
	Map<FigureKey, String> explanations(long submissionId) {
		var explanations = new LinkedHashMap<FigureKey, String>();
		this.jdbc.query("select metric_code, level, explanation from figure_explanation where submission_id = ?",
				(rs) -> {
					var level = rs.getString("level");
					explanations.put(
							new FigureKey(rs.getString("metric_code"),
									(level != null) ? EducationLevel.valueOf(level) : null),
							rs.getString("explanation"));
				}, submissionId);
		return explanations;
	}

	void explain(long submissionId, FigureKey key, String explanation, String actor, Instant now) {
		this.jdbc.update("""
				insert into figure_explanation (submission_id, metric_code, level, explanation, updated_at, updated_by)
				values (?, ?, ?, ?, ?, ?)
				on conflict on constraint figure_explanation_one
				do update set explanation = excluded.explanation, updated_at = excluded.updated_at,
				              updated_by = excluded.updated_by
				""", submissionId, key.metric(), (key.level() != null) ? key.level().name() : null, explanation,
				Timestamp.from(now), actor);
	}

	void unexplain(long submissionId, FigureKey key) {
		this.jdbc.update("""
				delete from figure_explanation
				where submission_id = ? and metric_code = ? and level is not distinct from ?""", submissionId,
				key.metric(), (key.level() != null) ? key.level().name() : null);
	}

	/**
	 * The values other schools of a level and of the same ownership (public or private)
	 * entered for a year, by metric: what a school's figures are compared with.
	 * @param level the level
	 * @param schoolYear the school year
	 * @param exceptUnit the school left out
	 * @return the values, by metric code
	 */
	Map<String, List<BigDecimal>> peers(EducationLevel level, int schoolYear, long exceptUnit) {
		var peers = new HashMap<String, List<BigDecimal>>();
		this.jdbc.query("""
				select f.metric_code, f.value from figure f join submission s on s.id = f.submission_id
				join org_unit u on u.id = s.unit_id
				where s.school_year = ? and f.level = ? and s.unit_id <> ?
				  and u.ownership is not distinct from (select o.ownership from org_unit o where o.id = ?)""", (rs) -> {
			peers.computeIfAbsent(rs.getString("metric_code"), (k) -> new ArrayList<>()).add(rs.getBigDecimal("value"));
		}, schoolYear, level.name(), exceptUnit, exceptUnit);
		return peers;
	}

	/**
	 * A stored figure.
	 *
	 * @param value its value
	 * @param note its evidence note, if any
	 */
	record Stored(BigDecimal value, String note) {
	}

}
