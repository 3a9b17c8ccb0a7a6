package vn.chitieu.orgunit;

import java.util.List;

/**
 * Where a ward came from and where it went in reorganisations.
 *
 * @param from the old wards it was formed from (empty if older than any reorganisation)
 * @param into the wards it went into (empty while it exists)
 */
public record WardLineage(List<Link> from, List<Link> into) {

	/**
	 * @return the school year the ward was formed, null if older than any reorganisation
	 */
	public SchoolYear formedIn() {
		return this.from.isEmpty() ? null : this.from.get(0).effective();
	}

	/**
	 * @return the school year the ward went into others, null while it exists
	 */
	public SchoolYear endedIn() {
		return this.into.isEmpty() ? null : this.into.get(0).effective();
	}

	/**
	 * One step of a ward's lineage.
	 *
	 * @param ward the other ward
	 * @param part whether only part of the old ward went into the new one
	 * @param effective the first school year of the new wards
	 * @param reference the legal reference of the reorganisation
	 */
	public record Link(Ward ward, boolean part, SchoolYear effective, String reference) {
	}

}
