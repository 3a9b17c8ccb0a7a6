package vn.chitieu.sampledata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.dataentry.ReportedYear;
import vn.chitieu.dataentry.FigureKey;
import vn.chitieu.dataentry.SubmissionStatus;
import vn.chitieu.dataentry.Submissions;
import vn.chitieu.organisation.Organisation;
import vn.chitieu.organisation.OrganisationDetails;
import vn.chitieu.orgunit.NewSchool;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.Plans;
import vn.chitieu.platform.EmbeddedDatabase;
import vn.chitieu.platform.Installation;
import vn.chitieu.security.NewUser;
import vn.chitieu.security.Role;
import vn.chitieu.security.Users;

/**
 * Loads the sample district into an empty database when asked
 * ({@code CHITIEU_SAMPLE_DATA}: {@code auto} loads it only on the embedded database), and
 * prints the sample logins at every start while the sample is there.
 */
@Component
class SampleDataLoader implements ApplicationRunner, Ordered {

	private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

	/**
	 * The password of every sample login. Sample logins exist only with the sample
	 * district.
	 */
	static final String PASSWORD = "chitieu-mau";

	static final String OFFICE_USER = "phonggd";

	static final String VIEWER_USER = "lanhdao";

	static final String ADMIN_USER = "admin";

	private final OrgUnits units;

	private final SchoolYears years;

	private final Plans plans;

	private final MetricCatalog catalog;

	private final Submissions submissions;

	private final Users users;

	private final Installation installation;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final Organisation organisation;

	private final ObjectProvider<EmbeddedDatabase> embeddedDatabase;

	private final Environment environment;

	private final String mode;

