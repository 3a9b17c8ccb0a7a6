package vn.chitieu.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import vn.chitieu.dataentry.FigureForms;
import vn.chitieu.dataentry.FigureInput;
import vn.chitieu.dataentry.SaveMode;
import vn.chitieu.dataentry.SaveOutcome;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.MeasureKind;
import vn.chitieu.testsupport.FormSupport;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress read from the database: the same numbers as a direct computation over the
 * approved figures, a figure approved now counting on the next call, submitted figures
 * only when asked, a school's own position from its own figures only.
 */
@IntegrationTest
class ProgressIT {

	private static final String PLAN = "KH-157-UBND-2022";

	private static final String SCHOOL = "TH-MAU-12";

	private static final SchoolYear YEAR = FormSupport.YEAR;

	@Autowired
	Progress progress;

	@Autowired
	OrgUnits units;

	@Autowired
	FigureForms forms;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	FigureSource figureSource;

	@Autowired
	vn.chitieu.planning.Plans plans;

	@Autowired
	vn.chitieu.planning.MetricCatalog catalog;

	FormSupport support;

	@BeforeEach
	void setUp() {
		this.support = new FormSupport(this.units, this.forms, this.userDetails, this.jdbc);
	}

	@Test
	void shouldGiveTheSameValueAsADirectComputationOverTheApprovedFigures() {
		// TH-15: managers and teachers with a degree over managers and teachers, public
		// and
		// private primary schools that reported all four figures, approved ones only.
		var expected = this.jdbc.queryForObject(
				"""
						select sum(n) * 100.0 / sum(d) from (
						  select s.unit_id,
						         sum(f.value) filter (where f.metric_code in ('managers_university_plus', 'teachers_university_plus')) as n,
						         sum(f.value) filter (where f.metric_code in ('managers', 'teachers')) as d,
						         count(*) filter (where f.metric_code in ('managers_university_plus', 'teachers_university_plus',
						                                                  'managers', 'teachers')) as k
						  from submission s join figure f on f.submission_id = s.id
						  where s.school_year = 2023 and s.status = 'APPROVED' and f.level = 'TH'
						  group by s.unit_id) t
						where k = 4
						""",
				BigDecimal.class);
		var value = this.progress.plan(PLAN, SchoolYear.of(2023), false)
			.orElseThrow()
			.indicator("TH-15")
			.orElseThrow()
			.year(SchoolYear.of(2023))
			.orElseThrow()
			.result()
			.value();
		assertThat(value.setScale(6, RoundingMode.HALF_UP))
			.isEqualByComparingTo(expected.setScale(6, RoundingMode.HALF_UP));
	}

	@Test
	void shouldCountAFigureOnTheNextCallOnceApprovedAndSubmittedOnesOnlyWhenAsked() {
		this.support.reset(SCHOOL);
		int before = used("TH-15", false);
		int beforeWithSubmitted = used("TH-15", true);

		var school = this.support.user(SCHOOL.toLowerCase());
		var saved = this.forms.save(school, this.support.id(SCHOOL), YEAR,
				new FigureInput(this.support.complete(SCHOOL), Map.of(), -1, Instant.now()), SaveMode.SUBMIT);
		assertThat(saved).isInstanceOf(SaveOutcome.Saved.class);
		assertThat(used("TH-15", false)).isEqualTo(before);
		assertThat(used("TH-15", true)).isEqualTo(beforeWithSubmitted + 1);

		var submission = this.support.form(SCHOOL).submission().orElseThrow();
		var office = this.support.user(Logins.OFFICE);
		assertThat(this.forms.approve(office, submission.id(), submission.version()))
			.isInstanceOf(SaveOutcome.Saved.class);
		assertThat(used("TH-15", false)).isEqualTo(before + 1);
	}

