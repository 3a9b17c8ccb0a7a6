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

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final ThreadLocal<java.util.Map<String, DecimalFormat>> FORMATS = ThreadLocal
		.withInitial(java.util.HashMap::new);

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(ZONE)) : "";
	}

	/**
	 * @param instant a moment
	 * @return its time of day in the district, "10:42"; empty for null
	 */
	public String time(Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(ZONE)) : "";
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
		boolean vietnamese = "vi".equals(locale.getLanguage());
		// DecimalFormat is costly to build and not thread-safe: one per thread and style.
		var format = FORMATS.get().computeIfAbsent((vietnamese ? "vi/" : "en/") + decimals, (key) -> {
			var symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
			symbols.setDecimalSeparator(vietnamese ? ',' : '.');
			symbols.setGroupingSeparator(vietnamese ? '.' : ',');
			symbols.setMinusSign('-');
			var created = new DecimalFormat("#,##0", symbols);
			created.setMaximumFractionDigits(decimals);
			created.setMinimumFractionDigits(0);
			created.setRoundingMode(RoundingMode.HALF_UP);
			return created;
		});
		return format.format(value);
	}

}
