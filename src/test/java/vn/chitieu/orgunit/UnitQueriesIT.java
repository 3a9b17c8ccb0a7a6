package vn.chitieu.orgunit;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chitieu.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing the units (the audit page's names, the schools of the exports and forms) costs
 * a few statements, not one per school for its levels.
 */
@IntegrationTest
class UnitQueriesIT {

	@Autowired
	OrgUnits units;

	@Autowired
	EntityManagerFactory entityManagers;

	Statistics statistics;

	@BeforeEach
	void setUp() {
		this.statistics = this.entityManagers.unwrap(SessionFactory.class).getStatistics();
		this.statistics.clear();
		this.statistics.setStatisticsEnabled(true);
	}

	@AfterEach
	void tearDown() {
		this.statistics.setStatisticsEnabled(false);
	}

	@Test
	void shouldLoadEverySchoolWithItsLevelsInAFewStatements() {
		var schools = this.units.schools();

		assertThat(schools).hasSizeGreaterThan(50).allSatisfy((s) -> assertThat(s.levels()).isNotEmpty());
		assertThat(this.statistics.getPrepareStatementCount()).as("statements for %d schools", schools.size())
			.isLessThanOrEqualTo(5);
	}

	@Test
	void shouldNameEveryUnitInAFewStatements() {
		var names = this.units.names();

		assertThat(names).hasSizeGreaterThan(60);
		assertThat(this.statistics.getPrepareStatementCount()).as("statements for %d units", names.size())
			.isLessThanOrEqualTo(5);
	}

}
