package vn.chitieu.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers and dates the way the reader expects them: in Vietnamese {@code 65,5 %} and
 * {@code 23/11/2026 14:05}; in English {@code 65.5 %}. Used from templates as
 * {@code @fmt}.
 */
@Component("fmt")
public class Formats {

	/** Times are shown in Hà Nội time. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(ZONE)) : "";
	}

	public String date(LocalDate date) {
		return (date != null) ? DATE.format(date) : "";
	}

	/**
	 * A number with at most the given decimals, grouped by thousands.
	 * @param value the number
	 * @param decimals the most decimals shown
	 * @return the text, empty for null
	 */
	public String number(BigDecimal value, int decimals) {
		return number(value, decimals, LocaleContextHolder.getLocale());
	}

	public String number(Number value, int decimals) {
		return (value != null) ? number(new BigDecimal(value.toString()), decimals) : "";
	}

	public static String number(BigDecimal value, int decimals, Locale locale) {
		if (value == null) {
			return "";
		}
		var symbols = DecimalFormatSymbols.getInstance(locale);
		if ("vi".equals(locale.getLanguage())) {
			symbols.setDecimalSeparator(',');
			symbols.setGroupingSeparator('.');
		}
		else {
			symbols.setDecimalSeparator('.');
			symbols.setGroupingSeparator(',');
		}
		var format = new DecimalFormat("#,##0", symbols);
		format.setMaximumFractionDigits(decimals);
		format.setMinimumFractionDigits(0);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

}
