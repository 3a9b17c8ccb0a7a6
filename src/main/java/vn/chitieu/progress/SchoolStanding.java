package vn.chitieu.progress;

import java.util.List;

/**
 * How one indicator reads for one school, computed from the school's own figures.
 *
 * @param progress the indicator's progress over the school's figures alone
 * @param reading how it reads for one school
 * @param parts the school's own parts each year, oldest first (one per level counted)
 */
public record SchoolStanding(IndicatorProgress progress, Reading reading, List<List<UnitResult>> parts) {

	public SchoolStanding {
		parts = List.copyOf(parts);
	}

	/** How an indicator reads for one school. */
	public enum Reading {

		/** Its own ratio or average, judged against the district's target. */
		OWN,
		/**
		 * Whether it meets the condition each school must meet (a share, a named list).
		 */
		CONDITION,
		/**
		 * Whether it meets a condition the district counts ("at least 8 schools at level
		 * 2"): some schools, not each, must meet it.
		 */
		COUNTED,
		/** Its part of a district total. */
		CONTRIBUTION

	}

	static SchoolStanding of(IndicatorProgress progress, long schoolId) {
		var reading = switch (progress.indicator().measure().kind()) {
			case RATIO, AVERAGE -> Reading.OWN;
			case SUM -> Reading.CONTRIBUTION;
			case COUNT -> Reading.COUNTED;
			case SHARE, CHECKLIST, DISTRICT -> Reading.CONDITION;
		};
		var parts = progress.years()
			.stream()
			.map((y) -> y.result().units().stream().filter((u) -> u.unit().unitId() == schoolId).toList())
			.toList();
		return new SchoolStanding(progress, reading, parts);
	}

	/**
	 * @return the school's parts in the last year shown
	 */
	public List<UnitResult> latestParts() {
		return this.parts.isEmpty() ? List.of() : this.parts.get(this.parts.size() - 1);
	}

	/**
	 * @return the outcome of the last year shown for a condition: not met if any of its
	 * levels does not meet it, else met if one does, else missing
	 */
	public UnitResult.Outcome latestOutcome() {
		var latest = latestParts();
		if (latest.stream().anyMatch((p) -> p.outcome() == UnitResult.Outcome.NOT_MET)) {
			return UnitResult.Outcome.NOT_MET;
		}
		return latest.stream().anyMatch((p) -> p.outcome() == UnitResult.Outcome.MET) ? UnitResult.Outcome.MET
				: UnitResult.Outcome.MISSING;
	}

	/**
	 * @return whether the school has something to improve on this indicator
	 */
	public boolean toImprove() {
		return switch (this.reading) {
			case OWN -> {
				var status = this.progress.latest().status();
				yield status.isVerdict() && status != ProgressStatus.ACHIEVED;
			}
			case CONDITION -> latestOutcome() == UnitResult.Outcome.NOT_MET;
			case COUNTED, CONTRIBUTION -> false;
		};
	}

	/**
	 * @return whether the measure is of a kind that names a condition
	 */
	public boolean isCondition() {
		return this.reading == Reading.CONDITION || this.reading == Reading.COUNTED;
	}

}
