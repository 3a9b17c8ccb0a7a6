package vn.chitieu.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;

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

	Organisation(OrganisationRepository repository, AuditLog audit) {
		this.repository = repository;
		this.audit = audit;
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
