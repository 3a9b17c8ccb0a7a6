package vn.chitieu.orgunit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.dataentry.CountedFigures;
import vn.chitieu.dataentry.CountedUnitFigures;
import vn.chitieu.dataentry.FigureKey;
import vn.chitieu.orgunit.ReorganisationException.Problem;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.Plans;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.ProgressEngine;
import vn.chitieu.progress.UnitData;
import vn.chitieu.progress.YearData;
import vn.chitieu.testsupport.FormSupport;
import vn.chitieu.testsupport.HtmlForm;
import vn.chitieu.testsupport.Logins;
import vn.chitieu.testsupport.SampleDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 2025 reorganisation of Long Biên replayed on the sample district, through the pages
 * as the Office would: by Nghị quyết 1656/NQ-UBTVQH15 (16 June 2025), from school year
 * 2025-2026 the 14 wards became 4 (Bồ Đề, Việt Hưng, Phúc Lợi, Long Biên). Before it, the
 * JSON API, the ward pages and the enrolment rate by ward of 2024-2025 are captured;
 * after it, everything of 2024-2025 is identical, the old wards' pages say where they
 * went, the new wards' where they came from, 2025-2026 has forms for the new wards only
 * and its district rate reads the new wards only.
 * <p>
 * It changes the sample district for good, so it runs on a database of its own
 * ({@link SampleDatabase}) with its own application context; the shared one stays as the
 * other tests expect it.
 * <p>
 * Which old ward went into which new one (see docs/operations.md, "Reorganising wards"):
 * Phúc Lợi from most of Phúc Lợi and parts of Việt Hưng, Giang Biên, Thạch Bàn, Phúc
 * Đồng; Long Biên from Long Biên and parts of Cự Khối, Phúc Đồng, Thạch Bàn, Bồ Đề, Gia
 * Thụy; Bồ Đề from Bồ Đề, Ngọc Lâm, Ngọc Thụy, Gia Thụy and part of Thượng Thanh; Việt
 * Hưng from Việt Hưng, Đức Giang, Sài Đồng, Thượng Thanh and part of Giang Biên. The
 * sample's schools are invented, so a school of a split ward goes to the ward listed
 * first for it below (the one that took the larger part).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReorganisationIT {

	static final String PLAN = "KH-157-UBND-2022";

	/** The caption of the indicator page's breakdown table. */
	static final String BREAKDOWN_CAPTION = "Đơn vị xếp theo mức ảnh hưởng đến kết quả chung";

	static final String REFERENCE = "Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025";

	static final SchoolYear BEFORE = SchoolYear.of(2024);

	static final SchoolYear AFTER = SchoolYear.of(2025);

	/** The new wards, by code. */
	static final Map<String, String> NEW_WARDS = new LinkedHashMap<>();

	/** Each old ward's successors, the larger part first. */
	static final Map<String, List<String>> INTO = new LinkedHashMap<>();

	static {
		NEW_WARDS.put("P-BODE-2025", "Phường Bồ Đề");
		NEW_WARDS.put("P-VIETHUNG-2025", "Phường Việt Hưng");
		NEW_WARDS.put("P-PHUCLOI-2025", "Phường Phúc Lợi");
		NEW_WARDS.put("P-LONGBIEN-2025", "Phường Long Biên");
		INTO.put("P-BODE", List.of("P-BODE-2025", "P-LONGBIEN-2025"));
		INTO.put("P-CUKHOI", List.of("P-LONGBIEN-2025"));
		INTO.put("P-DUCGIANG", List.of("P-VIETHUNG-2025"));
		INTO.put("P-GIATHUY", List.of("P-BODE-2025", "P-LONGBIEN-2025"));
		INTO.put("P-GIANGBIEN", List.of("P-VIETHUNG-2025", "P-PHUCLOI-2025"));
		INTO.put("P-LONGBIEN", List.of("P-LONGBIEN-2025"));
		INTO.put("P-NGOCLAM", List.of("P-BODE-2025"));
		INTO.put("P-NGOCTHUY", List.of("P-BODE-2025"));
		INTO.put("P-PHUCDONG", List.of("P-PHUCLOI-2025", "P-LONGBIEN-2025"));
		INTO.put("P-PHUCLOI", List.of("P-PHUCLOI-2025"));
		INTO.put("P-SAIDONG", List.of("P-VIETHUNG-2025"));
		INTO.put("P-THACHBAN", List.of("P-LONGBIEN-2025", "P-PHUCLOI-2025"));
		INTO.put("P-THUONGTHANH", List.of("P-VIETHUNG-2025", "P-BODE-2025"));
		INTO.put("P-VIETHUNG", List.of("P-VIETHUNG-2025", "P-PHUCLOI-2025"));
	}

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		SampleDatabase.register("reorg", registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	OrgUnits units;

	@Autowired
	Reorganisations reorganisations;

	@Autowired
	CountedFigures counted;

	@Autowired
	Progress progress;

	@Autowired
	Plans plans;

	@Autowired
	MetricCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@Test
	@Order(1)
	void shouldReplayThe2025ReorganisationOfLongBien() throws Exception {
		// ------------------------------------------------------------ before
		var api = api();
		var oldWardIds = INTO.keySet().stream().collect(Collectors.toMap((c) -> c, this::id));
		var wardPages = new LinkedHashMap<String, String>();
		for (var code : INTO.keySet()) {
			wardPages.put(code, page("/wards/" + id(code)));
		}
		var breakdown = breakdown(BEFORE);
		var breakdownPage = breakdownSection(page("/progress/" + PLAN + "/indicators/TH-01?year=" + BEFORE.label()));
		var district = districtValues(BEFORE);
		var figures = figuresFingerprint();
		var wardRate = this.progress.wards(PLAN, BEFORE, false, (w) -> w == id("P-GIATHUY"))
			.orElseThrow()
			.rows()
			.get(0)
			.rates()
			.get("TH-01")
			.value();
		var schoolWards2024 = wardCodes(this.units.schools(BEFORE));
		assertThat(breakdown).hasSize(14);
		assertThat(wardRate).isNotNull();

		// ------------------------------------------------------------ open 2025-2026
		this.mvc.perform(
				post("/admin/school-years").param("startYear", "2025").with(this.logins.as(Logins.OFFICE)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select count(*) from school_year where start_year = 2025", Integer.class))
			.isOne();

		// ------------------------------------------------------------ the reorganisation
		var form = HtmlForm.of(page("/admin/units/reorganise"), "reorg-form");
		form.set("effectiveYear", "2025").set("reference", REFERENCE).set("note", "14 phường thành 4 phường");
		int i = 0;
		for (var entry : NEW_WARDS.entrySet()) {
			form.set("newCode" + i, entry.getKey()).set("newName" + i, entry.getValue());
			i++;
		}
		INTO.forEach((code, into) -> form.set("successor." + id(code), String.join(", ", into)));
		// The first preview asks for the schools of the split wards.
		var first = this.mvc.perform(form.post("action=preview").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("id=\"reorg-errors\"")
			.contains("bị chia, hãy chọn phường")
			.doesNotContain("id=\"reorg-confirm\"");
		assertThat(this.units.wards()).hasSize(14);
		var second = HtmlForm.of(first, "reorg-form");
		var expectedWard = new LinkedHashMap<Long, String>();
		for (var school : this.units.schools(AFTER)) {
			var oldCode = this.units.ward(school.wardId()).orElseThrow().code();
			var into = INTO.get(oldCode);
			var field = "school." + school.id();
			assertThat(second.has(field)).as("a choice for %s", school.name()).isTrue();
			// Prefilled when the old ward goes wholly into one ward, empty when split.
			assertThat(second.get(field)).isEqualTo((into.size() == 1) ? into.get(0) : "");
			second.set(field, into.get(0));
			expectedWard.put(school.id(), into.get(0));
		}
		second.set("note", "14 phường thành 4 phường");
		var previewed = this.mvc.perform(second.post("action=preview").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(previewed).contains("id=\"reorg-preview\"")
			.contains("id=\"reorg-confirm\"")
			.doesNotContain("id=\"reorg-errors\"")
			.contains(REFERENCE);
		assertThat(this.units.wards()).hasSize(14);
		var third = HtmlForm.of(previewed, "reorg-form").set("note", "14 phường thành 4 phường");
		this.mvc.perform(third.post("action=confirm").with(this.logins.as(Logins.OFFICE)))
			.andExpect(redirectedUrl("/wards"));

		// ------------------------------------------------------------ after: 2024-2025
		// is identical
		assertThat(api()).isEqualTo(api);
		assertThat(breakdown(BEFORE)).isEqualTo(breakdown);
		assertThat(breakdownSection(page("/progress/" + PLAN + "/indicators/TH-01?year=" + BEFORE.label())))
			.isEqualTo(breakdownPage);
		assertThat(districtValues(BEFORE)).isEqualTo(district);
		assertThat(figuresFingerprint()).isEqualTo(figures);
		assertThat(wardCodes(this.units.schools(BEFORE))).isEqualTo(schoolWards2024);
		assertThat(this.progress.wards(PLAN, BEFORE, false, (w) -> w == id("P-GIATHUY"))
			.orElseThrow()
			.rows()
			.get(0)
			.rates()
			.get("TH-01")
			.value()).isEqualByComparingTo(wardRate);

		// The wards: 14 closed from 2025, 4 new from 2025.
		var wards = this.units.wards();
		assertThat(wards).hasSize(18);
		assertThat(this.units.wards(BEFORE)).extracting(Ward::code).containsExactlyInAnyOrderElementsOf(INTO.keySet());
		assertThat(this.units.wards(AFTER)).extracting(Ward::code)
			.containsExactlyInAnyOrderElementsOf(NEW_WARDS.keySet());
		// Old ward pages show the break and keep their years; new ones their origin.
		for (var code : INTO.keySet()) {
			var html = page("/wards/" + oldWardIds.get(code));
			assertThat(html).contains("id=\"ward-ended\"")
				.contains("Từ năm học 2025-2026 nhập vào")
				.contains(REFERENCE)
				.contains("2024-2025")
				.contains("2018-2019")
				.doesNotContain("/figures/2025-2026");
			for (var target : INTO.get(code)) {
				assertThat(html).contains("/wards/" + id(target));
			}
			assertThat(wardPages.get(code)).doesNotContain("ward-ended");
		}
		for (var code : NEW_WARDS.keySet()) {
			var html = page("/wards/" + id(code));
			assertThat(html).contains("id=\"ward-formed\"")
				.contains("Thành lập từ năm học 2025-2026 từ:")
				.contains("/figures/2025-2026")
				.doesNotContain("/figures/2024-2025");
			INTO.forEach((old, into) -> {
				if (into.contains(code)) {
					assertThat(html).contains("/wards/" + oldWardIds.get(old));
				}
			});
		}
		assertThat(page("/wards/" + id("P-BODE-2025"))).contains("(một phần)");
		assertThat(page("/wards")).contains("đến năm học 2024-2025").contains("từ năm học 2025-2026");
		// 2025-2026 forms: the new wards only.
		for (var code : NEW_WARDS.keySet()) {
			this.mvc
				.perform(get("/wards/" + id(code) + "/figures/" + AFTER.label()).with(this.logins.as(Logins.OFFICE)))
				.andExpect(status().isOk());
		}
		for (var code : INTO.keySet()) {
			this.mvc
				.perform(get("/wards/" + id(code) + "/figures/" + AFTER.label()).with(this.logins.as(Logins.OFFICE)))
				.andExpect(status().isNotFound());
			// The old wards' own users still read their history.
			this.mvc
				.perform(get("/wards/" + id(code) + "/figures/" + BEFORE.label())
					.with(this.logins.as(code.toLowerCase(java.util.Locale.ROOT))))
				.andExpect(status().isOk());
		}
		// An old ward's user cannot enter 2025-2026.
		int submissions = count("submission");
		this.mvc
			.perform(FormSupport
				.post("/wards/" + id("P-GIATHUY") + "/figures/" + AFTER.label(),
						Map.of(new FigureKey("population_age_6_10", null), "100"), -1, "save")
				.with(this.logins.as("p-giathuy")))
			.andExpect((r) -> assertThat(r.getResponse().getStatus()).isIn(200, 302, 409));
		assertThat(count("submission")).isEqualTo(submissions);
		// 2025 schools stand in their new wards; 2024 ones in their old.
		for (var school : this.units.schools(AFTER)) {
			assertThat(this.units.ward(school.wardId()).orElseThrow().code()).isEqualTo(expectedWard.get(school.id()));
		}
		assertThat(this.units.schools(BEFORE))
			.allMatch((s) -> INTO.containsKey(this.units.ward(s.wardId()).orElseThrow().code()));
		// Audited.
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'UNITS_REORGANISED'",
				Integer.class))
			.isOne();
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'SCHOOL_MOVED'",
				Integer.class))
			.isEqualTo(expectedWard.size());

		// ------------------------------------------------------------ 2025-2026
		// figures
		var population = Map.of("P-BODE-2025", 9000, "P-VIETHUNG-2025", 8000, "P-PHUCLOI-2025", 5000, "P-LONGBIEN-2025",
				6000);
		for (var code : NEW_WARDS.keySet()) {
			// The administrator gives each new ward its user.
			this.mvc
				.perform(post("/admin/users/new").param("username", code.toLowerCase(java.util.Locale.ROOT))
					.param("displayName", "Cán bộ " + NEW_WARDS.get(code))
					.param("role", "WARD")
					.param("unitId", String.valueOf(id(code)))
					.param("contact", "")
					.with(this.logins.as(Logins.ADMIN))
					.with(csrf()))
				.andExpect((r) -> assertThat(r.getResponse().getStatus()).isIn(200, 302));
		}
		// (Their first login, where they choose their own password, is not replayed.)
		assertThat(this.jdbc.update("update app_user set must_change_password = false where username like 'p-%-2025'"))
			.isEqualTo(4);
		for (var entry : population.entrySet()) {
			this.mvc
				.perform(
						FormSupport
							.post("/wards/" + id(entry.getKey()) + "/figures/" + AFTER.label(),
									Map.of(new FigureKey("population_age_6_10", null),
											String.valueOf(entry.getValue())),
									-1, "save")
							.with(this.logins.as(entry.getKey().toLowerCase(java.util.Locale.ROOT))))
				.andExpect(status().is3xxRedirection());
		}
		var primary = this.units.schools(AFTER)
			.stream()
			.filter((s) -> s.teaches(EducationLevel.TH) && s.ownership() == Ownership.PUBLIC)
			.limit(6)
			.toList();
		int pupils = 0;
		for (var school : primary) {
			int n = 1000 + (int) (school.id() % 7) * 100;
			pupils += n;
			this.mvc
				.perform(FormSupport
					.post("/schools/" + school.id() + "/figures/" + AFTER.label(),
							Map.of(new FigureKey("pupils_age_6_10", EducationLevel.TH), String.valueOf(n)), -1, "save")
					.with(this.logins.as(school.code().toLowerCase(java.util.Locale.ROOT))))
				.andExpect(status().is3xxRedirection());
		}
		// The Office approves them (as its review would).
		assertThat(this.jdbc.update("update submission set status = 'APPROVED' where school_year = 2025"))
			.isEqualTo(4 + primary.size());
		var year = this.counted.load(List.of(AFTER), false).get(AFTER);
		assertThat(year.wards()).extracting(CountedUnitFigures::code)
			.containsExactlyInAnyOrderElementsOf(NEW_WARDS.keySet());
		var newIds = NEW_WARDS.keySet().stream().map(this::id).collect(Collectors.toSet());
		assertThat(year.schools()).allMatch((s) -> newIds.contains(s.wardId()));
		var data = yearData(year);
		var definition = this.plans.find(PLAN).orElseThrow().definition();
		var th01 = definition.indicators().stream().filter((d) -> d.code().equals("TH-01")).findFirst().orElseThrow();
		var engine = new ProgressEngine((code) -> this.catalog.find(code).orElse(null));
		var rate = engine.evaluate(th01.measure(), data, definition.baselineYear(), false);
		// The district: every new ward's population, no old ward's.
		assertThat(rate.denominator()).isEqualByComparingTo(BigDecimal.valueOf(28000));
		assertThat(rate.numerator()).isEqualByComparingTo(BigDecimal.valueOf(pupils));
		assertThat(rate.value().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo(
				BigDecimal.valueOf(pupils * 100L).divide(BigDecimal.valueOf(28000), 4, RoundingMode.HALF_UP));
		// By ward: the four new wards, each over its own population.
		var byWard = engine.wardBreakdown(th01, data, definition.baselineYear());
		assertThat(byWard).extracting((s) -> s.part().unit().code())
			.containsExactlyInAnyOrderElementsOf(NEW_WARDS.keySet());
		for (var standing : byWard) {
			assertThat(standing.own().denominator())
				.isEqualByComparingTo(BigDecimal.valueOf(population.get(standing.part().unit().code())));
		}
		// And 2024-2025 is still as it was.
		assertThat(api()).isEqualTo(api);
		assertThat(breakdown(BEFORE)).isEqualTo(breakdown);
	}

	@Test
	@Order(2)
	void shouldRefuseWhatCannotBeRightAndChangeNothing() throws Exception {
		var before = state();
		var base = HtmlForm.of(page("/admin/units/reorganise"), "reorg-form");
		var bode = id("P-BODE-2025");
		var viethung = id("P-VIETHUNG-2025");
		// Each refusal: the page again with the reason, nothing changed.
		Map<String, Map<String, String>> cases = new LinkedHashMap<>();
		cases.put("Ghi căn cứ",
				Map.of("effectiveYear", "2026", "newCode0", "P-X", "newName0", "Phường X", "successor." + bode, "P-X"));
		cases.put("đã có đơn vị dùng", Map.of("effectiveYear", "2026", "reference", REFERENCE, "newCode0", "P-BODE",
				"newName0", "Phường X", "successor." + bode, "P-BODE"));
		cases.put("được ghi hai lần", Map.of("effectiveYear", "2026", "reference", REFERENCE, "newCode0", "P-X",
				"newName0", "Phường X", "newCode1", "p-x", "newName1", "Phường Y", "successor." + bode, "P-X"));
		cases.put("không có phường mã",
				Map.of("effectiveYear", "2026", "reference", REFERENCE, "successor." + bode, "P-NOWHERE"));
		cases.put("đã có số liệu năm học 2025-2026", Map.of("effectiveYear", "2025", "reference", REFERENCE, "newCode0",
				"P-X", "newName0", "Phường X", "successor." + bode, "P-X, " + "P-VIETHUNG-2025"));
		cases.put("Chọn năm học áp dụng",
				Map.of("effectiveYear", "2031", "reference", REFERENCE, "successor." + bode, "P-VIETHUNG-2025"));
		cases.put("Ghi ít nhất một phường", Map.of("effectiveYear", "2026", "reference", REFERENCE));
		cases.put("không nhận phường cũ nào", Map.of("effectiveYear", "2026", "reference", REFERENCE, "newCode0", "P-X",
				"newName0", "Phường X", "successor." + bode, "P-VIETHUNG-2025"));
		for (var entry : cases.entrySet()) {
			var request = post("/admin/units/reorganise").with(this.logins.as(Logins.OFFICE)).with(csrf());
			entry.getValue().forEach(request::param);
			request.param("action", "confirm");
			var html = this.mvc.perform(request)
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as(entry.getKey()).contains("id=\"reorg-errors\"").contains(entry.getKey());
			assertThat(state()).as(entry.getKey()).isEqualTo(before);
		}
		// A split ward's school left without a ward is refused by the service too.
		var plan = new ReorganisationPlan(2026, REFERENCE, null,
				List.of(new ReorganisationPlan.NewWard("P-Y", "Phường Y")),
				Map.of(bode, List.of("P-Y", "P-VIETHUNG-2025")), Map.of());
		var ex = asOffice(() -> this.reorganisations.apply(plan, Logins.OFFICE));
		assertThat(ex).isInstanceOf(ReorganisationException.class);
		assertThat(((ReorganisationException) ex).problems()).extracting(Problem::key)
			.contains("reorg.school.required");
		assertThat(state()).isEqualTo(before);
		// A confirmation without a preview of exactly this plan shows the preview first.
		var request = post("/admin/units/reorganise").with(this.logins.as(Logins.OFFICE)).with(csrf());
		Map.of("effectiveYear", "2026", "reference", REFERENCE, "newCode0", "P-Z", "newName0", "Phường Z",
				"successor." + viethung, "P-Z", "previewed", "forged")
			.forEach(request::param);
		var html = this.mvc.perform(request.param("action", "confirm"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"reorg-changed\"").contains("id=\"reorg-preview\"");
		assertThat(state()).isEqualTo(before);
		// Schools, wards and leaders may not.
		for (var user : List.of("thcs-aimo", "p-bode", Logins.VIEWER)) {
			this.mvc.perform(get("/admin/units/reorganise").with(this.logins.as(user)))
				.andExpect(status().isForbidden());
			this.mvc.perform(
					post("/admin/units/reorganise").param("action", "confirm").with(this.logins.as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(state()).isEqualTo(before);
		assertThat(base.get("effectiveYear")).isEmpty();
	}

	@Test
	@Order(3)
	void shouldMoveOneSchoolToAnotherWardFromAYear() throws Exception {
		var reported = this.jdbc.queryForObject(
				"select unit_id from submission s join org_unit u on u.id = s.unit_id where s.school_year = 2025 "
						+ "and u.kind = 'SCHOOL' limit 1",
				Long.class);
		var school = this.units.school(reported).orElseThrow();
		long from = school.wardId();
		long to = NEW_WARDS.keySet().stream().map(this::id).filter((w) -> w != from).findFirst().orElseThrow();
		var before = state();
		// Refused: a year it already reported for, its own ward, no year.
		for (var params : List.of(Map.of("moveWardId", String.valueOf(to), "moveYear", "2025"),
				Map.of("moveWardId", String.valueOf(from), "moveYear", "2026"),
				Map.of("moveWardId", String.valueOf(to), "moveYear", ""))) {
			var request = post("/admin/units/schools/" + school.id() + "/move").with(this.logins.as(Logins.OFFICE))
				.with(csrf());
			params.forEach(request::param);
			this.mvc.perform(request).andExpect(status().isOk());
			assertThat(state()).isEqualTo(before);
		}
		this.mvc
			.perform(post("/admin/units/schools/" + school.id() + "/move").param("moveWardId", String.valueOf(to))
				.param("moveYear", "2026")
				.with(this.logins.as(Logins.VIEWER))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(state()).isEqualTo(before);
		// Moved from 2026-2027: 2025-2026 keeps its ward.
		this.mvc
			.perform(post("/admin/units/schools/" + school.id() + "/move").param("moveWardId", String.valueOf(to))
				.param("moveYear", "2026")
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/units/schools/" + school.id()));
		assertThat(this.units.school(school.id()).orElseThrow().wardId()).isEqualTo(to);
		assertThat(this.units.schools(AFTER)).filteredOn((s) -> s.id() == school.id())
			.singleElement()
			.satisfies((s) -> assertThat(s.wardId()).isEqualTo(from));
		assertThat(this.counted.load(List.of(AFTER), false).get(AFTER).schools())
			.filteredOn((s) -> s.unitId() == school.id())
			.allMatch((s) -> s.wardId() == from);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'SCHOOL_MOVED' and entity_id = ?", Integer.class,
				String.valueOf(school.id())))
			.isEqualTo(2);
	}

	private Throwable asOffice(org.junit.jupiter.api.function.Executable action) {
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		var user = this.userDetails.loadUserByUsername(Logins.OFFICE);
		context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
				user, null, user.getAuthorities()));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			action.execute();
			return null;
		}
		catch (Throwable ex) {
			return ex;
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	/** Everything a refused reorganisation must leave as it was. */
	private String state() {
		return this.jdbc.queryForObject(
				"""
						select (select count(*) from org_unit) || '/' || (select count(*) from reorganisation) || '/'
						       || (select count(*) from ward_lineage) || '/' || (select count(*) from school_ward_history) || '/'
						       || (select md5(string_agg(id || ':' || coalesce(parent_id, 0) || ':' || active || ':'
						                                 || coalesce(closed_year, 0) || ':' || coalesce(opened_year, 0), ',' order by id))
						           from org_unit) || '/' || (select count(*) from audit_event)
						""",
				String.class);
	}

	private String api() throws Exception {
		return this.mvc
			.perform(get("/api/v1/plans/" + PLAN + "/progress").param("year", BEFORE.label())
				.with(httpBasic(Logins.OFFICE, Logins.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> breakdown(SchoolYear year) {
		return this.progress.indicator(PLAN, "TH-01", year, false)
			.orElseThrow()
			.breakdown()
			.stream()
			.map((s) -> s.part().unit().code() + "=" + s.part().value() + "/" + s.own().numerator() + "/"
					+ s.own().denominator())
			.toList();
	}

	/** The table of the indicator page's breakdown by ward. */
	private static String breakdownSection(String html) {
		int caption = html.indexOf(BREAKDOWN_CAPTION);
		assertThat(caption).as("the breakdown table").isPositive();
		int table = html.lastIndexOf("<table", caption);
		return html.substring(table, html.indexOf("</table>", caption));
	}

	private Map<String, String> districtValues(SchoolYear year) {
		var plan = this.progress.plan(PLAN, year, false).orElseThrow();
		var values = new LinkedHashMap<String, String>();
		plan.indicators()
			.forEach((i) -> values.put(i.indicator().code(),
					i.years().stream().map((y) -> y.year().label() + "=" + y.result().value()).toList().toString()));
		return values;
	}

	private String figuresFingerprint() {
		return this.jdbc.queryForObject(
				"""
						select count(*) || '/' || md5(string_agg(s.unit_id || ':' || s.school_year || ':' || s.status || ':'
						                                          || f.metric_code || ':' || coalesce(f.level, '') || ':' || f.value,
						                                          ',' order by s.unit_id, s.school_year, f.metric_code, f.level))
						from submission s join figure f on f.submission_id = s.id where s.school_year <= 2024
						""",
				String.class);
	}

	private Map<Long, Long> wardCodes(List<School> schools) {
		return schools.stream().collect(Collectors.toMap(School::id, School::wardId));
	}

	private static YearData yearData(vn.chitieu.dataentry.CountedYear year) {
		return new YearData(year.year(), year.schools().stream().map(ReorganisationIT::unitData).toList(),
				year.wards().stream().map(ReorganisationIT::unitData).toList(), year.district(), year.closed());
	}

	private static UnitData unitData(CountedUnitFigures unit) {
		return new UnitData(unit.unitId(), unit.code(), unit.name(), unit.kind(), unit.level(), unit.wardId(),
				unit.ownership(), unit.openedYear(), unit.values());
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long id(String code) {
		return this.units.unitByCode(code).orElseThrow(() -> new AssertionError("no unit " + code)).id();
	}

	private int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
