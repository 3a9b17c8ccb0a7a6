package vn.chitieu;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.dataentry.SubmissionStatus;
import vn.chitieu.dataentry.Submissions;
import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.PlanLoader;
import vn.chitieu.planning.PlanSummary;
import vn.chitieu.planning.Plans;
import vn.chitieu.platform.Installation;
import vn.chitieu.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application starts on a real PostgreSQL: the schema is migrated, both plans and the
 * sample district are loaded.
 */
@IntegrationTest
class ApplicationIT {

	@Autowired
	Plans plans;

	@Autowired
	MetricCatalog catalog;

	@Autowired
	PlanLoader loader;

	@Autowired
	OrgUnits units;

	@Autowired
	SchoolYears years;

	@Autowired
	Submissions submissions;

	@Autowired
	Installation installation;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldLoadBothPlansWithAll107Indicators() {
		var shipped = this.plans.all()
			.stream()
			.filter((p) -> p.code().equals("KH-157-UBND-2022") || p.code().equals("KH-NH-2019-2020"))
			.toList();
		assertThat(shipped).hasSize(2);
		assertThat(shipped.stream().mapToInt(PlanSummary::indicatorCount).sum()).isEqualTo(107);
		var mn15 = this.plans.find("KH-157-UBND-2022").orElseThrow().indicator("MN-15").orElseThrow();
		assertThat(mn15.clause()).isEqualTo("I.2.1");
		assertThat(mn15.quote()).isEqualTo("trong đó ít nhất 25% trường đạt chuẩn Quốc gia mức độ 2");
		assertThat(mn15.flaw()).isNotNull();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from indicator i join plan p on p.id = i.plan_id where p.source like 'kh-%'",
				Integer.class))
			.isEqualTo(107);
		assertThat(this.catalog.find("children_enrolled")).isPresent();
		assertThat(this.catalog.rules()).isNotEmpty();
	}

	@Test
	void shouldLeaveUnchangedPlanFilesAloneOnTheNextStart() throws Exception {
		long audit = this.jdbc.queryForObject("select count(*) from audit_event", Long.class);
		var results = this.loader.loadAll();
		assertThat(results).extracting(PlanLoader.LoadResult::source)
			.contains("catalog.yaml", "kh-157-ubnd-2022.yaml", "kh-nh-2019-2020.yaml");
		assertThat(results).extracting(PlanLoader.LoadResult::outcome)
			.containsOnly(PlanLoader.LoadResult.Outcome.UNCHANGED);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(audit);
	}

	@Test
	void shouldLoadTheSampleDistrict() {
		assertThat(this.installation.hasSampleData()).isTrue();
		assertThat(this.units.wards()).hasSize(14);
		var schools = this.units.schools();
		assertThat(schools.stream()
			.filter((s) -> s.teaches(EducationLevel.TH) && s.ownership() == Ownership.PUBLIC)
			.count()).isEqualTo(28);
		assertThat(schools.stream()
			.filter((s) -> s.teaches(EducationLevel.THCS) && s.ownership() == Ownership.PUBLIC)
			.count()).isEqualTo(22);
		assertThat(this.years.current()).contains(SchoolYear.of(2024));
		assertThat(this.years.isOpen(SchoolYear.of(2024))).isTrue();
		assertThat(this.years.isOpen(SchoolYear.of(2023))).isFalse();
		// The latest year is incomplete (other tests move a few reports of it around).
		Map<SubmissionStatus, Long> latest = this.submissions.countSchoolSubmissions(SchoolYear.of(2024));
		assertThat(latest.keySet()).contains(SubmissionStatus.APPROVED, SubmissionStatus.SUBMITTED,
				SubmissionStatus.DRAFT);
		long started = latest.values().stream().mapToLong(Long::longValue).sum();
		assertThat(started).isLessThan(schools.size());
		assertThat(this.submissions.countSchoolSubmissions(SchoolYear.of(2022)))
			.containsOnlyKeys(SubmissionStatus.APPROVED);
	}

	@Test
	void shouldKeepTheAuditTrailAppendOnly() {
		long before = this.jdbc.queryForObject("select count(*) from audit_event", Long.class);
		assertThat(before).isPositive();
		assertThatThrownBy(() -> this.jdbc.update("update audit_event set actor = 'x'"))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_event")).isInstanceOf(DataAccessException.class);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(before);
	}

}
