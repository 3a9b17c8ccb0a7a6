package vn.chitieu.orgunit;

import java.util.List;

/**
 * What a reorganisation will change, shown before it is confirmed.
 *
 * @param effective the first school year of the new wards
 * @param reference the legal reference
 * @param note the note
 * @param newWards the wards formed
 * @param oldWards each ward merged or split and where it goes
 * @param schools each school that moves to another ward
 */
public record ReorganisationPreview(SchoolYear effective, String reference, String note,
		List<ReorganisationPlan.NewWard> newWards, List<OldWard> oldWards, List<SchoolMove> schools) {

	/**
	 * A ward merged or split.
	 *
	 * @param ward the ward
	 * @param into where it goes
	 */
	public record OldWard(Ward ward, List<Target> into) {

		public boolean split() {
			return this.into.size() > 1;
		}

	}

	/**
	 * A ward an old ward goes into.
	 *
	 * @param code its code
	 * @param name its name
	 * @param isNew whether it is formed by the reorganisation (else an existing ward
	 * kept)
	 * @param part whether only part of the old ward goes there
	 */
	public record Target(String code, String name, boolean isNew, boolean part) {
	}

	/**
	 * A school moving to another ward.
	 *
	 * @param school the school (in its old ward)
	 * @param toCode the code of its ward from then on, null while not chosen
	 * @param choices the wards it may go to (its old ward's successors)
	 */
	public record SchoolMove(School school, String toCode, List<Target> choices) {
	}

}
