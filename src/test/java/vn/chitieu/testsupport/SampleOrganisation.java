package vn.chitieu.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sample district's organisation settings, for tests that change them to put back.
 */
public final class SampleOrganisation {

	private SampleOrganisation() {
	}

	/**
	 * Puts the sample's settings back (as a new version), after a test changed them.
	 * @param jdbc the test database
	 */
	public static void restore(JdbcTemplate jdbc) {
		jdbc.update("delete from organisation_former_name");
		jdbc.update("""
				update organisation
				set name = 'Phòng Giáo dục và Đào tạo quận Long Biên', parent_body = 'UBND QUẬN LONG BIÊN',
				    issuing_body = 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', place = 'Long Biên', signer_title = 'TRƯỞNG PHÒNG',
				    recipients = E'UBND quận Long Biên;\\nSở GD&ĐT Hà Nội;\\nLưu: VT.', version = version + 1
				""");
	}

	/**
	 * Empties the settings, as on a fresh installation.
	 * @param jdbc the test database
	 */
	public static void empty(JdbcTemplate jdbc) {
		jdbc.update("""
				update organisation
				set name = null, parent_body = null, issuing_body = null, place = null, signer_title = null,
				    recipients = null, version = version + 1
				""");
	}

}