	@Test
	void shouldComputeOnceForACrowdThatAsksRightAfterAChange() throws Exception {
		this.progress.plan(PLAN, YEAR, false).orElseThrow();
		var timer = io.micrometer.core.instrument.Metrics.globalRegistry.find("chitieu.progress.compute")
			.tag("view", "overview")
			.timer();
		for (int round = 0; round < 3; round++) {
			// The open year's counter moves, as with an approval.
			this.jdbc.queryForObject("select data_version_bump_years(array[?])::text", String.class, YEAR.startYear());
			long before = timer.count();
			var start = new java.util.concurrent.CountDownLatch(1);
			var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
			try {
				var answers = new java.util.ArrayList<java.util.concurrent.Future<PlanProgress>>();
				for (int i = 0; i < 8; i++) {
					answers.add(pool.submit(() -> {
						start.await();
						return this.progress.plan(PLAN, YEAR, false).orElseThrow();
					}));
				}
				start.countDown();
				var first = answers.get(0).get();
				for (var answer : answers) {
					// The same result, computed once, for all eight.
					assertThat(answer.get()).isSameAs(first);
				}
			}
			finally {
				pool.shutdown();
			}
			assertThat(timer.count() - before).as("computations in round " + round).isEqualTo(1);
		}
	}

	@Test
	void shouldKeepTheConnectionPoolFreeWhileACrowdWaitsForAnOverview() throws Exception {
		this.progress.plan(PLAN, YEAR, false).orElseThrow();
		var answers = crowdWhileTheFiguresAreSlow("overview",
				() -> this.progress.plan(PLAN, YEAR, false).orElseThrow());
		// The crowd's answer is the one kept for the current data.
		assertThat(this.progress.plan(PLAN, YEAR, false).orElseThrow()).isSameAs(answers.get(0));
	}

	@Test
	void shouldKeepTheConnectionPoolFreeWhileACrowdWaitsForAnIndicator() throws Exception {
		this.progress.indicator(PLAN, "TH-15", YEAR, false).orElseThrow();
		var answers = crowdWhileTheFiguresAreSlow("indicator",
				() -> this.progress.indicator(PLAN, "TH-15", YEAR, false).orElseThrow());
		assertThat(this.progress.indicator(PLAN, "TH-15", YEAR, false).orElseThrow()).isSameAs(answers.get(0));
	}

