package vn.chitieu.platform;

/**
 * The name of an uploaded file as it can be stored and shown: whatever the browser (or an
 * attacker) sent, without control characters (PostgreSQL refuses a NUL in text) and short
 * enough for its column.
 */
public final class FileNames {

	private FileNames() {
	}

	/**
	 * @param original the name sent, may be null
	 * @param fallback the name to use when nothing is left
	 * @param maxLength the most characters kept
	 * @return the name to store
	 */
	public static String clean(String original, String fallback, int maxLength) {
		var name = (original == null) ? "" : original.replaceAll("\\p{Cntrl}", "").strip();
		if (name.codePointCount(0, name.length()) > maxLength) {
			name = name.substring(0, name.offsetByCodePoints(0, maxLength)).strip();
		}
		return name.isEmpty() ? fallback : name;
	}

}
