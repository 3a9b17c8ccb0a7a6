package vn.chitieu.organisation;

import java.util.Arrays;
import java.util.List;

/**
 * What the organisation prints on the documents it issues (Decree 30/2020/NĐ-CP). Texts
 * are stripped; a blank text is {@code null}, blank recipients are left out.
 *
 * @param name the organisation's full name, e.g. "Phòng Giáo dục và Đào tạo quận Long
 * Biên"
 * @param parentBody the issuing body's parent (cơ quan chủ quản), first line of the
 * letterhead, e.g. "UBND QUẬN LONG BIÊN"
 * @param issuingBody the issuing body itself (cơ quan ban hành), second line, e.g. "PHÒNG
 * GIÁO DỤC VÀ ĐÀO TẠO"
 * @param place the place of the date line (địa danh), e.g. "Long Biên"
 * @param signerTitle the signer's title, e.g. "TRƯỞNG PHÒNG"
 * @param recipients the usual recipients (nơi nhận), one per line
 */
public record OrganisationDetails(String name, String parentBody, String issuingBody, String place, String signerTitle,
		List<String> recipients) {

	public static final int NAME_MAX = 200;

	public static final int BODY_MAX = 120;

	public static final int PLACE_MAX = 60;

	public static final int SIGNER_MAX = 80;

	public static final int RECIPIENT_MAX = 150;

	public static final int RECIPIENTS_MAX = 10;

	public OrganisationDetails {
		name = clean(name);
		parentBody = clean(parentBody);
		issuingBody = clean(issuingBody);
		place = clean(place);
		signerTitle = clean(signerTitle);
		recipients = (recipients != null)
				? recipients.stream().map(OrganisationDetails::clean).filter((r) -> r != null).toList() : List.of();
	}

	/** Nothing set: a fresh installation. */
	public static final OrganisationDetails EMPTY = new OrganisationDetails(null, null, null, null, null, null);

	/**
	 * @return whether everything the official report needs is set
	 */
	public boolean isComplete() {
		return this.name != null && this.parentBody != null && this.issuingBody != null && this.place != null
				&& this.signerTitle != null;
	}

	/**
	 * @param text lines, as typed in a text area
	 * @return its non-blank lines, stripped
	 */
	public static List<String> lines(String text) {
		return (text != null)
				? Arrays.stream(text.split("\\R")).map(OrganisationDetails::clean).filter((r) -> r != null).toList()
				: List.of();
	}

	private static String clean(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