	/**
	 * A crowd larger than the connection pool asks right after a change while reading the
	 * figures is slow (the table locked, as under a big load): the one request computing
	 * holds one connection, the others wait for its result holding none, so the rest of
	 * the application still gets connections; then everyone gets the one result.
	 */
	private <T> List<T> crowdWhileTheFiguresAreSlow(String view, Callable<T> ask) throws Exception {
		var pool = (HikariDataSource) this.dataSource;
		int crowd = pool.getMaximumPoolSize() + 6;
		var registry = io.micrometer.core.instrument.Metrics.globalRegistry;
		var computations = registry.find("chitieu.progress.compute").tag("view", view).timer();
		var misses = registry.find("chitieu.progress.cache").tags("cache", view, "result", "recompute").counter();
		long computedBefore = computations.count();
		double missedBefore = misses.count();
		var executor = Executors.newFixedThreadPool(crowd);
		try (var locker = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
			locker.setAutoCommit(false);
			this.jdbc.queryForObject("select data_version_bump_years(array[?])::text", String.class, YEAR.startYear());
			locker.createStatement().execute("lock table figure in access exclusive mode");
			var answers = new ArrayList<Future<T>>();
			for (int i = 0; i < crowd; i++) {
				answers.add(executor.submit(ask));
			}
			// Everyone has read the counters and missed the cache…
			var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (misses.count() - missedBefore < crowd && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(misses.count() - missedBefore).as("requests that got as far as the cache").isEqualTo(crowd);
			// …and one of them reads the figures, waiting for the lock.
			while (waitingForALock(locker) == 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(waitingForALock(locker)).isEqualTo(1);
			assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use").isEqualTo(1);
			var probe = CompletableFuture.supplyAsync(() -> this.jdbc.queryForObject("select 1", Integer.class));
			assertThat(probe.get(5, TimeUnit.SECONDS)).isEqualTo(1);
			assertThat(answers).noneMatch(Future::isDone);

			locker.commit();
			var results = new ArrayList<T>();
			for (var answer : answers) {
				results.add(answer.get(30, TimeUnit.SECONDS));
			}
			assertThat(results).allSatisfy((result) -> assertThat(result).isSameAs(results.get(0)));
			assertThat(computations.count() - computedBefore).as("computations").isEqualTo(1);
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static int waitingForALock(Connection connection) throws SQLException {
		try (var statement = connection.createStatement();
				var result = statement.executeQuery("select count(*) from pg_stat_activity "
						+ "where wait_event_type = 'Lock' and datname = current_database()")) {
			result.next();
			return result.getInt(1);
		}
	}

	@Test
	void shouldReadAgainOnlyTheSchoolWhoseFiguresChanged() {
		for (boolean submitted : new boolean[] { false, true }) {
			this.progress.plan(PLAN, YEAR, submitted).orElseThrow();
		}
		var registry = io.micrometer.core.instrument.Metrics.globalRegistry;
		var units = registry.counter("chitieu.progress.read", "read", "units");
		var years = registry.counter("chitieu.progress.read", "read", "year");
		double unitsBefore = units.count();
		double yearsBefore = years.count();
		var submission = this.jdbc.queryForObject("""
				select s.id from submission s join org_unit u on u.id = s.unit_id
				where u.code = 'TH-MAU-14' and s.school_year = ? and s.status = 'APPROVED'
				""", Long.class, YEAR.startYear());
		var change = "update figure set value = value + ? where metric_code = 'teachers' and submission_id = ?";
		try {
			// A figure corrected: that school read again, the year's 200 others kept.
			assertThat(this.jdbc.update(change, 7, submission)).isEqualTo(1);
			for (boolean submitted : new boolean[] { false, true }) {
				assertThat(this.progress.plan(PLAN, YEAR, submitted).orElseThrow().indicators())
					.isEqualTo(fromScratch(submitted));
			}
			assertThat(units.count() - unitsBefore).isEqualTo(2);
			assertThat(years.count()).isEqualTo(yearsBefore);

			// Its approval undone: its figures count only where submitted ones do.
			this.jdbc.update("update submission set status = 'SUBMITTED' where id = ?", submission);
			for (boolean submitted : new boolean[] { false, true }) {
				assertThat(this.progress.plan(PLAN, YEAR, submitted).orElseThrow().indicators())
					.isEqualTo(fromScratch(submitted));
			}
			assertThat(units.count() - unitsBefore).isEqualTo(4);
			assertThat(years.count()).isEqualTo(yearsBefore);
		}
		finally {
			this.jdbc.update("update submission set status = 'APPROVED' where id = ?", submission);
			this.jdbc.update(change, -7, submission);
		}
		assertThat(this.progress.plan(PLAN, YEAR, false).orElseThrow().indicators()).isEqualTo(fromScratch(false));

		// A counter moved by hand, with no unit's: the whole year read again.
		this.jdbc.queryForObject("select data_version_bump_years(array[?])::text", String.class, YEAR.startYear());
		double yearsNow = years.count();
		assertThat(this.progress.plan(PLAN, YEAR, false).orElseThrow().indicators()).isEqualTo(fromScratch(false));
		assertThat(years.count()).isEqualTo(yearsNow + 1);
	}

	/** The plan's indicators computed from figures read whole now, with no cache. */
	private List<IndicatorProgress> fromScratch(boolean submitted) {
		var definition = this.plans.find(PLAN).orElseThrow().definition();
		var needed = new ArrayList<SchoolYear>();
		for (var year = definition.baselineYear().previous(); !year.isAfter(YEAR); year = year.next()) {
			needed.add(year);
		}
		var data = this.figureSource.load(needed, submitted);
		var engine = new ProgressEngine((code) -> this.catalog.find(code).orElse(null));
		return definition.indicators()
			.stream()
			.map((indicator) -> engine.compute(definition, indicator, data, YEAR, false))
			.toList();
	}

	@Test
	void shouldSeeAFigureChangedOutsideTheApplication() {
		var before = latest("TH-15", false).result();
		// A correction made directly in the database (a restore, a fix by hand).
		int changed = this.jdbc.update("""
				update figure set value = value + 1
				where metric_code = 'teachers' and level = 'TH' and submission_id = (
				  select s.id from submission s join org_unit u on u.id = s.unit_id
				  where u.code = 'TH-MAU-14' and s.school_year = ? and s.status = 'APPROVED')
				""", YEAR.startYear());
		assertThat(changed).isEqualTo(1);
		try {
			var after = latest("TH-15", false).result();
			assertThat(after.denominator()).isEqualByComparingTo(before.denominator().add(BigDecimal.ONE));
		}
		finally {
			this.jdbc.update("""
					update figure set value = value - 1
					where metric_code = 'teachers' and level = 'TH' and submission_id = (
					  select s.id from submission s join org_unit u on u.id = s.unit_id
					  where u.code = 'TH-MAU-14' and s.school_year = ?)
					""", YEAR.startYear());
		}
	}

	@Test
	void shouldComputeASchoolsPositionFromItsOwnFiguresOnly() {
		long id = this.support.id("TH-MAU-14");
		var position = this.progress.school(PLAN, id, YEAR, false).orElseThrow();
		assertThat(position.indicators()).isNotEmpty();
		assertThat(position.indicators()).extracting((i) -> i.indicator().code())
			.contains("TH-04", "TH-13", "TH-15")
			// enrolment over the wards' population, other levels, the Office's own
			// figures
			.doesNotContain("TH-01", "MN-01", "THCS-15", "MN-25");
		for (var indicator : position.indicators()) {
			for (var year : indicator.years()) {
				assertThat(year.result().units()).allMatch((u) -> u.unit().unitId() == id);
			}
			if (indicator.indicator().measure().kind() == MeasureKind.RATIO) {
				assertThat(indicator.latest().result().inScope()).isEqualTo(1);
			}
		}
	}

	@Test
	void shouldShowOnlyTheWardsAsked() {
		long ward = this.support.id("P-GIATHUY");
		var wards = this.progress.wards(PLAN, YEAR, false, (w) -> w == ward).orElseThrow();
		assertThat(wards.rows()).extracting((r) -> r.ward().unitId()).containsExactly(ward);
		assertThat(wards.rates()).extracting((i) -> i.code()).contains("MN-01", "TH-01", "THCS-01");
		assertThat(wards.counted()).extracting((i) -> i.code()).contains("MN-04", "TH-02");
		// The ward's own rate: its schools' pupils over its own population.
		var rate = wards.rows().get(0).rates().get("TH-01");
		assertThat(rate.wardsInScope()).isEqualTo(1);
		assertThat(rate.inScope()).isPositive();
	}

	@Test
	void shouldShowThePublicLowerSecondarySchoolsAtTheStandardAsUndecidedWhileSomeHaveNotReported() {
		// Counted independently: public lower-secondary schools open in the year, and
		// their approved national-standard level (none approved: unknown).
		var levels = this.jdbc.queryForList("""
				select (select f.value from submission s join figure f on f.submission_id = s.id
				        where s.unit_id = u.id and s.school_year = ? and s.status = 'APPROVED'
				          and f.level = 'THCS' and f.metric_code = 'national_standard_level') as level
				from org_unit u join school_level l on l.school_id = u.id and l.level = 'THCS'
				where u.kind = 'SCHOOL' and u.ownership = 'PUBLIC' and u.active
				  and (u.opened_year is null or u.opened_year <= ?)
				""", BigDecimal.class, YEAR.startYear(), YEAR.startYear());
		long met = levels.stream().filter((l) -> l != null && l.signum() > 0).count();
		long notMet = levels.stream().filter((l) -> l != null && l.signum() == 0).count();
		long unknown = levels.stream().filter((l) -> l == null).count();
		assertThat(levels).hasSize(22);
		assertThat(unknown).as("the open year still has schools without approved figures").isPositive();

		var thcs04 = latest("THCS-04", false);
		assertThat(thcs04.result().used()).isEqualTo(met + notMet);
		assertThat(thcs04.result().inScope()).isEqualTo(22);
		assertThat(six(thcs04.result().value())).isEqualByComparingTo(percent(met, met + notMet));
		assertThat(six(thcs04.result().bounds().low())).isEqualByComparingTo(percent(met, 22));
		assertThat(six(thcs04.result().bounds().high())).isEqualByComparingTo(percent(met + unknown, 22));
		assertThat(thcs04.estimate()).isTrue();
		// 100 % is reached only if every school not yet reported is at the standard.
		assertThat(thcs04.status()).isEqualTo((notMet == 0) ? ProgressStatus.UNDECIDED : ProgressStatus.OFF_TRACK);
	}

	@Test
	void shouldGiveNoVerdictInTheOpenYearThatTheReportedFiguresDoNotDecide() {
		var plan = this.progress.plan(PLAN, YEAR, false).orElseThrow();
		int undecided = 0;
		for (var indicator : plan.indicators()) {
			var year = indicator.latest();
			for (var target : year.targets()) {
				var result = target.result();
				if (!target.status().isVerdict() || result.complete()) {
					continue;
				}
				var code = indicator.indicator().code();
				if (result.bounds() == null) {
					// Ratios, averages, sums: an estimate, so the verdict must say so.
					assertThat(target.provisional()).as(code + " is computed from incomplete figures").isTrue();
				}
				else if (target.status() == ProgressStatus.OFF_TRACK && !target.target().increment()
						&& target.target().value() != null) {
					// Missed although units are missing: even the most favourable bound
					// misses.
					var best = switch (target.target().shape()) {
						case AT_MOST, BELOW -> result.bounds().low();
						default -> result.bounds().high();
					};
					assertThat(meets(target.target(), best)).as(code + " at its best bound " + best).isFalse();
				}
			}
			if (year.status() == ProgressStatus.UNDECIDED) {
				undecided++;
			}
		}
		assertThat(undecided).as("some indicators wait for schools to report").isPositive();
	}

	@Test
	void shouldKeepAsOfWithinThePlan() {
		var plan = this.progress.plan(PLAN, SchoolYear.of(2030), false).orElseThrow();
		assertThat(plan.asOf()).isEqualTo(SchoolYear.of(2024));
		assertThat(plan.years()).first().isEqualTo(SchoolYear.of(2020));
		assertThat(plan.indicators()).hasSize(80);
		assertThat(this.progress.plan("NO-SUCH-PLAN", YEAR, false)).isEmpty();
	}

	private int used(String code, boolean submitted) {
		return latest(code, submitted).result().used();
	}

	private YearProgress latest(String code, boolean submitted) {
		return this.progress.plan(PLAN, YEAR, submitted).orElseThrow().indicator(code).orElseThrow().latest();
	}

	private static BigDecimal percent(long part, long whole) {
		return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
	}

	private static BigDecimal six(BigDecimal value) {
		return value.setScale(6, RoundingMode.HALF_UP);
	}

	/** Whether a value meets a target, worked out here rather than by the engine. */
	private static boolean meets(vn.chitieu.planning.Target target, BigDecimal value) {
		return switch (target.shape()) {
			case AT_LEAST -> value.compareTo(target.value()) >= 0;
			case ABOVE -> value.compareTo(target.value()) > 0;
			case AT_MOST -> value.compareTo(target.value()) <= 0;
			case BELOW -> value.compareTo(target.value()) < 0;
			case EXACTLY -> value.compareTo(target.value()) == 0;
			case BETWEEN -> value.compareTo(target.value()) >= 0 && value.compareTo(target.high()) <= 0;
			default -> throw new IllegalArgumentException(target.shape().name());
		};
	}

}
