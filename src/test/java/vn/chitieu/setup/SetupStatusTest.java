package vn.chitieu.setup;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.chitieu.setup.SetupStatus.Step;

import static org.assertj.core.api.Assertions.assertThat;

class SetupStatusTest {

	private static SetupStatus status(SetupStep... missing) {
		var steps = new ArrayList<Step>();
		for (var step : SetupStep.values()) {
			boolean done = !List.of(missing).contains(step);
			steps.add(new Step(step, done, done ? 1 : 0));
		}
		return new SetupStatus(steps);
	}

	@Test
	void shouldBeCompleteOnlyWhenEveryStepIsDone() {
		assertThat(status().isComplete()).isTrue();
		assertThat(status().missing()).isEmpty();
		var partial = status(SetupStep.USERS, SetupStep.DEADLINE);
		assertThat(partial.isComplete()).isFalse();
		assertThat(partial.missing()).extracting(Step::step).containsExactly(SetupStep.USERS, SetupStep.DEADLINE);
		assertThat(partial.next()).map(Step::step).contains(SetupStep.USERS);
	}

	@Test
	void shouldCallAnInstallationEmptyWithoutWardsSchoolsOrAnOfficeUser() {
		assertThat(status(SetupStep.WARDS).isEmpty()).isTrue();
		assertThat(status(SetupStep.SCHOOLS).isEmpty()).isTrue();
		assertThat(status(SetupStep.USERS).isEmpty()).isTrue();
		assertThat(status(SetupStep.ORGANISATION, SetupStep.SCHOOL_YEAR, SetupStep.DEADLINE).isEmpty()).isFalse();
	}

	@Test
	void shouldTellUnitsTheOfficeIsSettingUpOnlyWhileTheirPagesWouldBeEmpty() {
		assertThat(status(SetupStep.SCHOOL_YEAR).isEmptyForUnits()).isTrue();
		assertThat(status(SetupStep.WARDS).isEmptyForUnits()).isTrue();
		assertThat(status(SetupStep.ORGANISATION, SetupStep.USERS, SetupStep.DEADLINE).isEmptyForUnits()).isFalse();
	}

	@Test
	void shouldTakeTheOrganisationAsJustRead() {
		assertThat(status().withOrganisation(false).missing()).extracting(Step::step)
			.containsExactly(SetupStep.ORGANISATION);
		assertThat(status(SetupStep.ORGANISATION).withOrganisation(true).isComplete()).isTrue();
	}

	@Test
	void shouldLinkEachRoleOnlyToTheStepsItMayDo() {
		assertThat(SetupStep.USERS.isFor("ADMIN")).isTrue();
		assertThat(SetupStep.USERS.isFor("OFFICE")).isFalse();
		assertThat(SetupStep.SCHOOL_YEAR.isFor("ADMIN")).isFalse();
		assertThat(SetupStep.DEADLINE.isFor("OFFICE")).isTrue();
		assertThat(SetupStep.WARDS.isFor("ADMIN")).isTrue();
		assertThat(SetupStep.WARDS.isFor("OFFICE")).isTrue();
		assertThat(SetupStep.ORGANISATION.isFor("VIEWER")).isFalse();
	}

}
