package vn.chitieu.setup;

import java.util.List;
import java.util.Optional;

/**
 * What an installation has and still lacks, step by step.
 *
 * @param steps every step, in order
 */
public record SetupStatus(List<Step> steps) {

	public SetupStatus {
		steps = List.copyOf(steps);
	}

	/**
	 * @return whether every step is done
	 */
	public boolean isComplete() {
		return this.steps.stream().allMatch(Step::done);
	}

	/**
	 * @return the steps not done yet, in order
	 */
	public List<Step> missing() {
		return this.steps.stream().filter((s) -> !s.done()).toList();
	}

	/**
	 * @return the first step not done yet
	 */
	public Optional<Step> next() {
		return this.steps.stream().filter((s) -> !s.done()).findFirst();
	}

	/**
	 * @return whether what units and leaders see is still empty: no wards, schools or
	 * school years yet
	 */
	public boolean isEmptyForUnits() {
		return this.steps.stream()
			.anyMatch((s) -> !s.done() && (s.step() == SetupStep.WARDS || s.step() == SetupStep.SCHOOLS
					|| s.step() == SetupStep.SCHOOL_YEAR));
	}

	/**
	 * @return whether the installation is still empty: no ward, no school or no user for
	 * the Office (the administrator is then taken to the guide after logging in)
	 */
	public boolean isEmpty() {
		return this.steps.stream()
			.anyMatch((s) -> !s.done()
					&& (s.step() == SetupStep.WARDS || s.step() == SetupStep.SCHOOLS || s.step() == SetupStep.USERS));
	}

	/**
	 * @param organisationSet whether the organisation is set up, as just read
	 * @return this status with the organisation's step as given
	 */
	public SetupStatus withOrganisation(boolean organisationSet) {
		return new SetupStatus(this.steps.stream()
			.map((s) -> (s.step() == SetupStep.ORGANISATION)
					? new Step(s.step(), organisationSet, organisationSet ? 1 : 0) : s)
			.toList());
	}

	/**
	 * @param step a step
	 * @return its state
	 */
	public Step step(SetupStep step) {
		return this.steps.stream().filter((s) -> s.step() == step).findFirst().orElseThrow();
	}

	/**
	 * One step's state.
	 *
	 * @param step the step
	 * @param done whether it is done
	 * @param count how many of its things exist (wards, schools, users, years; for the
	 * organisation 1 when set, for deadlines the open years without one)
	 */
	public record Step(SetupStep step, boolean done, long count) {

		public String name() {
			return this.step.name();
		}

	}

}
