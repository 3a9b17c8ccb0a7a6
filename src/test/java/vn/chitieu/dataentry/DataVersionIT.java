package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.testsupport.FormSupport;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change counters the dashboards' cache checks ({@code data_version}) move only with
 * what the dashboards show: figures of submitted or approved reports and every change of
 * status. A school saving its draft again and again on the deadline day must not make
 * every dashboard compute the open year again.
 */
@IntegrationTest
class DataVersionIT {

	/** A primary school of the sample district that only this test touches. */
	private static final String SCHOOL = "TH-MAU-18";

	private static final String YEAR_SCOPE = "year:" + FormSupport.YEAR.startYear();

	@Autowired
	OrgUnits units;

	@Autowired
	FigureForms forms;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	FormSupport support;

	@BeforeEach
	void setUp() {
		this.support = new FormSupport(this.units, this.forms, this.userDetails, this.jdbc);
		this.support.reset(SCHOOL);
	}

	@AfterEach
	void tearDown() {
		this.support.reset(SCHOOL);
	}

	@Test
	void shouldNotMoveWhenADraftIsSaved() {
		var school = this.support.user(SCHOOL.toLowerCase());
		long unit = this.support.id(SCHOOL);
		var pupils = new FigureKey("pupils", EducationLevel.TH);
		long year = version(YEAR_SCOPE);
		long all = version("all");
		long own = unitVersion(unit, FormSupport.YEAR.startYear());

		save(school, unit, Map.of(pupils, "900"), SaveMode.DRAFT);
		save(school, unit, Map.of(pupils, "910"), SaveMode.DRAFT);

		assertThat(version(YEAR_SCOPE)).as("a draft's first and second save").isEqualTo(year);
		assertThat(unitVersion(unit, FormSupport.YEAR.startYear())).isEqualTo(own);
		assertThat(version("all")).isEqualTo(all);
		assertThat(storedPupils(unit)).isEqualByComparingTo("910");
	}

	@Test
	void shouldMoveOnEveryChangeOfStatusAndNotOnTheDraftsBetween() {
		var school = this.support.user(SCHOOL.toLowerCase());
		var office = this.support.user(Logins.OFFICE);
		long unit = this.support.id(SCHOOL);
		var complete = new HashMap<>(this.support.complete(SCHOOL));

		long before = version(YEAR_SCOPE);
		int year = FormSupport.YEAR.startYear();
		long other = this.support.id("TH-MAU-12");
		long otherBefore = unitVersion(other, year);
		save(school, unit, complete, SaveMode.DRAFT);
		assertThat(version(YEAR_SCOPE)).as("draft").isEqualTo(before);
		long ownBefore = unitVersion(unit, year);

		save(school, unit, complete, SaveMode.SUBMIT);
		long submitted = version(YEAR_SCOPE);
		assertThat(submitted).as("submitted").isGreaterThan(before);
		// The school's own counter moves with the year's (what the cache reads again),
		// no other school's.
		assertThat(unitVersion(unit, year)).as("the school's counter").isGreaterThan(ownBefore);

		var returned = this.forms.returnWith(office, submissionId(unit), this.support.form(SCHOOL).version(),
				"Xin kiểm tra lại số học sinh.");
		assertThat(returned).isInstanceOf(SaveOutcome.Saved.class);
		long afterReturn = version(YEAR_SCOPE);
		assertThat(afterReturn).as("returned").isGreaterThan(submitted);

		save(school, unit, complete, SaveMode.DRAFT);
		assertThat(version(YEAR_SCOPE)).as("the returned report saved as a draft again").isEqualTo(afterReturn);

		save(school, unit, complete, SaveMode.SUBMIT);
		long resubmitted = version(YEAR_SCOPE);
		assertThat(resubmitted).as("submitted again").isGreaterThan(afterReturn);

		long ownResubmitted = unitVersion(unit, year);
		var approved = this.forms.approve(office, submissionId(unit), this.support.form(SCHOOL).version());
		assertThat(approved).isInstanceOf(SaveOutcome.Saved.class);
		assertThat(version(YEAR_SCOPE)).as("approved").isGreaterThan(resubmitted);
		assertThat(unitVersion(unit, year)).as("the school's counter, approved").isGreaterThan(ownResubmitted);
		assertThat(unitVersion(other, year)).as("another school's counter").isEqualTo(otherBefore);
	}

