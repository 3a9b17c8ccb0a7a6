package vn.chitieu.planning;

import java.util.Optional;

import vn.chitieu.orgunit.EducationLevel;

/**
 * The level an indicator concerns; the official report groups indicators by it.
 */
public enum IndicatorLevel {

	/** I. Giáo dục mầm non. */
	MN,
	/** II. Giáo dục tiểu học. */
	TH,
	/** III. Giáo dục THCS. */
	THCS,
	/** IV. Toàn ngành: the whole sector. */
	ALL;

	public Optional<EducationLevel> educationLevel() {
		return (this == ALL) ? Optional.empty() : Optional.of(EducationLevel.valueOf(name()));
	}

}
