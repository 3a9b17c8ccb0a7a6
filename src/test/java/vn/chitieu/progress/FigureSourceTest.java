package vn.chitieu.progress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import vn.chitieu.dataentry.CountedUnitFigures;
import vn.chitieu.dataentry.CountedYear;
import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine reads its own records, mapped from what the data-entry module counts, and
 * knows nothing of Spring or of where its figures come from.
 */
class FigureSourceTest {

	@Test
	void shouldHandTheEngineEveryUnitWithItsFiguresAndWhetherTheYearIsClosed() {
		var school = new CountedUnitFigures(7, "TH-A", "Trường Tiểu học A", UnitKind.SCHOOL, EducationLevel.TH, 3L,
				Ownership.PUBLIC, 2021, Map.of("teachers", new BigDecimal("40")));
		var ward = new CountedUnitFigures(3, "P-A", "Phường A", UnitKind.WARD, null, null, null, null,
				Map.of("population_6_10", new BigDecimal("1200")));
		var counted = new CountedYear(SchoolYear.of(2023), List.of(school), List.of(ward),
				Map.of("city_pass_rate", new BigDecimal("95.5")), true);

		var data = FigureSource.yearData(counted);

		assertThat(data).isEqualTo(new YearData(SchoolYear.of(2023),
				List.of(new UnitData(7, "TH-A", "Trường Tiểu học A", UnitKind.SCHOOL, EducationLevel.TH, 3L,
						Ownership.PUBLIC, 2021, Map.of("teachers", new BigDecimal("40")))),
				List.of(new UnitData(3, "P-A", "Phường A", UnitKind.WARD, null, null, null, null,
						Map.of("population_6_10", new BigDecimal("1200")))),
				Map.of("city_pass_rate", new BigDecimal("95.5")), true));
		assertThat(FigureSource.yearData(new CountedYear(SchoolYear.of(2024), List.of(), List.of(), Map.of(), false))
			.closed()).isFalse();
	}

	@Test
	void shouldComputeWithoutSpringOrTheDataEntryModule() {
		var classes = new ClassFileImporter().importPackages("vn.chitieu.progress");

		noClasses().that()
			.belongToAnyOf(ProgressEngine.class, MeasureEvaluator.class, MeasureCache.class, MeasureResult.class,
					YearData.class, UnitData.class)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "vn.chitieu.dataentry..", "java.sql..", "jakarta..")
			.check(classes);
	}

}
