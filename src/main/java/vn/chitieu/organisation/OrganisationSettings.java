package vn.chitieu.organisation;

import java.time.Instant;

/**
 * The organisation's settings as stored.
 *
 * @param details what it prints on its documents
 * @param version the version, for optimistic locking
 * @param changedBy who changed them last ({@code null} if nobody has)
 * @param changedAt when
 */
public record OrganisationSettings(OrganisationDetails details, long version, String changedBy, Instant changedAt) {

	/**
	 * @return whether the organisation is set up (everything the official report needs)
	 */
	public boolean isSetUp() {
		return this.details.isComplete();
	}

}
