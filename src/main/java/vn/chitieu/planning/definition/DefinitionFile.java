package vn.chitieu.planning.definition;

import java.util.List;

import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricRule;
import vn.chitieu.planning.PlanDefinition;

/**
 * What a valid definition file holds.
 *
 * @param source its name
 * @param checksum the SHA-256 of its bytes, to tell whether it changed since it was
 * loaded
 * @param metrics the metrics it defines
 * @param rules the cross-field rules it defines
 * @param plan the plan it defines, or null for a catalog file
 */
public record DefinitionFile(String source, String checksum, List<Metric> metrics, List<MetricRule> rules,
		PlanDefinition plan) {

	public DefinitionFile {
		metrics = List.copyOf(metrics);
		rules = List.copyOf(rules);
	}

}
