package vn.chitieu.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.chitieu.organisation.OrganisationDetails;
import vn.chitieu.organisation.OrganisationSettings;

/**
 * The organisation's settings form.
 *
 * @param name the organisation's full name
 * @param parentBody the issuing body's parent (first line of the letterhead)
 * @param issuingBody the issuing body (second line)
 * @param place the place of the date line
 * @param signerTitle the signer's title
 * @param recipients the usual recipients, one per line
 * @param version the version the form was opened on
 * @param effectiveYear when the name, letterhead or place change from a school year (the
 * years before keep the old ones), that year, e.g. 2025-2026; empty for a correction
 */
record OrganisationForm(@NotBlank @Size(max = OrganisationDetails.NAME_MAX) String name,
		@NotBlank @Size(max = OrganisationDetails.BODY_MAX) String parentBody,
		@NotBlank @Size(max = OrganisationDetails.BODY_MAX) String issuingBody,
		@NotBlank @Size(max = OrganisationDetails.PLACE_MAX) String place,
		@NotBlank @Size(max = OrganisationDetails.SIGNER_MAX) String signerTitle, @Size(max = 1600) String recipients,
		@NotNull Long version, @Size(max = 20) String effectiveYear) {

	static OrganisationForm of(OrganisationSettings settings) {
		var d = settings.details();
		return new OrganisationForm(d.name(), d.parentBody(), d.issuingBody(), d.place(), d.signerTitle(),
				String.join("\n", d.recipients()), settings.version(), null);
	}

	OrganisationDetails details() {
		return new OrganisationDetails(this.name, this.parentBody, this.issuingBody, this.place, this.signerTitle,
				OrganisationDetails.lines(this.recipients));
	}

}
