package vn.chitieu.planning;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.chitieu.ChiTieuApplication;
import vn.chitieu.testsupport.FormClient;
import vn.chitieu.testsupport.HtmlForm;
import vn.chitieu.testsupport.Logins;
import vn.chitieu.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database: a plan with a new metric published on
 * instance A is seen by instance B on its next request — B's forms ask for the new figure
 * and keep it when saved (B's cached catalog would otherwise drop it silently), and B's
 * dashboards show the new plan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanInstancesIT {

	private static final String CODE = "KH-TEST-INSTANCES";

	private static final String METRIC = "test_instances_chess";

	private static final String PLAN = """
			format: chitieu/1
			plan:
			  code: KH-TEST-INSTANCES
			  title_vi: "Kế hoạch thử hai máy chủ"
			  title_en: "Two instances test plan"
			  issuer: "UBND quận Long Biên"
			  baseline_year: 2022-2023
			  target_year: 2024-2025
			metrics:
			  - {code: test_instances_chess, reported_by: school, levels: [TH], type: yes_no, section: activities,
			     name_vi: "Có câu lạc bộ cờ úp", name_en: "Has a blind chess club"}
			indicators:
			  - code: I-01
			    level: TH
			    clause: "1"
			    quote: "100% trường tiểu học có câu lạc bộ cờ úp"
			    name_vi: "Tỷ lệ trường có câu lạc bộ cờ úp"
			    name_en: "Schools with a blind chess club"
			    unit: percent
			    measure: {kind: share, condition: test_instances_chess}
			    target: {at_least: 100}
			""";

	ConfigurableApplicationContext a;

	ConfigurableApplicationContext b;

	JdbcTemplate jdbc;

	@BeforeAll
	void startTwoInstances() {
		this.a = start();
		this.b = start();
		this.jdbc = this.a.getBean(JdbcTemplate.class);
		clean();
	}

	@AfterAll
	void stopThem() {
		if (this.jdbc != null) {
			clean();
		}
		if (this.b != null) {
			this.b.close();
		}
		if (this.a != null) {
			this.a.close();
		}
	}

	@Test
	void shouldShowAPlanPublishedOnOneInstanceOnTheOthersNextRequest() throws Exception {
		var schoolCode = this.jdbc.queryForObject("""
				select u.code from org_unit u join submission s on s.unit_id = u.id
				where s.school_year = 2024 and s.status = 'DRAFT' and u.code like 'TH-%'
				order by u.code limit 1""", String.class);
		long schoolId = this.jdbc.queryForObject("select id from org_unit where code = ?", Long.class, schoolCode);
		var formPath = "/schools/" + schoolId + "/figures/2024-2025";

		// Instance B reads its catalog and the plans before anything is published.
		var school = new FormClient(port(this.b));
		school.logIn(schoolCode.toLowerCase(java.util.Locale.ROOT), Logins.PASSWORD);
		var before = school.get(formPath);
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(before.body()).doesNotContain("Có câu lạc bộ cờ úp");
		var leader = new FormClient(port(this.b));
		leader.logIn(Logins.VIEWER, Logins.PASSWORD);
		assertThat(leader.get("/progress/" + CODE).statusCode()).isEqualTo(404);
		assertThat(leader.get("/plans").body()).doesNotContain(CODE);

		// Instance A: the Office imports the plan and publishes it, asking the new
		// figure in the open year.
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(Logins.OFFICE, null,
					AuthorityUtils.createAuthorityList("ROLE_OFFICE")));
		try {
			var result = this.a.getBean(PlanLoader.class)
				.load("instances.yaml", PLAN.getBytes(StandardCharsets.UTF_8), false, Logins.OFFICE);
			assertThat(result.outcome()).isEqualTo(PlanLoader.LoadResult.Outcome.DRAFTED);
			this.a.getBean(PlanVersions.class).publish(CODE, result.version(), true, Logins.OFFICE);
		}
		finally {
			SecurityContextHolder.clearContext();
		}

		// B's next requests: the form asks for the new figure, and keeps it when saved.
		var page = school.get(formPath);
		assertThat(page.body()).contains("Có câu lạc bộ cờ úp");
		var field = Pattern.compile("<select\\b[^>]*\\bname=\"([^\"]*" + METRIC + "[^\"]*)\"").matcher(page.body());
		assertThat(field.find()).as("a field for the new figure").isTrue();
		var form = HtmlForm.of(page.body(), "figures-form").set(field.group(1), "1");
		var saved = school.post(form.action(), form.encoded("action=save"));
		assertThat(saved.statusCode()).as(saved.body()).isIn(200, 302, 303);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from figure f join submission s on s.id = f.submission_id
				where s.unit_id = ? and s.school_year = 2024 and f.metric_code = ? and f.value = 1""", Long.class,
				schoolId, METRIC))
			.as("the figure of the new metric, posted to instance B, is stored")
			.isEqualTo(1);

		// B's dashboards and plan list show the new plan.
		var dashboard = leader.get("/progress/" + CODE);
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Tỷ lệ trường có câu lạc bộ cờ úp");
		assertThat(leader.get("/plans").body()).contains(CODE);
	}

	private void clean() {
		this.jdbc.update("""
				delete from figure where metric_code = ?""", METRIC);
		this.jdbc.update("delete from plan where code = ?", CODE);
		this.jdbc.update("delete from plan_metric_start where plan_code = ?", CODE);
		this.jdbc.update("delete from metric_rule where owner = ?", "plan:" + CODE);
		this.jdbc.update("delete from metric where code = ?", METRIC);
		for (var context : List.of(this.a, this.b)) {
			context.getBean(MetricCatalog.class).refresh();
		}
	}

	private static ConfigurableApplicationContext start() {
		// The same database and sample district as every other integration test.
		var properties = new java.util.HashMap<String, Object>(TestDatabase.properties());
		properties.put("chitieu.embedded-db.enabled", "false");
		properties.put("chitieu.sample-data", "true");
		properties.put("spring.datasource.hikari.maximum-pool-size", "3");
		properties.put("server.port", "0");
		properties.put("management.server.port", "0");
		// As command-line arguments: above the application's own configuration.
		var args = properties.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toList();
		return new SpringApplicationBuilder(ChiTieuApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
