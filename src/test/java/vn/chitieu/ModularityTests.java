package vn.chitieu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules depend on each other only through their APIs, without cycles; the module
 * diagrams are written to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ChiTieuApplication.class);

	@Test
	void shouldKeepTheModulesApart() {
		this.modules.verify();
	}

	@Test
	void shouldLetTheReportsFormatProgressWithoutTheDashboards() {
		var report = module("report");
		assertThat(report.getAllDependencies(this.modules).containsModuleNamed("dashboard")).isFalse();
		assertThat(report.getDirectDependencies(this.modules).containsModuleNamed("progress")).isTrue();
	}

	@Test
	void shouldFeedTheEngineFromDataEntryWithoutDataEntryKnowingOfProgress() {
		assertThat(module("progress").getDirectDependencies(this.modules).containsModuleNamed("dataentry")).isTrue();
		assertThat(module("dataentry").getAllDependencies(this.modules).containsModuleNamed("progress")).isFalse();
	}

	@Test
	void shouldWriteTheModuleDiagrams() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	private ApplicationModule module(String name) {
		return this.modules.getModuleByName(name).orElseThrow();
	}

}
