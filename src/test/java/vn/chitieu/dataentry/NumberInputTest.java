package vn.chitieu.dataentry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chitieu.planning.ValueType;

import static org.assertj.core.api.Assertions.assertThat;

class NumberInputTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "1234|COUNT|1234", "1.234|COUNT|1234", "1 234|COUNT|1234", "12,5|DECIMAL|12.5",
					"12.5|DECIMAL|12.5", "1.234,5|DECIMAL|1234.5", "1.234|DECIMAL|1234", "  42  |COUNT|42",
					"0|YES_NO|0", "65,5|PERCENT|65.5", "12,0|COUNT|12" })
	void shouldReadNumbersAsSchoolStaffTypeThem(String text, ValueType type, String expected) {
		var result = NumberInput.parse(text, type);
		assertThat(result.error()).isNull();
		assertThat(result.value()).isEqualByComparingTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "abc|COUNT|figure.error.notNumber", "12a|COUNT|figure.error.notNumber",
			"12,5|COUNT|figure.error.integer", "1,234|COUNT|figure.error.integer", "=1+1|COUNT|figure.error.notNumber",
			"1.2.3|DECIMAL|figure.error.notNumber", "--1|COUNT|figure.error.notNumber" })
	void shouldSayWhatIsWrong(String text, ValueType type, String key) {
		var result = NumberInput.parse(text, type);
		assertThat(result.value()).isNull();
		assertThat(result.error()).isEqualTo(key);
	}

	@ParameterizedTest
	@CsvSource(value = { "''", "'   '" })
	void shouldTreatBlankAsNotFilledIn(String text) {
		assertThat(NumberInput.parse(text, ValueType.COUNT).isEmpty()).isTrue();
		assertThat(NumberInput.parse(null, ValueType.COUNT).isEmpty()).isTrue();
	}

}
