package vn.chitieu.dataentry;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.PlanLoader;
import vn.chitieu.planning.PlanVersions;
import vn.chitieu.testsupport.FormSupport;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a form needs of the plans is read once per change of the plans, not on every form
 * opened or saved, and read again on the next request after any change to them: one
 * published here, or one made in the database by another instance or by hand. Counted
 * with Hibernate's statistics: the published plans loaded per request.
 */
@IntegrationTest
class FormCacheIT {

	private static final String PRIMARY = "TH-MAU-13";

	private static final String SECONDARY = "THCS-MAU-02";

	private static final String CODE = "KH-TEST-FORMCACHE";

	private static final String METRIC_NAME = "Có câu lạc bộ người máy";

	private static final String PLAN = """
			format: chitieu/1
			plan:
			  code: KH-TEST-FORMCACHE
			  title_vi: "Kế hoạch thử bộ nhớ của biểu mẫu"
			  title_en: "Form cache test plan"
			  issuer: "UBND quận Long Biên"
			  baseline_year: 2022-2023
			  target_year: 2024-2025
			metrics:
			  - {code: test_formcache_robots, reported_by: school, levels: [TH], type: yes_no, section: activities,
			     name_vi: "Có câu lạc bộ người máy", name_en: "Has a robotics club"}
			indicators:
			  - code: I-01
			    level: TH
			    clause: "1"
			    quote: "100% trường tiểu học có câu lạc bộ người máy"
			    name_vi: "Tỷ lệ trường có câu lạc bộ người máy"
			    name_en: "Schools with a robotics club"
			    unit: percent
			    measure: {kind: share, condition: test_formcache_robots}
			    target: {at_least: 100}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrgUnits units;

	@Autowired
	FigureForms forms;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	PlanLoader loader;

	@Autowired
	PlanVersions versions;

	@Autowired
	MetricCatalog catalog;

	Logins logins;

	FormSupport support;

	Statistics statistics;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
		this.support = new FormSupport(this.units, this.forms, this.userDetails, this.jdbc);
		clean();
		this.statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		this.statistics.setStatisticsEnabled(true);
	}

	@AfterEach
	void tearDown() {
		this.statistics.setStatisticsEnabled(false);
		clean();
	}

	@Test
	void shouldReadThePlansOnceForManyFormsAndAgainOnTheRequestAfterTheyChange() throws Exception {
		// A change made elsewhere (another instance, a fix by hand): the next form reads
		// the plans again.
		this.jdbc.update("update plan set title_vi = title_vi where status = 'PUBLISHED'");
		assertThat(plansLoadedBy(() -> open(PRIMARY))).as("plans read after they changed").isPositive();

		// Many forms after it, of schools of both levels: the plans are not read again.
		assertThat(plansLoadedBy(() -> {
			for (int i = 0; i < 3; i++) {
				open(PRIMARY);
				open(SECONDARY);
			}
		})).as("plans read for six more forms").isZero();

		// A plan published here that asks a new figure in the open year: on the next
		// form.
		publish();
		assertThat(plansLoadedBy(() -> assertThat(open(PRIMARY)).contains(METRIC_NAME)))
			.as("plans read after a plan was published")
			.isPositive();
		assertThat(plansLoadedBy(() -> assertThat(open(PRIMARY)).contains(METRIC_NAME))).isZero();

		// The same plan asked only from next year, changed in the database by another
		// instance: the next form no longer asks it.
		this.jdbc.update("update plan_metric_start set from_year = 2025 where plan_code = ?", CODE);
		assertThat(plansLoadedBy(() -> assertThat(open(PRIMARY)).doesNotContain(METRIC_NAME)))
			.as("plans read after the start of the new figure moved")
			.isPositive();
	}

	private String open(String school) throws Exception {
		return this.mvc
			.perform(get(this.support.schoolPath(school)).with(this.logins.as(school.toLowerCase(Locale.ROOT)))
				.locale(Locale.forLanguageTag("vi")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** How many published plans the work loaded from the database. */
	private long plansLoadedBy(Work work) throws Exception {
		this.statistics.clear();
		work.run();
		return this.statistics.getEntityStatistics("vn.chitieu.planning.PlanEntity").getLoadCount();
	}

	private void publish() {
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(Logins.OFFICE, null,
					AuthorityUtils.createAuthorityList("ROLE_OFFICE")));
		try {
			var result = this.loader.load("formcache.yaml", PLAN.getBytes(StandardCharsets.UTF_8), false,
					Logins.OFFICE);
			assertThat(result.outcome()).isEqualTo(PlanLoader.LoadResult.Outcome.DRAFTED);
			this.versions.publish(CODE, result.version(), true, Logins.OFFICE);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void clean() {
		this.jdbc.update("delete from figure where metric_code = 'test_formcache_robots'");
		this.jdbc.update("delete from plan where code = ?", CODE);
		this.jdbc.update("delete from plan_metric_start where plan_code = ?", CODE);
		this.jdbc.update("delete from metric_rule where owner = ?", "plan:" + CODE);
		this.jdbc.update("delete from metric where code = 'test_formcache_robots'");
		this.catalog.refresh();
	}

	@FunctionalInterface
	private interface Work {

		void run() throws Exception;

	}

}
