package vn.chitieu.dataentry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.UnitAccess;

/**
 * The conversation that stays with a report: the Office's comments when it returns or
 * reopens it, and the replies of the unit (and the Office) to them. A return comment is
 * marked as answered when the report is sent again. Read by whoever may read the unit;
 * written by the unit's own users and the Office.
 */
@Service
public class ReportThread {

	/** The longest message, in characters. */
	public static final int MAX_LENGTH = 2000;

	static final String REPLIED = "REPORT_REPLIED";

	private final JdbcTemplate jdbc;

	private final UnitAccess access;

	private final OrgUnits units;

	private final SchoolYears years;

	private final AuditLog audit;

	ReportThread(JdbcTemplate jdbc, UnitAccess access, OrgUnits units, SchoolYears years, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.units = units;
		this.years = years;
		this.audit = audit;
	}

	/**
	 * The messages of a report, the oldest first, each with its author's name.
	 * @param user who reads
	 * @param submissionId the report
	 * @return the messages
	 * @throws AccessDeniedException if the user may not read the report's unit
	 */
	@Transactional(readOnly = true)
	public List<ReportMessage> messages(CurrentUser user, long submissionId) {
		var report = report(submissionId);
		this.access.checkRead(user, report.unitId());
		return this.jdbc.query("""
				select m.id, m.kind, m.author, coalesce(u.display_name, m.author), m.written_at, m.body, m.answered_at
				from report_message m left join app_user u on u.username = m.author
				where m.submission_id = ? order by m.written_at, m.id
				""",
				(rs, n) -> new ReportMessage(rs.getLong(1), ReportMessage.Kind.valueOf(rs.getString(2)),
						rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
						toInstant(rs.getTimestamp(7))),
				submissionId);
	}

	/**
	 * Whether a user may write in a report's thread: the unit's own users and the Office,
	 * while the year is open.
	 * @param user the user
	 * @param submissionId the report
	 * @return whether a reply form is shown
	 */
	@Transactional(readOnly = true)
	public boolean canReply(CurrentUser user, long submissionId) {
		var report = report(submissionId);
		var unit = this.units.unit(report.unitId()).orElseThrow();
		if (unit.kind() == UnitKind.DISTRICT || !this.years.isOpen(SchoolYear.of(report.schoolYear()))) {
			return false;
		}
		return this.access.canWrite(user, unit) || this.access.canReview(user);
	}

	/**
	 * Adds a reply to the thread of a unit's report for a year; audited.
	 * @param user who writes
	 * @param unitId the unit
	 * @param year the school year
	 * @param text what they write
	 * @return null if written, else the message key of what is wrong with the text
	 * @throws AccessDeniedException if the user may not write in this thread
	 */
	@Transactional
	public String reply(CurrentUser user, long unitId, SchoolYear year, String text) {
		this.access.checkRead(user, unitId);
		var unit = this.units.unit(unitId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (unit.kind() == UnitKind.DISTRICT || !(this.access.canWrite(user, unit) || this.access.canReview(user))) {
			throw new AccessDeniedException("User " + user.getUsername() + " may not write about unit " + unitId);
		}
		long submissionId = this.jdbc
			.query("select id from submission where unit_id = ? and school_year = ?", (rs, n) -> rs.getLong(1), unitId,
					year.startYear())
			.stream()
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var report = report(submissionId);
		if (!this.years.isOpen(year)) {
			return "thread.error.yearClosed";
		}
		var body = (text != null) ? text.strip() : "";
		if (body.isEmpty() || body.length() > MAX_LENGTH) {
			return "thread.error.length";
		}
		if (FigureForms.hasControlCharacter(body)) {
			return "review.error.commentControl";
		}
		add(submissionId, ReportMessage.Kind.REPLY, user.getUsername(), Instant.now(), body);
		this.audit.record(user.getUsername(),
				AuditRecord.of(REPLIED, "submission", String.valueOf(submissionId))
					.withUnit(report.unitId(), report.schoolYear())
					.withDetail(body));
		return null;
	}

	/** Adds a message (a return or reopening comment from the review). */
	void add(long submissionId, ReportMessage.Kind kind, String author, Instant at, String body) {
		this.jdbc.update("""
				insert into report_message (submission_id, kind, author, written_at, body) values (?, ?, ?, ?, ?)
				""", submissionId, kind.name(), author, Timestamp.from(at), body);
	}

	/** Marks the Office's open comments on a report as answered: it was sent again. */
	void answered(long submissionId, Instant at) {
		this.jdbc.update("""
				update report_message set answered_at = ?
				where submission_id = ? and kind in ('RETURN', 'REOPEN') and answered_at is null
				""", Timestamp.from(at), submissionId);
	}

	private Report report(long submissionId) {
		return this.jdbc
			.query("select unit_id, school_year from submission where id = ?",
					(rs, n) -> new Report(rs.getLong(1), rs.getInt(2)), submissionId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static Instant toInstant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Report(long unitId, int schoolYear) {
	}

}
