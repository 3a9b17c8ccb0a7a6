package vn.chitieu.dataentry;

import vn.chitieu.orgunit.EducationLevel;

/**
 * What a figure is of: a metric, and for a school the level it is reported for (a
 * multi-level school reports each level separately).
 *
 * @param metric the metric's code
 * @param level the level, or null for wards and the district
 */
public record FigureKey(String metric, EducationLevel level) {

	/**
	 * @return the name of the form field holding this figure, e.g. {@code f.TH.pupils}
	 */
	public String fieldName() {
		return "f." + ((this.level != null) ? this.level.name() : "-") + "." + this.metric;
	}

	/**
	 * @return how the audit trail names this figure, e.g. {@code TH/pupils}
	 */
	public String label() {
		return (this.level != null) ? this.level.name() + "/" + this.metric : this.metric;
	}

	/**
	 * Reads a form field name back.
	 * @param name a field name such as {@code f.TH.pupils}
	 * @return the key, or null if the name is not a figure field
	 */
	public static FigureKey fromFieldName(String name) {
		var parts = name.split("\\.", 3);
		if (parts.length != 3 || !parts[0].equals("f") || parts[2].isEmpty()) {
			return null;
		}
		try {
			return new FigureKey(parts[2], parts[1].equals("-") ? null : EducationLevel.valueOf(parts[1]));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
