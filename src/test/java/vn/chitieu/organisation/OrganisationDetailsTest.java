package vn.chitieu.organisation;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the organisation prints, as typed: stripped, blank for not set, recipients one a
 * line.
 */
class OrganisationDetailsTest {

	@Test
	void shouldStripTextsAndTakeBlankForNotSet() {
		var details = new OrganisationDetails("  Phòng GD&ĐT  ", " ", null, "\tLong Biên\n", "", null);
		assertThat(details.name()).isEqualTo("Phòng GD&ĐT");
		assertThat(details.parentBody()).isNull();
		assertThat(details.issuingBody()).isNull();
		assertThat(details.place()).isEqualTo("Long Biên");
		assertThat(details.signerTitle()).isNull();
		assertThat(details.recipients()).isEmpty();
		assertThat(details.isComplete()).isFalse();
	}

	@Test
	void shouldReadOneRecipientPerLineWhateverTheLineEndsAndSkipBlankLines() {
		assertThat(OrganisationDetails.lines("UBND quận;\r\n\r\n  Sở GD&ĐT;  \nLưu: VT.\r"))
			.containsExactly("UBND quận;", "Sở GD&ĐT;", "Lưu: VT.");
		assertThat(OrganisationDetails.lines(null)).isEmpty();
		assertThat(OrganisationDetails.lines(" \n \n")).isEmpty();
	}

	@Test
	void shouldBeCompleteOnlyWithEverythingTheReportNeeds() {
		var full = new OrganisationDetails("Phòng GD&ĐT", "UBND QUẬN", "PHÒNG GD&ĐT", "Long Biên", "TRƯỞNG PHÒNG",
				Arrays.asList("Lưu: VT.", " ", null));
		assertThat(full.isComplete()).isTrue();
		assertThat(full.recipients()).containsExactly("Lưu: VT.");
		// Recipients are optional.
		assertThat(new OrganisationDetails("a", "b", "c", "d", "e", null).isComplete()).isTrue();
		assertThat(new OrganisationDetails("a", "b", "c", "d", " ", null).isComplete()).isFalse();
		assertThat(OrganisationDetails.EMPTY.isComplete()).isFalse();
	}

}
