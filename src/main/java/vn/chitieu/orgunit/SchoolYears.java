package vn.chitieu.orgunit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;

/**
 * The school years figures can be reported for, and the Office's management of them:
 * opening the next year, its deadlines, closing and reopening it. Every change is audited
 * in the same transaction; a refused change throws {@link SchoolYearException} and
 * changes nothing.
 */
@Service
@Transactional(readOnly = true)
public class SchoolYears {

	/** The longest reason for reopening a year. */
	public static final int MAX_REASON = 1000;

	static final String OPENED = "SCHOOL_YEAR_OPENED";

	static final String CLOSED = "SCHOOL_YEAR_CLOSED";

	static final String REOPENED = "SCHOOL_YEAR_REOPENED";

	static final String DEADLINE_CHANGED = "DEADLINE_CHANGED";

	private final SchoolYearRepository years;

	private final AuditLog audit;

	SchoolYears(SchoolYearRepository years, AuditLog audit) {
		this.years = years;
		this.audit = audit;
	}

	/**
	 * Every school year with its deadlines and history, newest first.
	 * @return the years
	 */
	public List<SchoolYearState> states() {
		return this.years.findAllByOrderByStartYearAsc()
			.stream()
			.map(SchoolYearEntry::toState)
			.sorted(java.util.Comparator.comparing(SchoolYearState::year).reversed())
			.toList();
	}

	public Optional<SchoolYearState> state(SchoolYear year) {
		return this.years.findById(year.startYear()).map(SchoolYearEntry::toState);
	}

	/**
	 * @param year a school year
	 * @return its deadlines, none if the year does not exist
	 */
	public Deadlines deadlines(SchoolYear year) {
		return this.years.findById(year.startYear()).map(SchoolYearEntry::deadlines).orElse(Deadlines.NONE);
	}

	/**
	 * The year the Office would open next: the one after the latest.
	 * @return that year, or empty when there is no year at all
	 */
	public Optional<SchoolYear> next() {
		var all = this.years.findAllByOrderByStartYearAsc();
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).year().next());
	}

	/**
	 * Opens the year after the latest one for entry; the forms of every active unit then
	 * appear. Asking for the year by name makes the request idempotent: sent twice, the
	 * second is refused because the year exists.
	 * @param year the year the Office means to open
	 * @param by who
	 * @return the opened year
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public SchoolYearState openNext(SchoolYear year, String by) {
		if (this.years.existsById(year.startYear())) {
			throw new SchoolYearException("startYear", "schoolYears.error.exists", year.label());
		}
		var next = next().orElse(year);
		if (!next.equals(year)) {
			throw new SchoolYearException("startYear", "schoolYears.error.notNext", year.label(), next.label());
		}
		var entry = new SchoolYearEntry(year, true);
		entry.opened(by, Instant.now());
		try {
			this.years.saveAndFlush(entry);
		}
		catch (DataIntegrityViolationException ex) {
			// Someone opened it at the same moment.
			throw new SchoolYearException("startYear", "schoolYears.error.exists", year.label());
		}
		this.audit.record(by, record(OPENED, year).withChange("open", null, "true"));
		return entry.toState();
	}

	/**
	 * Sets or clears a year's deadlines. Each date must fall between 1 September of the
	 * year's start and 31 December of its end.
	 * @param year the year
	 * @param version the version the Office saw
	 * @param deadlines the new deadlines
	 * @param by who
	 * @return the year as it now stands
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public SchoolYearState setDeadlines(SchoolYear year, int version, Deadlines deadlines, String by) {
		var entry = lock(year, version);
		check(year, "deadline", deadlines.general());
		for (var level : EducationLevel.values()) {
			check(year, "deadline" + level.name(), deadlines.byLevel().get(level));
		}
		var before = entry.deadlines();
		var records = new ArrayList<AuditRecord>();
		if (!Objects.equals(before.general(), deadlines.general())) {
			records.add(record(DEADLINE_CHANGED, year).withChange("deadline", text(before.general()),
					text(deadlines.general())));
		}
		for (var level : EducationLevel.values()) {
			var old = before.byLevel().get(level);
			var now = deadlines.byLevel().get(level);
			if (!Objects.equals(old, now)) {
				records
					.add(record(DEADLINE_CHANGED, year).withChange("deadline/" + level.name(), text(old), text(now)));
			}
		}
		if (records.isEmpty()) {
			// Nothing changed: no write, no audit entry, no change counter moved.
			return entry.toState();
		}
		entry.setDeadlines(deadlines);
		this.years.saveAndFlush(entry);
		this.audit.record(by, records);
		return entry.toState();
	}

	/**
	 * Closes a year: its forms become read-only, and the dashboards treat its incomplete
	 * figures as final.
	 * @param year the year
	 * @param version the version the Office saw
	 * @param by who
	 * @return the closed year
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public SchoolYearState close(SchoolYear year, int version, String by) {
		var entry = lock(year, version);
		if (!entry.isOpen()) {
			throw new SchoolYearException(null, "schoolYears.error.alreadyClosed", year.label());
		}
		entry.close(by, Instant.now());
		this.years.saveAndFlush(entry);
		this.audit.record(by, record(CLOSED, year).withChange("open", "true", "false"));
		return entry.toState();
	}

	/**
	 * Reopens a closed year for entry, for a reason the audit trail keeps.
	 * @param year the year
	 * @param version the version the Office saw
	 * @param reason why (required)
	 * @param by who
	 * @return the reopened year
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public SchoolYearState reopen(SchoolYear year, int version, String reason, String by) {
		if (reason == null || reason.isBlank()) {
			throw new SchoolYearException("reason", "schoolYears.error.reason");
		}
		if (reason.strip().length() > MAX_REASON) {
			throw new SchoolYearException("reason", "schoolYears.error.reasonLength", MAX_REASON);
		}
		var entry = lock(year, version);
		if (entry.isOpen()) {
			throw new SchoolYearException(null, "schoolYears.error.alreadyOpen", year.label());
		}
		entry.reopen(reason.strip(), by, Instant.now());
		this.years.saveAndFlush(entry);
		this.audit.record(by, record(REOPENED, year).withChange("open", "false", "true").withDetail(reason.strip()));
		return entry.toState();
	}

	private SchoolYearEntry lock(SchoolYear year, int version) {
		var entry = this.years.lockById(year.startYear())
			.orElseThrow(() -> new SchoolYearException(null, "schoolYears.error.unknown", year.label()));
		if (entry.version() != version) {
			throw new SchoolYearException(null, "schoolYears.error.conflict", year.label());
		}
		return entry;
	}

	private static void check(SchoolYear year, String field, LocalDate date) {
		if (date == null) {
			return;
		}
		if (date.isBefore(Deadlines.earliest(year))) {
			throw new SchoolYearException(field, "schoolYears.error.deadlineBeforeYear", year.label());
		}
		if (date.isAfter(Deadlines.latest(year))) {
			throw new SchoolYearException(field, "schoolYears.error.deadlineAfterYear", year.label());
		}
	}

	private static AuditRecord record(String action, SchoolYear year) {
		return AuditRecord.of(action, "school_year", year.label()).withUnit(null, year.startYear());
	}

	private static String text(LocalDate date) {
		return (date != null) ? date.toString() : null;
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
