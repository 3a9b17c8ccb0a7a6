package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.chitieu.planning.ValueType;

import static org.assertj.core.api.Assertions.assertThat;

class YearChangeTest {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final Locale EN = Locale.ENGLISH;

	private final ResourceBundleMessageSource messages = messages();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			66     | 66.7   | PERCENT | +0,7 điểm % | +0.7 points
			98.5   | 97     | PERCENT | −1,5 điểm % | −1.5 points
			14773  | 14.773 | DECIMAL | −99,9 %     | −99.9 %
			1000   | 1234   | COUNT   | +23,4 %     | +23.4 %
			40     | 40     | COUNT   | 0 %         | 0 %
			""")
	void shouldSayARatesChangeInPointsAndOtherFiguresRelativeToLastYear(String last, String value, ValueType type,
			String vietnamese, String english) {
		var change = YearChange.of(new BigDecimal(value), new BigDecimal(last), type);
		assertThat(change.text(this.messages, VI)).isEqualTo(vietnamese);
		assertThat(change.text(this.messages, EN)).isEqualTo(english);
	}

	@Test
	void shouldCallAFifthOrFivePointsBig() {
		assertThat(YearChange.of(new BigDecimal("120"), new BigDecimal("100"), ValueType.COUNT).big()).isTrue();
		assertThat(YearChange.of(new BigDecimal("119"), new BigDecimal("100"), ValueType.COUNT).big()).isFalse();
		// 66 % → 70 %: 6 % more relative, but only 4 points: not big.
		assertThat(YearChange.of(new BigDecimal("70"), new BigDecimal("66"), ValueType.PERCENT).big()).isFalse();
		assertThat(YearChange.of(new BigDecimal("71"), new BigDecimal("66"), ValueType.PERCENT).big()).isTrue();
	}

	@Test
	void shouldShowNoChangeWithoutTwoComparableValues() {
		assertThat(YearChange.of(null, BigDecimal.TEN, ValueType.COUNT)).isNull();
		assertThat(YearChange.of(BigDecimal.TEN, null, ValueType.COUNT)).isNull();
		assertThat(YearChange.of(BigDecimal.TEN, BigDecimal.ZERO, ValueType.COUNT)).isNull();
		assertThat(YearChange.of(BigDecimal.ONE, BigDecimal.ZERO, ValueType.YES_NO)).isNull();
		assertThat(YearChange.of(BigDecimal.ZERO, BigDecimal.ZERO, ValueType.COUNT).changed()).isFalse();
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
