package vn.chitieu.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chitieu.ChiTieuApplication;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.report.OfficialReport;
import vn.chitieu.report.RawFigures;
import vn.chitieu.security.NewUser;
import vn.chitieu.security.Role;
import vn.chitieu.security.Users;
import vn.chitieu.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast progress is computed and the district overview rendered, on a synthetic
 * district of about 150 schools and a city of about 3,000, five school years each. Not a
 * test: it reports figures (median and 95th percentile) and asserts only that the pages
 * answer. Run with {@code ./mvnw -Pbenchmark test}; results go to the console and to
 * {@code target/benchmarks.md}. See {@code docs/benchmarks.md}.
 */
class ProgressBenchmark {

	private static final String PLAN = "KH-157-UBND-2022";

	private static final SchoolYear YEAR = SchoolYear.of(2024);

	private final StringBuilder report = new StringBuilder();

	@Test
	void measure() throws Exception {
		var scales = System.getProperty("benchmark.scales", "150,3000");
		var into = System.getProperty("benchmark.generateOnly");
		if (into != null && !into.isBlank()) {
			// For the load test (bench/load.py --scale city): the synthetic data in a
			// database of that name, kept, with the OFFICE login "bench", and nothing
			// measured.
			generateOnly(Integer.parseInt(scales.split(",")[0].strip()), into.strip());
			return;
		}
		this.report.append("| scale | measure | runs | median (ms) | p95 (ms) |\n|---|---|---|---|---|\n");
		for (var scale : scales.split(",")) {
			run(Integer.parseInt(scale.strip()));
		}
		var out = Path.of("target", "benchmarks.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, this.report.toString());
		System.out.println("\n" + this.report);
	}

	private void generateOnly(int schools, String database) throws Exception {
		if (!database.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain database name: " + database);
		}
		int wards = Math.max(14, schools * 14 / 150);
		dropDatabase(database);
		var url = createDatabase(database);
		var context = start(url);
		try {
			var jdbc = context.getBean(JdbcTemplate.class);
			long started = System.nanoTime();
			generate(jdbc, schools, wards);
			long figures = jdbc.queryForObject("select count(*) from figure", Long.class);
			context.getBean(Users.class)
				.create(new NewUser("bench", "benchmark-password", "Benchmark", Role.OFFICE, null, false), "benchmark");
			System.out.printf("%ngenerated %d schools, %d wards, %,d figures into database %s in %.1f s%n", schools,
					wards, figures, database, (System.nanoTime() - started) / 1e9);
		}
		finally {
			context.close();
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(ChiTieuApplication.class).run("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + username(), "--spring.datasource.password=" + password(),
				"--chitieu.embedded-db.enabled=false", "--chitieu.sample-data=false", "--server.port=0",
				"--management.server.port=0", "--logging.level.root=warn",
				// Generating the city's 753,340 figures takes longer than a request may.
				"--CHITIEU_DB_STATEMENT_TIMEOUT_MS=600000");
	}

	private void run(int schools) throws Exception {
		int wards = Math.max(14, schools * 14 / 150);
		var database = "chitieu_bench_" + schools + "_" + System.currentTimeMillis();
		var url = createDatabase(database);
		System.out.printf("%n== %d schools, %d wards, database %s%n", schools, wards, database);
		var context = start(url);
		try {
			var jdbc = context.getBean(JdbcTemplate.class);
			long started = System.nanoTime();
			generate(jdbc, schools, wards);
			long figures = jdbc.queryForObject("select count(*) from figure", Long.class);
			System.out.printf("generated %,d figures in %.1f s%n", figures, (System.nanoTime() - started) / 1e9);
			context.getBean(Users.class)
				.create(new NewUser("bench", "benchmark-password", "Benchmark", Role.OFFICE, null, false), "benchmark");
			measure(context, jdbc, schools, figures);
		}
		finally {
			context.close();
			if (!Boolean.getBoolean("benchmark.keep")) {
				dropDatabase(database);
			}
		}
	}

	private void measure(ConfigurableApplicationContext context, JdbcTemplate jdbc, int schools, long figures)
			throws Exception {
		var progress = context.getBean(Progress.class);
		var label = "%,d schools (%,d figures)".formatted(schools, figures);
		// What a change costs: an approval makes its school year's figures be read again;
		// a
		// change to the organisation or the plans, every year's.
		Runnable approval = () -> jdbc.update("update data_version set n = n + 1 where scope = 'year:2024'");
		Runnable everything = () -> jdbc.update("update data_version set n = n + 1 where scope = 'all'");
		Supplier<Integer> both = () -> progress.plan(PLAN, YEAR, false).orElseThrow().indicators().size()
				+ progress.plan("KH-NH-2019-2020", SchoolYear.of(2019), false).orElseThrow().indicators().size();

		// 1. Every indicator of both plans, as the dashboards ask for them.
		time(label, "all 107 indicators, nothing changed (cached)", 50, both);
		time(label, "all 107 indicators, after an approval (one year read again + compute)", 20, () -> {
			approval.run();
			return both.get();
		});
		time(label, "all 107 indicators, after a change to units or plans (all read again + compute)", 10, () -> {
			everything.run();
			return both.get();
		});

		// 2. The computation alone, on figures already in memory.
		var engine = new ProgressEngine(
				(code) -> context.getBean(vn.chitieu.planning.MetricCatalog.class).find(code).orElse(null));
		var plans = context.getBean(vn.chitieu.planning.Plans.class);
		var kh157 = plans.find(PLAN).orElseThrow().definition();
		var y19 = plans.find("KH-NH-2019-2020").orElseThrow().definition();
		var source = context.getBean(FigureSource.class);
		var transactions = new org.springframework.transaction.support.TransactionTemplate(
				context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
		var data = transactions
			.execute((status) -> source.load(List.of(SchoolYear.of(2018), SchoolYear.of(2019), SchoolYear.of(2020),
					SchoolYear.of(2021), SchoolYear.of(2022), SchoolYear.of(2023), SchoolYear.of(2024)), false));
		time(label, "all 107 indicators, compute only (figures in memory)", 30, () -> {
			int n = 0;
			for (var plan : List.of(kh157, y19)) {
				for (var indicator : plan.indicators()) {
					n += engine.compute(plan, indicator, data, plan.targetYear(), false).years().size();
				}
			}
			return n;
		});

		// 3. The district overview page, over HTTP, through the whole stack.
		int port = serverPort(context);
		var client = login(port);
		var overview = URI.create("http://localhost:" + port + "/progress/" + PLAN + "?year=2024-2025");
		// A server runs for days: measure it warm (the JIT compiler done), as users meet
		// it.
		for (int i = 0; i < 150; i++) {
			get(client, overview);
		}
		time(label, "district overview page", 50, () -> get(client, overview));
		time(label, "district overview page, after an approval", 20, () -> {
			approval.run();
			return get(client, overview);
		});
		draftBurst(jdbc, label, client, overview);
		var indicator = URI.create("http://localhost:" + port + "/progress/" + PLAN + "/indicators/TH-04");
		get(client, indicator);
		time(label, "indicator page with its breakdown (TH-04)", 30, () -> get(client, indicator));

		// 4. The exports, written to nowhere: time, size and the heap they need.
		var official = context.getBean(OfficialReport.class);
		export(label, "official report (.xlsx, every sheet)", 5, (out) -> official.write(PLAN, YEAR, false, out));
		var raw = context.getBean(RawFigures.class);
		export(label, "every figure of a year (.xlsx)", 5, (out) -> raw.write(YEAR, out));
	}

	private void export(String scale, String what, int runs, Export export) throws IOException {
		var out = new CountingStream();
		export.write(out);
		var millis = new double[runs];
		long peak = 0;
		long before = 0;
		var pools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((p) -> p.getType() == MemoryType.HEAP)
			.toList();
		for (int i = 0; i < runs; i++) {
			// What stays in the heap anyway (the application, its caches), then the most
			// the heap held while the file was written.
			System.gc();
			before = Math.max(before, pools.stream().mapToLong((p) -> p.getUsage().getUsed()).sum());
			pools.forEach(MemoryPoolMXBean::resetPeakUsage);
			out = new CountingStream();
			long start = System.nanoTime();
			export.write(out);
			millis[i] = (System.nanoTime() - start) / 1e6;
			peak = Math.max(peak, pools.stream().mapToLong((p) -> p.getPeakUsage().getUsed()).sum());
		}
		Arrays.sort(millis);
		var line = String.format(Locale.ROOT,
				"| %s | %s: %,d KB; heap %,d MB before, at most %,d MB while writing | %d | %.1f | %.1f |%n", scale,
				what, out.count / 1024, before / (1024 * 1024), peak / (1024 * 1024), runs, millis[runs / 2],
				millis[runs - 1]);
		System.out.print(line);
		this.report.append(line);
	}

	@FunctionalInterface
	private interface Export {

		void write(OutputStream out) throws IOException;

	}

	private static final class CountingStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.count += length;
		}

	}

	// ------------------------------------------------------------------ timing

	/**
	 * The overview while schools save drafts, one save every 20 ms (the deadline-day
	 * crowd), side by side: as the counters were before V17 (every save moved the open
	 * year's counter, which the saving thread reproduces by moving it itself) and as they
	 * are (a draft's figures move nothing).
	 */
	private void draftBurst(JdbcTemplate jdbc, String label, HttpClient client, URI overview) throws Exception {
		var drafts = jdbc.queryForList("""
				update submission set status = 'DRAFT' where id in (
				  select id from submission where school_year = 2024 and status = 'APPROVED' order by id limit 20)
				returning id
				""", Long.class);
		for (boolean before : new boolean[] { true, false }) {
			var running = new java.util.concurrent.atomic.AtomicBoolean(true);
			var saves = new java.util.concurrent.atomic.AtomicInteger();
			var saver = new Thread(() -> {
				while (running.get()) {
					long id = drafts.get(saves.getAndIncrement() % drafts.size());
					jdbc.update("update figure set value = value where submission_id = ? and metric_code = "
							+ "(select min(metric_code) from figure where submission_id = ?)", id, id);
					if (before) {
						jdbc.update("update data_version set n = n + 1 where scope = 'year:2024'");
					}
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "draft-saves");
			saver.start();
			try {
				time(label, "district overview page during draft saves every 20 ms, "
						+ (before ? "counters as before V17 (every save)" : "counters now (submit/approve only)"), 50,
						() -> get(client, overview));
			}
			finally {
				running.set(false);
				saver.join();
			}
		}
		jdbc.update("update submission set status = 'APPROVED' where id = any (?)",
				(Object) drafts.toArray(Long[]::new));
	}

	private void time(String scale, String what, int runs, Supplier<Integer> work) {
		for (int i = 0; i < 3; i++) {
			work.get();
		}
		var millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			int result = work.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
			assertThat(result).isPositive();
		}
		Arrays.sort(millis);
		double median = (runs % 2 == 1) ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
		double p95 = millis[(int) Math.ceil(0.95 * runs) - 1];
		var line = String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f |%n", scale, what, runs, median, p95);
		System.out.print(line);
		this.report.append(line);
	}

	// ------------------------------------------------------------------ HTTP

	private static HttpClient login(int port) throws IOException, InterruptedException {
		var client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		var page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).isTrue();
		var form = "username=bench&password=benchmark-password&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return client;
	}

	private static int get(HttpClient client, URI uri) {
		try {
			var response = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
			assertThat(response.body()).contains("</html>");
			return response.body().length();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int serverPort(ConfigurableApplicationContext context) {
		return ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer()
			.getPort();
	}

	// ------------------------------------------------------------------ the synthetic
	// district

	/**
	 * Wards, schools (40 % preschools, a third primary, a quarter lower secondary, a few
	 * teaching two levels; one in ten private; one in fifty new), five school years of
	 * approved figures (one in twenty only submitted) for every metric of their level,
	 * ward populations and the Office's own figures.
	 */
	private static void generate(JdbcTemplate jdbc, int schools, int wards) {
		jdbc.update("insert into school_year (start_year, open) select y, y = 2024 from generate_series(2019, 2024) y");
		jdbc.update("insert into org_unit (kind, code, name) values ('DISTRICT', 'BENCH', 'Quận thử tải')");
		jdbc.update("""
				insert into org_unit (kind, code, name, parent_id)
				select 'WARD', 'P-' || i, 'Phường ' || i, (select id from org_unit where code = 'BENCH')
				from generate_series(1, ?) i
				""", wards);
		jdbc.update("""
				insert into org_unit (kind, code, name, parent_id, ownership, opened_year)
				select 'SCHOOL', 'S-' || i, 'Trường ' || i, (select id from org_unit where code = 'P-' || (1 + i % ?)),
				       case when i % 10 = 0 then 'PRIVATE' else 'PUBLIC' end,
				       case when i % 50 = 0 then 2022 end
				from generate_series(1, ?) i
				""", wards, schools);
		jdbc.update("""
				insert into school_level (school_id, level)
				select id, case when n % 100 < 40 then 'MN' when n % 100 < 72 then 'TH' else 'THCS' end
				from (select id, substring(code from 3)::int as n from org_unit where kind = 'SCHOOL') s
				""");
		jdbc.update("""
				insert into school_level (school_id, level)
				select id, 'THCS' from org_unit
				where kind = 'SCHOOL' and substring(code from 3)::int % 100 in (70, 71)
				""");
		jdbc.update("""
				insert into submission (unit_id, school_year, status, created_at, updated_at, updated_by)
				select u.id, y, case when random() < 0.05 then 'SUBMITTED' else 'APPROVED' end, now(), now(), 'bench'
				from org_unit u cross join generate_series(2020, 2024) y
				where u.opened_year is null or u.opened_year <= y
				""");
		jdbc.update("""
				insert into figure (submission_id, metric_code, level, value, updated_at, updated_by)
				select s.id, m.code, l.level,
				       case m.value_type when 'YES_NO' then (random() < 0.7)::int
				                         when 'LEVEL' then floor(random() * 3)
				                         else floor(20 + random() * 80) end,
				       now(), 'bench'
				from submission s
				join school_level l on l.school_id = s.unit_id
				join metric_level ml on ml.level = l.level
				join metric m on m.code = ml.metric_code
				""");
		jdbc.update("""
				insert into figure (submission_id, metric_code, level, value, updated_at, updated_by)
				select s.id, m.code, null,
				       case m.value_type when 'YES_NO' then (random() < 0.8)::int
				                         when 'LEVEL' then floor(random() * 4)
				                         else floor(500 + random() * 2000) end,
				       now(), 'bench'
				from submission s join org_unit u on u.id = s.unit_id
				join metric m on m.unit_kind = u.kind
				where u.kind in ('WARD', 'DISTRICT')
				""");
		jdbc.execute("analyze");
	}

	// ------------------------------------------------------------------ the database
	// server

	/**
	 * The server the tests would use; the benchmark makes a database of its own there.
	 */
	private static String serverUrl() {
		var external = System.getenv("SPRING_DATASOURCE_URL");
		return (external != null && !external.isBlank()) ? external
				: (String) TestDatabase.properties().get("spring.datasource.url");
	}

	private static String username() {
		var external = System.getenv("SPRING_DATASOURCE_URL");
		return (external != null && !external.isBlank())
				? System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "")
				: (String) TestDatabase.properties().get("spring.datasource.username");
	}

	private static String password() {
		var external = System.getenv("SPRING_DATASOURCE_URL");
		return (external != null && !external.isBlank())
				? System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "")
				: (String) TestDatabase.properties().get("spring.datasource.password");
	}

	private static String createDatabase(String name) throws SQLException {
		try (var connection = DriverManager.getConnection(serverUrl(), username(), password());
				var statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		return serverUrl().replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
	}

	private static void dropDatabase(String name) throws SQLException {
		try (var connection = DriverManager.getConnection(serverUrl(), username(), password());
				var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
	}

}
