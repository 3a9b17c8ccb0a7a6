package vn.chitieu.dataentry;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures the data-entry module publishes for the progress engine
 * ({@link CountedFigures}), read from the sample district: approved figures only unless
 * submitted ones are asked for, one entry per level a school teaches, whether the year is
 * closed, and the change counters.
 */
@IntegrationTest
class CountedFiguresIT {

	private static final SchoolYear OPEN = SchoolYear.of(2024);

	private static final SchoolYear CLOSED = SchoolYear.of(2023);

	@Autowired
	CountedFigures figures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldCountApprovedFiguresOnlyUnlessSubmittedOnesAreAskedFor() {
		var approved = this.figures.load(List.of(OPEN), false).get(OPEN);
		var submittedToo = this.figures.load(List.of(OPEN), true).get(OPEN);

		assertThat(reporting(approved)).isEqualTo(count("APPROVED"));
		assertThat(reporting(submittedToo)).isEqualTo(count("APPROVED") + count("SUBMITTED"));
		assertThat(count("SUBMITTED")).isPositive();
	}

	@Test
	void shouldGiveEachLevelOfASchoolItsOwnEntryAndEveryWard() {
		var year = this.figures.load(List.of(CLOSED), false).get(CLOSED);

		var levels = this.jdbc.queryForObject("""
				select count(*) from org_unit u join school_level l on l.school_id = u.id
				where u.kind = 'SCHOOL' and u.active and (u.opened_year is null or u.opened_year <= ?)
				""", Integer.class, CLOSED.startYear());
		var wards = this.jdbc.queryForObject("select count(*) from org_unit where kind = 'WARD' and active",
				Integer.class);
		assertThat(year.schools()).hasSize(levels)
			.allSatisfy((s) -> assertThat(s.kind()).isEqualTo(UnitKind.SCHOOL))
			.allSatisfy((s) -> assertThat(s.level()).isNotNull());
		assertThat(year.wards()).hasSize(wards).allSatisfy((w) -> assertThat(w.kind()).isEqualTo(UnitKind.WARD));
		assertThat(year.district()).isNotEmpty();
	}

	@Test
	void shouldSayWhetherEachSchoolYearIsClosed() {
		var years = this.figures.load(List.of(CLOSED, OPEN), false);

		assertThat(years.get(CLOSED).closed()).isTrue();
		assertThat(years.get(OPEN).closed()).isFalse();
	}

	@Test
	void shouldKeepAChangeCounterForTheUnitsAndPlansAndForEachYear() {
		var versions = this.figures.versions();

		assertThat(versions).containsKeys(CountedFigures.scopes(List.of(CLOSED, OPEN)).toArray(String[]::new));
		assertThat(CountedFigures.scopes(List.of(OPEN))).containsExactlyInAnyOrder("all", "year:2024");
	}

	private static long reporting(CountedYear year) {
		return year.schools().stream().filter((s) -> !s.values().isEmpty()).count()
				+ year.wards().stream().filter((w) -> !w.values().isEmpty()).count();
	}

	private long count(String status) {
		// One entry per school level, or per ward, with at least one figure.
		return this.jdbc.queryForObject("""
				select count(*) from (
				  select distinct s.unit_id, f.level from submission s
				  join figure f on f.submission_id = s.id join org_unit u on u.id = s.unit_id
				  where s.school_year = ? and s.status = ? and u.kind in ('SCHOOL', 'WARD')) t
				""", Long.class, OPEN.startYear(), status);
	}

}
