package vn.chitieu.organisation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The single row of {@code organisation}.
 */
@Entity
@Table(name = "organisation")
class OrganisationEntity {

	@Id
	private Short id;

	private String name;

	@Column(name = "parent_body")
	private String parentBody;

	@Column(name = "issuing_body")
	private String issuingBody;

	private String place;

	@Column(name = "signer_title")
	private String signerTitle;

	private String recipients;

	@Version
	private long version;

	@Column(name = "changed_by")
	private String changedBy;

	@Column(name = "changed_at")
	private Instant changedAt;

	protected OrganisationEntity() {
	}

	OrganisationDetails details() {
		return new OrganisationDetails(this.name, this.parentBody, this.issuingBody, this.place, this.signerTitle,
				OrganisationDetails.lines(this.recipients));
	}

	OrganisationSettings settings() {
		return new OrganisationSettings(details(), this.version, this.changedBy, this.changedAt);
	}

	void change(OrganisationDetails details, String actor, Instant at) {
		this.name = details.name();
		this.parentBody = details.parentBody();
		this.issuingBody = details.issuingBody();
		this.place = details.place();
		this.signerTitle = details.signerTitle();
		this.recipients = details.recipients().isEmpty() ? null : String.join("\n", details.recipients());
		this.changedBy = actor;
		this.changedAt = at;
	}

	long version() {
		return this.version;
	}

}