	SampleDataLoader(OrgUnits units, SchoolYears years, Plans plans, MetricCatalog catalog, Submissions submissions,
			Users users, Installation installation, AuditLog audit, Organisation organisation,
			TransactionTemplate transaction, ObjectProvider<EmbeddedDatabase> embeddedDatabase, Environment environment,
			@Value("${chitieu.sample-data:auto}") String mode) {
		this.units = units;
		this.years = years;
		this.plans = plans;
		this.catalog = catalog;
		this.submissions = submissions;
		this.users = users;
		this.installation = installation;
		this.audit = audit;
		this.organisation = organisation;
		this.transaction = transaction;
		this.embeddedDatabase = embeddedDatabase;
		this.environment = environment;
		this.mode = mode.strip().toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (isWanted() && this.units.district().isEmpty()) {
			long start = System.nanoTime();
			this.transaction.executeWithoutResult((status) -> load());
			log.info("Sample district loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
		}
		if (this.installation.hasSampleData()) {
			// Also for a sample loaded before the organisation had settings.
			this.organisation.fillIfEmpty(SampleRoster.ORGANISATION, AuditLog.SYSTEM);
			printLogins();
		}
	}

	private boolean isWanted() {
		return switch (this.mode) {
			case "true", "yes", "1" -> true;
			case "auto" -> this.embeddedDatabase.getIfAvailable() != null;
			default -> false;
		};
	}

	private void load() {
		this.units.createDistrict(SampleRoster.DISTRICT_CODE, SampleRoster.DISTRICT_NAME);
		var ids = new HashMap<String, Long>();
		for (var ward : SampleRoster.WARDS) {
			ids.put(ward.code(), this.units.createWard(ward.code(), ward.name()).id());
		}
		var schools = SampleRoster.schools();
		for (var school : schools) {
			ids.put(school.code(),
					this.units
						.createSchool(new NewSchool(school.code(), school.name(), school.wardCode(), school.levels(),
								school.ownership(), school.openedYear()))
						.id());
		}
		for (int year = SampleFigures.FIRST_YEAR; year <= SampleFigures.LAST_YEAR; year++) {
			if (this.years.find(SchoolYear.of(year)).isEmpty()) {
				this.years.create(SchoolYear.of(year), year == SampleFigures.LAST_YEAR);
			}
		}
		this.submissions.load(figures(schools, ids), AuditLog.SYSTEM);
		this.users.createAll(logins(schools, ids), AuditLog.SYSTEM);
		this.installation.markSampleData();
		this.audit.record(AuditLog.SYSTEM,
				AuditRecord.of("SAMPLE_DISTRICT_LOADED", "district", SampleRoster.DISTRICT_CODE)
					.withDetail("seed " + SampleFigures.SEED));
	}

	private List<ReportedYear> figures(List<SampleRoster.SchoolSpec> schools, Map<String, Long> ids) {
		var generator = new SampleFigures(schools);
		var latestSchools = generator.latestYearStatuses();
		var latestWards = generator.latestYearWardStatuses();
		var reported = new ArrayList<ReportedYear>();
		for (int year = SampleFigures.FIRST_YEAR; year <= SampleFigures.LAST_YEAR; year++) {
			boolean latest = year == SampleFigures.LAST_YEAR;
			Set<String> inUse = this.plans.metricsInUse(SchoolYear.of(year));
			int returned = 0;
			for (var school : schools) {
				if (!school.isOpenIn(year)) {
					continue;
				}
				var status = latest ? latestSchools.get(school.code()) : SubmissionStatus.APPROVED;
				if (status == null) {
					continue;
				}
				var values = new LinkedHashMap<FigureKey, BigDecimal>();
				for (var level : school.levels()) {
					var all = generator.school(school, level, year);
					all.forEach((code, value) -> metric(code, inUse).filter((m) -> m.appliesTo(level))
						.ifPresent((m) -> values.put(new FigureKey(code, level), value)));
				}
				String comment = null;
				if (status == SubmissionStatus.DRAFT) {
					values.keySet().retainAll(SampleFigures.partial(values, school.code()).keySet());
				}
				if (status == SubmissionStatus.RETURNED) {
					comment = SampleFigures.RETURN_COMMENTS.get(returned++ % SampleFigures.RETURN_COMMENTS.size());
				}
				reported.add(new ReportedYear(ids.get(school.code()), SchoolYear.of(year), status, comment, values,
						Map.of(), SampleFigures.reportedAt(year, school.code())));
			}
			for (var ward : SampleRoster.WARDS) {
				var status = latest ? latestWards.get(ward.code()) : SubmissionStatus.APPROVED;
				if (status != null) {
					reported.add(new ReportedYear(ids.get(ward.code()), SchoolYear.of(year), status, null,
							unitValues(generator.ward(ward, year), UnitKind.WARD), Map.of(),
							SampleFigures.reportedAt(year, ward.code())));
				}
			}
			var district = unitValues(generator.district(year), UnitKind.DISTRICT);
			if (!district.isEmpty()) {
				var notes = new LinkedHashMap<FigureKey, String>();
				district.keySet().forEach((key) -> notes.put(key, SampleFigures.DISTRICT_NOTE));
				reported.add(new ReportedYear(this.units.district().orElseThrow().id(), SchoolYear.of(year),
						SubmissionStatus.APPROVED, null, district, notes,
						SampleFigures.reportedAt(year, SampleRoster.DISTRICT_CODE)));
			}
		}
		return reported;
	}

	/**
	 * A ward's or the district's figures: all their metrics, every year, as their forms
	 * ask.
	 */
	private Map<FigureKey, BigDecimal> unitValues(Map<String, BigDecimal> all, UnitKind kind) {
		var values = new LinkedHashMap<FigureKey, BigDecimal>();
		all.forEach((code, value) -> this.catalog.find(code)
			.filter((m) -> m.reportedBy() == kind)
			.ifPresent((m) -> values.put(new FigureKey(code, null), value)));
		return values;
	}

	private java.util.Optional<Metric> metric(String code, Set<String> inUse) {
		return inUse.contains(code) ? this.catalog.find(code) : java.util.Optional.empty();
	}

	private static List<NewUser> logins(List<SampleRoster.SchoolSpec> schools, Map<String, Long> ids) {
		var logins = new ArrayList<NewUser>();
		logins.add(new NewUser(ADMIN_USER, PASSWORD, "Quản trị hệ thống (mẫu)", Role.ADMIN, null, false));
		logins.add(new NewUser(OFFICE_USER, PASSWORD, "Chuyên viên Phòng GD&ĐT (mẫu)", Role.OFFICE, null, false));
		logins.add(new NewUser(VIEWER_USER, PASSWORD, "Lãnh đạo UBND quận (mẫu)", Role.VIEWER, null, false));
		for (var school : schools) {
			logins.add(new NewUser(username(school.code()), PASSWORD, school.name(), Role.SCHOOL,
					ids.get(school.code()), false));
		}
		for (var ward : SampleRoster.WARDS) {
			logins
				.add(new NewUser(username(ward.code()), PASSWORD, ward.name(), Role.WARD, ids.get(ward.code()), false));
		}
		return logins;
	}

	static String username(String unitCode) {
		return unitCode.toLowerCase(java.util.Locale.ROOT);
	}

	private void printLogins() {
		var port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		log.info("""

				==================================================================================
				 Chỉ tiêu is running on the SAMPLE DISTRICT (Dữ liệu mẫu): http://localhost:{}
				 Sample logins, all with the password "{}":
				   {}          ADMIN   system administrator
				   {}        OFFICE  Education Office specialist
				   {}        VIEWER  leader of the People's Committee (read-only)
				   thcs-aimo      SCHOOL  Trường THCS Ái Mộ  (every school: its code in lower case)
				   p-bode         WARD    Phường Bồ Đề       (every ward: its code in lower case)
				==================================================================================
				""", port, PASSWORD, ADMIN_USER, OFFICE_USER, VIEWER_USER);
	}

	@Override
	public int getOrder() {
		// After the plans (their metrics decide which figures exist), before the first
		// administrator is created from the environment.
		return 20;
	}

}
