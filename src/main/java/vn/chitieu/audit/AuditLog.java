package vn.chitieu.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes. Recording joins the caller's transaction, so a change and its audit
 * entry are committed (or rolled back) together.
 */
@Service
public class AuditLog {

	/** The actor of changes made by the application itself (start-up loading). */
	public static final String SYSTEM = "system";

	private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong("id"),
			rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
			rs.getString("entity_type"), rs.getString("entity_id"), rs.getObject("unit_id", Long.class),
			rs.getObject("school_year", Integer.class), rs.getString("field"), rs.getString("old_value"),
			rs.getString("new_value"), rs.getString("detail"));

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	AuditLog(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Records changes made by one actor.
	 * @param actor the user name
	 * @param records the changes
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, List<AuditRecord> records) {
		var now = Timestamp.from(Instant.now());
		this.jdbc.batchUpdate("""
				insert into audit_event (occurred_at, actor, action, entity_type, entity_id, unit_id, school_year,
				                         field, old_value, new_value, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", records, 500, (ps, r) -> {
			ps.setTimestamp(1, now);
			ps.setString(2, actor);
			ps.setString(3, r.action());
			ps.setString(4, r.entityType());
			ps.setString(5, r.entityId());
			ps.setObject(6, r.unitId());
			ps.setObject(7, r.schoolYear());
			ps.setString(8, r.field());
			ps.setString(9, r.oldValue());
			ps.setString(10, r.newValue());
			ps.setString(11, r.detail());
		});
		this.events
			.publishEvent(new AuditRecorded(records.stream().map(AuditRecord::action).collect(Collectors.toSet())));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, AuditRecord record) {
		record(actor, List.of(record));
	}

	/**
	 * Entries matching a filter, newest first.
	 * @param filter which entries
	 * @param offset how many to skip
	 * @param limit how many at most
	 * @return the entries
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
		var where = new StringBuilder(" where true");
		var args = new ArrayList<Object>();
		conditions(filter, where, args);
		args.add(limit);
		args.add(offset);
		return this.jdbc.query("select * from audit_event" + where + " order by id desc limit ? offset ?", ENTRY,
				args.toArray());
	}

	/**
	 * How many entries match a filter.
	 * @param filter which entries
	 * @return their number
	 */
	@Transactional(readOnly = true)
	public long count(AuditFilter filter) {
		var where = new StringBuilder(" where true");
		var args = new ArrayList<Object>();
		conditions(filter, where, args);
		return this.jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, args.toArray());
	}

	/**
	 * The user names that appear in the trail, for filter lists.
	 * @return the names, sorted
	 */
	@Transactional(readOnly = true)
	public List<String> actors() {
		return this.jdbc.queryForList("select distinct actor from audit_event order by actor", String.class);
	}

	private static void conditions(AuditFilter filter, StringBuilder where, List<Object> args) {
		if (filter.unitId() != null) {
			where.append(" and unit_id = ?");
			args.add(filter.unitId());
		}
		if (filter.schoolYear() != null) {
			where.append(" and school_year = ?");
			args.add(filter.schoolYear());
		}
		if (filter.actor() != null) {
			where.append(" and actor = ?");
			args.add(filter.actor());
		}
		if (filter.action() != null) {
			where.append(" and action = ?");
			args.add(filter.action());
		}
		if (filter.from() != null) {
			where.append(" and occurred_at >= ?");
			args.add(Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < ?");
			args.add(Timestamp.from(filter.to()));
		}
	}

}
