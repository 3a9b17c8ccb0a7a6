package vn.chitieu.dataentry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people save the first draft of a report that nobody has started, at the same
 * moment: one save goes through, the other is refused as a concurrent save, never an
 * error.
 */
@IntegrationTest
class ConcurrentFirstSaveIT {

	/** A primary school of the sample district that only this test touches. */
	private static final String SCHOOL = "TH-MAU-15";

	private static final int ROUNDS = 15;

	@Autowired
	OrgUnits units;

	@Autowired
	FigureForms forms;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	FormSupport support;

	ExecutorService threads = Executors.newFixedThreadPool(2);

	@BeforeEach
	void setUp() {
		this.support = new FormSupport(this.units, this.forms, this.userDetails, this.jdbc);
	}

	@AfterEach
	void tearDown() {
		this.threads.shutdownNow();
	}

	@Test
	void shouldTreatTwoFirstSavesAtOnceLikeAnyConcurrentSave() throws Exception {
		var user = this.support.user("th-mau-15");
		long unit = this.support.id(SCHOOL);
		var pupils = new FigureKey("pupils", EducationLevel.TH);
		for (int round = 0; round < ROUNDS; round++) {
			this.support.reset(SCHOOL);
			var start = new CountDownLatch(1);
			var results = new ArrayList<Future<SaveOutcome>>();
			for (var value : new String[] { "900", "950" }) {
				results.add(this.threads.submit(() -> {
					start.await();
					return this.forms.save(user, unit, FormSupport.YEAR,
							new FigureInput(Map.of(pupils, value), Map.of(), -1, Instant.now()), SaveMode.DRAFT);
				}));
			}
			start.countDown();
			var outcomes = new ArrayList<SaveOutcome>();
			for (var result : results) {
				outcomes.add(result.get(30, TimeUnit.SECONDS));
			}
			assertThat(outcomes).as("round %d", round)
				.hasOnlyElementsOfTypes(SaveOutcome.Saved.class, SaveOutcome.Conflict.class)
				.hasAtLeastOneElementOfType(SaveOutcome.Saved.class)
				.hasAtLeastOneElementOfType(SaveOutcome.Conflict.class);
			assertThat(this.jdbc.queryForObject("select count(*) from submission where unit_id = ? and school_year = ?",
					Long.class, unit, FormSupport.YEAR.startYear()))
				.isEqualTo(1);
		}
	}

}
