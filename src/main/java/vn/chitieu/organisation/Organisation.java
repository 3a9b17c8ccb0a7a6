package vn.chitieu.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.orgunit.SchoolYear;

/**
 * The organisation's own settings: read by the documents it issues, changed by the Office
 * or the administrator. Every change is audited in the same transaction, one entry per
 * field that changed.
 */
@Service
public class Organisation {

	static final String ACTION = "ORGANISATION_CHANGED";

	private static final List<Field> FIELDS = List.of(new Field("name", OrganisationDetails::name),
			new Field("parentBody", OrganisationDetails::parentBody),
			new Field("issuingBody", OrganisationDetails::issuingBody), new Field("place", OrganisationDetails::place),
			new Field("signerTitle", OrganisationDetails::signerTitle),
			new Field("recipients", (d) -> d.recipients().isEmpty() ? null : String.join("; ", d.recipients())));

	private final OrganisationRepository repository;

	private final AuditLog audit;

	private final JdbcTemplate jdbc;

	Organisation(OrganisationRepository repository, AuditLog audit, JdbcTemplate jdbc) {
		this.repository = repository;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * The organisation as it was named in a school year: today's settings, with the name,
	 * letterhead and place it had then if it has been renamed since.
	 * @param year the school year
	 * @return the details in effect that year
	 */
	@Transactional(readOnly = true)
	public OrganisationDetails details(SchoolYear year) {
		var today = current().details();
		return formerNames().stream()
			.filter((f) -> f.until().isAfter(year))
			.findFirst()
			.map((f) -> new OrganisationDetails(f.name(), f.parentBody(), f.issuingBody(), f.place(),
					today.signerTitle(), today.recipients()))
			.orElse(today);
	}

	/**
	 * @return the organisation's former names, the oldest first
	 */
	@Transactional(readOnly = true)
	public List<FormerName> formerNames() {
		return this.jdbc.query("""
				select until_year, name, parent_body, issuing_body, place from organisation_former_name
				order by until_year
				""", (rs, n) -> new FormerName(SchoolYear.of(rs.getInt(1)), rs.getString(2), rs.getString(3),
				rs.getString(4), rs.getString(5)));
	}

	/**
	 * Renames the organisation from a school year: the years before keep today's name,
	 * letterhead and place; from {@code from} on, {@code details} apply.
	 * @param details the new settings
	 * @param from the first school year of the new name
	 * @param version the version the user's form was opened on
	 * @param actor who renames it
	 * @throws OrganisationChangedException if someone else changed the settings meanwhile
	 * @throws IllegalArgumentException with a message key if the rename cannot be right:
	 * nothing of the name changes, the organisation is not set up yet, or an earlier
	 * rename takes effect in that year or later
	 */
	@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
	@Transactional
	public void rename(OrganisationDetails details, SchoolYear from, long version, String actor) {
		var row = this.repository.lockRow().orElseThrow();
		if (row.version() != version) {
			throw new OrganisationChangedException(row.settings());
		}
		var before = row.details();
		if (!before.isComplete()) {
			throw new IllegalArgumentException("organisation.rename.notSetUp");
		}
		if (Objects.equals(before.name(), details.name()) && Objects.equals(before.parentBody(), details.parentBody())
				&& Objects.equals(before.issuingBody(), details.issuingBody())
				&& Objects.equals(before.place(), details.place())) {
			throw new IllegalArgumentException("organisation.rename.sameName");
		}
		if (formerNames().stream().anyMatch((f) -> !f.until().isBefore(from))) {
			throw new IllegalArgumentException("organisation.rename.notAfterEarlier");
		}
		this.jdbc.update("""
				insert into organisation_former_name
				  (until_year, name, parent_body, issuing_body, place, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, now())
				""", from.startYear(), before.name(), before.parentBody(), before.issuingBody(), before.place(), actor);
		this.audit.record(actor,
				AuditRecord.of("ORGANISATION_RENAMED", "organisation", "1")
					.withChange("from", null, from.label())
					.withChange("name", before.name(), details.name()));
		change(row, details, actor);
	}

	/**
	 * @return the settings as stored (empty details on a fresh installation)
	 */
	@Transactional(readOnly = true)
	public OrganisationSettings current() {
		return this.repository.findById((short) 1).orElseThrow().settings();
	}

	/**
	 * Changes the settings, if nobody changed them since {@code version}.
	 * @param details the new settings
	 * @param version the version the user's form was opened on
	 * @param actor who changes them
	 * @return whether anything changed (nothing is written otherwise)
	 * @throws OrganisationChangedException if someone else changed them meanwhile
	 */
	@PreAuthorize("hasAnyRole('OFFICE', 'ADMIN')")
	@Transactional
	public boolean update(OrganisationDetails details, long version, String actor) {
		var row = this.repository.lockRow().orElseThrow();
		if (row.version() != version) {
			throw new OrganisationChangedException(row.settings());
		}
		return change(row, details, actor);
	}

	/**
	 * Fills the settings when nothing is set yet (the sample district does, at start-up).
	 * @param details the settings
	 * @param actor who fills them
	 */
	@Transactional
	public void fillIfEmpty(OrganisationDetails details, String actor) {
		var row = this.repository.lockRow().orElseThrow();
		if (row.details().equals(OrganisationDetails.EMPTY)) {
			change(row, details, actor);
		}
	}

	private boolean change(OrganisationEntity row, OrganisationDetails details, String actor) {
		var before = row.details();
		var records = new ArrayList<AuditRecord>();
		for (var field : FIELDS) {
			var old = field.value().apply(before);
			var now = field.value().apply(details);
			if (!Objects.equals(old, now)) {
				records.add(AuditRecord.of(ACTION, "organisation", "1").withChange(field.name(), old, now));
			}
		}
		if (records.isEmpty()) {
			return false;
		}
		row.change(details, actor, Instant.now());
		this.repository.saveAndFlush(row);
		this.audit.record(actor, records);
		return true;
	}

	private record Field(String name, Function<OrganisationDetails, String> value) {
	}

}
