package vn.chitieu.orgunit;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Sorts names the way a Vietnamese reader expects ("Đ" after "D", accents after the plain
 * letter).
 */
public final class VietnameseCollator implements Comparator<String> {

	/** The shared instance. */
	public static final VietnameseCollator INSTANCE = new VietnameseCollator();

	private final Collator collator;

	private VietnameseCollator() {
		this.collator = Collator.getInstance(Locale.forLanguageTag("vi"));
		this.collator.setStrength(Collator.TERTIARY);
	}

	@Override
	public synchronized int compare(String a, String b) {
		return this.collator.compare(a, b);
	}

}
