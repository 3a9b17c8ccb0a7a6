package vn.chitieu.orgunit;

import java.util.regex.Pattern;

/**
 * A school year (năm học), identified by the calendar year it starts in: 2024 is
 * "2024-2025". A plan "to 2025" ends with school year 2024-2025.
 *
 * @param startYear the calendar year the school year starts in
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

	private static final Pattern LABEL = Pattern.compile("(\\d{4})\\s*[-–]\\s*(\\d{4})");

	public SchoolYear {
		if (startYear < 1990 || startYear > 2100) {
			throw new IllegalArgumentException("School year out of range: " + startYear);
		}
	}

	public static SchoolYear of(int startYear) {
		return new SchoolYear(startYear);
	}

	/**
	 * Reads a label such as {@code 2024-2025}.
	 * @param label the label
	 * @return the school year
	 * @throws IllegalArgumentException if the label is not two consecutive years
	 */
	public static SchoolYear parse(String label) {
		var matcher = LABEL.matcher(label == null ? "" : label.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a school year: " + label);
		}
		int start = Integer.parseInt(matcher.group(1));
		int end = Integer.parseInt(matcher.group(2));
		if (end != start + 1) {
			throw new IllegalArgumentException("Not a school year: " + label);
		}
		return new SchoolYear(start);
	}

	public String label() {
		return this.startYear + "-" + (this.startYear + 1);
	}

	public SchoolYear previous() {
		return new SchoolYear(this.startYear - 1);
	}

	public SchoolYear next() {
		return new SchoolYear(this.startYear + 1);
	}

	public boolean isAfter(SchoolYear other) {
		return this.startYear > other.startYear;
	}

	public boolean isBefore(SchoolYear other) {
		return this.startYear < other.startYear;
	}

	@Override
	public int compareTo(SchoolYear other) {
		return Integer.compare(this.startYear, other.startYear);
	}

	@Override
	public String toString() {
		return label();
	}

}
