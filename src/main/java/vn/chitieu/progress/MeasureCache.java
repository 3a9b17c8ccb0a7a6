package vn.chitieu.progress;

import java.util.function.Supplier;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.Measure;

/**
 * Where the engine may keep the values it computed, so that a year whose figures did not
 * change is not computed again (only totals are kept, never the parts of each unit).
 */
@FunctionalInterface
public interface MeasureCache {

	/** Keeps nothing. */
	MeasureCache NONE = (data, measure, baseline, compute) -> compute.get();

	/**
	 * @param data the year's figures
	 * @param measure the measure
	 * @param baseline the plan's baseline year (it decides which schools are new)
	 * @param compute computes the value when it is not kept
	 * @return the value
	 */
	MeasureResult get(YearData data, Measure measure, SchoolYear baseline, Supplier<MeasureResult> compute);

}
