package vn.chitieu.planning;

/**
 * The unit an indicator's value is expressed in. Labels are in the message files
 * ({@code indicator.unit.*}).
 */
public enum IndicatorUnit {

	PERCENT, SCHOOLS, WARDS, CHILDREN_PER_CLASS, PUPILS_PER_CLASS, CLASSES, CASES, INDICATORS, PROJECTS;

	public boolean isPercent() {
		return this == PERCENT;
	}

}
