package vn.chitieu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

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
	void shouldWriteTheModuleDiagrams() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
