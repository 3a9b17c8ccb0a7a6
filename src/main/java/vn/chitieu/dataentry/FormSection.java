package vn.chitieu.dataentry;

import java.util.List;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.planning.Metric;

/**
 * A part of a unit's yearly form: the metrics of one section (children and classes,
 * staff…), for one level of a school.
 *
 * @param section the section's code (its title is {@code section.<code>} in the messages)
 * @param level the level, for schools; null for wards and the district
 * @param metrics the metrics, in form order
 */
public record FormSection(String section, EducationLevel level, List<Metric> metrics) {

	public FormSection {
		metrics = List.copyOf(metrics);
	}

	public FigureKey key(Metric metric) {
		return new FigureKey(metric.code(), this.level);
	}

}
