package vn.chitieu.planning;

import java.util.List;

import vn.chitieu.orgunit.UnitKind;

/**
 * The parts of the data-entry forms a metric can belong to, in the order the forms show
 * them. Their titles are in the message files ({@code section.*}).
 */
public final class MetricSections {

	private static final List<String> SCHOOL = List.of("pupils", "results", "facilities", "it", "recognition", "staff",
			"health", "activities");

	private static final List<String> WARD = List.of("population", "universal_education");

	private static final List<String> DISTRICT = List.of("benchmarks", "results", "construction");

	private MetricSections() {
	}

	/**
	 * @param reportedBy who reports the metric
	 * @return the sections allowed, in form order
	 */
	public static List<String> allowed(UnitKind reportedBy) {
		return switch (reportedBy) {
			case SCHOOL -> SCHOOL;
			case WARD -> WARD;
			case DISTRICT -> DISTRICT;
		};
	}

}
