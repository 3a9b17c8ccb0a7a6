package vn.chitieu.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcTemplate jdbc;

	AuditLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, AuditRecord record) {
		record(actor, List.of(record));
	}

}