	@Test
	void shouldCountAReportMovedToAnotherYearForBothYears() {
		long submission = this.jdbc.queryForObject("""
				select s.id from submission s
				where s.school_year = ? and s.status = 'APPROVED'
				  and exists (select 1 from school_year y where y.start_year = ?
				              and not exists (select 1 from submission o where o.unit_id = s.unit_id
				                              and o.school_year = y.start_year))
				order by s.id limit 1
				""", Long.class, FormSupport.YEAR.startYear(), FormSupport.YEAR.startYear() - 1);
		long unit = this.jdbc.queryForObject("select unit_id from submission where id = ?", Long.class, submission);
		int from = FormSupport.YEAR.startYear();
		int to = from - 1;
		// Moved and moved back in one transaction that is rolled back: nothing stays.
		new org.springframework.transaction.support.TransactionTemplate(this.transactions)
			.executeWithoutResult((tx) -> {
				long fromYear = version("year:" + from);
				long toYear = version("year:" + to);
				long fromUnit = unitVersion(unit, from);
				long toUnit = unitVersion(unit, to);
				this.jdbc.update("update submission set school_year = ? where id = ?", to, submission);
				assertThat(version("year:" + from)).as("the year it left").isGreaterThan(fromYear);
				assertThat(version("year:" + to)).as("the year it went to").isGreaterThan(toYear);
				assertThat(unitVersion(unit, from)).isGreaterThan(fromUnit);
				assertThat(unitVersion(unit, to)).isGreaterThan(toUnit);
				tx.setRollbackOnly();
			});
	}

	private long unitVersion(long unit, int year) {
		return this.jdbc.query("select n from data_unit_version where unit_id = ? and school_year = ?",
				(rs) -> rs.next() ? rs.getLong(1) : 0L, unit, year);
	}

	@Test
	void shouldMoveWhenAFigureOfAnApprovedReportIsChangedByHand() {
		long approvedId = this.jdbc.queryForObject("""
				select s.id from submission s join figure f on f.submission_id = s.id
				where s.school_year = ? and s.status = 'APPROVED' order by s.id limit 1
				""", Long.class, FormSupport.YEAR.startYear());
		long before = version(YEAR_SCOPE);

		this.jdbc.update("update figure set value = value where submission_id = ? and metric_code = "
				+ "(select min(metric_code) from figure where submission_id = ?)", approvedId, approvedId);

		assertThat(version(YEAR_SCOPE)).isGreaterThan(before);
	}

	private void save(vn.chitieu.security.CurrentUser user, long unit, Map<FigureKey, String> values, SaveMode mode) {
		int version = this.forms.open(user, unit, FormSupport.YEAR).version();
		var outcome = this.forms.save(user, unit, FormSupport.YEAR,
				new FigureInput(values, Map.of(), version, Instant.now()), mode);
		assertThat(outcome).as(mode.name()).isInstanceOf(SaveOutcome.Saved.class);
	}

	private long submissionId(long unit) {
		return this.jdbc.queryForObject("select id from submission where unit_id = ? and school_year = ?", Long.class,
				unit, FormSupport.YEAR.startYear());
	}

	private BigDecimal storedPupils(long unit) {
		return this.jdbc.queryForObject("""
				select f.value from figure f join submission s on s.id = f.submission_id
				where s.unit_id = ? and s.school_year = ? and f.metric_code = 'pupils' and f.level = 'TH'
				""", BigDecimal.class, unit, FormSupport.YEAR.startYear());
	}

	private long version(String scope) {
		return this.jdbc.queryForList("select n from data_version where scope = ?", Long.class, scope)
			.stream()
			.findFirst()
			.orElse(0L);
	}

}
