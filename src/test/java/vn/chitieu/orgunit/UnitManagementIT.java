package vn.chitieu.orgunit;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.chitieu.dataentry.CountedFigures;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Adding, changing and closing wards and schools: who may, what is refused (and changes
 * nothing), a stale edit, what a closed school keeps, and the audit trail. The sample
 * district is restored after each test (2024-2025 is its open year).
 */
@IntegrationTest
class UnitManagementIT {

	/** A sample school with approved figures up to 2023-2024 and none for 2024-2025. */
	static final String REPORTED = "THCS-MAU-01";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	OrgUnits units;

	@Autowired
	CountedFigures counted;

	@Autowired
	JdbcTemplate jdbc;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@AfterEach
	void restore() {
		this.jdbc.update("""
				delete from school_level where school_id in (select id from org_unit where code like 'TEST-%')""");
		this.jdbc.update("delete from org_unit where code like 'TEST-%' and kind = 'SCHOOL'");
		this.jdbc.update("delete from org_unit where code like 'TEST-%'");
		this.jdbc.update("update org_unit set active = true, closed_year = null where code = ?", REPORTED);
		this.jdbc.update("update org_unit set name = 'Trường THCS Mẫu 01' where code = ? and name = 'Changed'",
				REPORTED);
	}

	@Test
	void shouldRefuseSchoolsWardsAndLeaders() throws Exception {
		long school = id(REPORTED);
		long ward = this.units.wards().get(0).id();
		for (var user : List.of(Logins.VIEWER, "thcs-aimo", "p-bode")) {
			for (var page : List.of("/admin/units/wards/new", "/admin/units/schools/new", "/admin/units/wards/" + ward,
					"/admin/units/schools/" + school)) {
				this.mvc.perform(get(page).with(this.logins.as(user))).andExpect(status().isForbidden());
			}
			this.mvc.perform(addWard(user, "TEST-P1", "Phường Thử")).andExpect(status().isForbidden());
			this.mvc.perform(close(user, school, 2024, version(school))).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/admin/units/schools/new")).andExpect(header().string("Location", endsWith("/login")));
		assertThat(this.units.unitByCode("TEST-P1")).isEmpty();
		assertThat(this.units.school(school).orElseThrow().active()).isTrue();
		// The service refuses a leader too, whatever the URL rules say.
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken(Logins.VIEWER,
					null, "ROLE_VIEWER"));
		assertThatThrownBy(() -> this.units
			.addWard(new UnitChange("TEST-P2", "X", null, java.util.Set.of(), null, null), "intruder"))
			.isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
		assertThat(this.units.unitByCode("TEST-P2")).isEmpty();
	}

	@Test
	void shouldAddAWardAndASchoolWhoseFormAppearsForTheOpenYearAndAuditBoth() throws Exception {
		long lastEntry = lastAudit();
		this.mvc.perform(get("/wards").with(this.logins.as(Logins.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/units/wards/new")));
		this.mvc.perform(addWard(Logins.ADMIN, "TEST-P1", "Phường Thử"))
			.andExpect(redirectedUrl("/wards"))
			.andExpect(flash().attribute("flash", "Đã thêm phường Phường Thử."));
		var ward = this.units.ward(this.units.unitByCode("TEST-P1").orElseThrow().id()).orElseThrow();

		this.mvc.perform(get("/admin/units/schools/new").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phường Thử")));
		this.mvc
			.perform(addSchool(Logins.OFFICE, "TEST-79000999", "Trường Tiểu học Thử", ward.id(), "2024").param("levels",
					"TH", "THCS"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "Đã thêm trường Trường Tiểu học Thử."));
		var school = this.units.schoolByCode("TEST-79000999").orElseThrow();
		assertThat(school.levels()).containsExactlyInAnyOrder(EducationLevel.TH, EducationLevel.THCS);
		assertThat(school.wardId()).isEqualTo(ward.id());
		assertThat(school.openedYear()).isEqualTo(2024);
		assertThat(school.active()).isTrue();
		this.mvc.perform(get("/completeness").param("year", "2024-2025").with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(containsString("/schools/" + school.id() + "/figures/2024-2025")));

		assertThat(this.jdbc.queryForList("select action from audit_event where id > ? order by id", String.class,
				lastEntry))
			.containsExactly("UNIT_ADDED", "UNIT_ADDED");
		assertThat(this.jdbc.queryForList("select actor from audit_event where id > ? order by id", String.class,
				lastEntry))
			.containsExactly(Logins.ADMIN, Logins.OFFICE);
	}

	@Test
	void shouldChangeASchoolAndRefuseAStaleEdit() throws Exception {
		long id = id(REPORTED);
		var before = this.units.school(id).orElseThrow();
		int version = version(id);
		long lastEntry = lastAudit();
		this.mvc
			.perform(get("/admin/units/schools/" + id).cookie(new jakarta.servlet.http.Cookie("chitieu-lang", "en"))
				.with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("Change the school"), containsString("Close the school"))));
		this.mvc
			.perform(post("/admin/units/schools/" + id).param("code", REPORTED)
				.param("name", "Changed")
				.param("wardId", String.valueOf(before.wardId()))
				.param("levels", "THCS")
				.param("ownership", "PUBLIC")
				.param("version", String.valueOf(version))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/units/schools/" + id));
		assertThat(this.units.school(id).orElseThrow().name()).isEqualTo("Changed");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'UNIT_CHANGED' and entity_id = ? and id > ?",
				Long.class, String.valueOf(id), lastEntry))
			.isEqualTo(1);

		// The same form sent again on the old version: refused, nothing saved.
		this.mvc
			.perform(post("/admin/units/schools/" + id).param("code", REPORTED)
				.param("name", "Stale")
				.param("wardId", String.valueOf(before.wardId()))
				.param("levels", "THCS")
				.param("ownership", "PUBLIC")
				.param("version", String.valueOf(version))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Người khác đã sửa đơn vị này")));
		assertThat(this.units.school(id).orElseThrow().name()).isEqualTo("Changed");
	}

	@Test
	void shouldRefuseBadInputWithFieldMessagesAndChangeNothing() throws Exception {
		long id = id(REPORTED);
		var before = this.units.school(id).orElseThrow();
		long wardOfSample = before.wardId();
		long lastEntry = lastAudit();
		this.mvc.perform(addSchool(Logins.OFFICE, "bad code", "X", wardOfSample, "2024").param("levels", "TH"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "unit.code.format"));
		this.mvc.perform(addSchool(Logins.OFFICE, REPORTED, "X", wardOfSample, "2024").param("levels", "TH"))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "unit.code.taken"))
			.andExpect(content().string(containsString("Mã này đã được dùng cho")));
		this.mvc.perform(addSchool(Logins.OFFICE, "TEST-1", "X", id, "2024").param("levels", "TH"))
			.andExpect(model().attributeHasFieldErrorCode("form", "wardId", "unit.ward.unknown"));
		this.mvc.perform(addSchool(Logins.OFFICE, "TEST-1", "X", wardOfSample, "2024"))
			.andExpect(model().attributeHasFieldErrorCode("form", "levels", "unit.levels.none"))
			.andExpect(content().string(containsString("Chọn ít nhất một cấp học.")));
		this.mvc.perform(addSchool(Logins.OFFICE, "TEST-1", "X", wardOfSample, "2031").param("levels", "TH"))
			.andExpect(model().attributeHasFieldErrorCode("form", "openedYear", "unit.opened.range"))
			.andExpect(content().string(containsString("từ 1900 đến 2025")));
		this.mvc.perform(addWard(Logins.OFFICE, "", "").cookie(new jakarta.servlet.http.Cookie("chitieu-lang", "en")))
			.andExpect(model().attributeHasFieldErrors("form", "code", "name"))
			.andExpect(content().string(containsString("Please fill this in.")));
		// Removing a level the school has figures at.
		this.mvc
			.perform(post("/admin/units/schools/" + id).param("code", REPORTED)
				.param("name", before.name())
				.param("wardId", String.valueOf(wardOfSample))
				.param("levels", "TH")
				.param("ownership", "PUBLIC")
				.param("version", String.valueOf(version(id)))
				.with(this.logins.as(Logins.OFFICE))
				.with(csrf()))
			.andExpect(model().attributeHasFieldErrorCode("form", "levels", "unit.levels.reported"));
		assertThat(this.units.school(id).orElseThrow()).isEqualTo(before);
		assertThat(this.units.unitByCode("TEST-1")).isEmpty();
		assertThat(lastAudit()).isEqualTo(lastEntry);
	}

	@Test
	void shouldCloseASchoolFromAYearKeepingItsEarlierFiguresAndNeverDeleteIt() throws Exception {
		long id = id(REPORTED);
		long lastEntry = lastAudit();
		long dataVersion = this.jdbc.queryForObject("select n from data_version where scope = 'all'", Long.class);
		// It has figures for 2023-2024: it cannot be closed from then.
		this.mvc.perform(close(Logins.OFFICE, id, 2023, version(id)))
			.andExpect(model().attributeHasFieldErrorCode("closeForm", "closedYear", "unit.close.reported"));
		this.mvc.perform(close(Logins.OFFICE, id, 2025, version(id)))
			.andExpect(model().attributeHasFieldErrorCode("closeForm", "closedYear", "unit.close.year"));
		this.mvc.perform(close(Logins.OFFICE, id, 2024, version(id) - 1)).andExpect(status().isConflict());
		assertThat(this.units.school(id).orElseThrow().active()).isTrue();

		this.mvc.perform(close(Logins.OFFICE, id, 2024, version(id)))
			.andExpect(redirectedUrl("/admin/units/schools/" + id))
			.andExpect(flash().attribute("flash", "Trường THCS Mẫu 01 đã đóng từ năm học 2024-2025."));
		assertThat(this.units.school(id).orElseThrow().active()).isFalse();
		assertThat(this.jdbc.queryForObject("select closed_year from org_unit where id = ?", Integer.class, id))
			.isEqualTo(2024);
		assertThat(this.jdbc.queryForObject("select n from data_version where scope = 'all'", Long.class))
			.isGreaterThan(dataVersion);
		// No form for the open year, its earlier figures still count.
		this.mvc.perform(get("/completeness").param("year", "2024-2025").with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(not(containsString("/schools/" + id + "/figures/2024-2025"))));
		var year = SchoolYear.of(2023);
		assertThat(this.counted.load(List.of(year), false).get(year).schools()).anyMatch((u) -> u.unitId() == id);
		assertThat(this.jdbc.queryForObject("select count(*) from submission where unit_id = ?", Long.class, id))
			.isEqualTo(6);
		assertThat(this.jdbc.queryForObject(
				"select new_value from audit_event where action = 'UNIT_CLOSED' and entity_id = ? and id > ?",
				String.class, String.valueOf(id), lastEntry))
			.isEqualTo("2024");
		// A unit with figures is never deleted: the database refuses too.
		assertThatThrownBy(() -> this.jdbc.update("delete from org_unit where id = ?", id))
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		this.mvc.perform(get("/admin/units/schools/" + id).with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(
					allOf(containsString("Đã đóng từ năm học 2024-2025"), not(containsString("id=\"close-form\"")))));
	}

	private long id(String code) {
		return this.units.unitByCode(code).orElseThrow().id();
	}

	private int version(long id) {
		return this.units.details(id).orElseThrow().version();
	}

	private long lastAudit() {
		return this.jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
	}

	private MockHttpServletRequestBuilder addWard(String user, String code, String name) {
		return post("/admin/units/wards/new").param("code", code)
			.param("name", name)
			.with(this.logins.as(user))
			.with(csrf());
	}

	private MockHttpServletRequestBuilder addSchool(String user, String code, String name, long wardId,
			String openedYear) {
		return post("/admin/units/schools/new").param("code", code)
			.param("name", name)
			.param("wardId", String.valueOf(wardId))
			.param("ownership", "PUBLIC")
			.param("openedYear", openedYear)
			.with(this.logins.as(user))
			.with(csrf());
	}

	private MockHttpServletRequestBuilder close(String user, long id, int year, int version) {
		return post("/admin/units/schools/" + id + "/close").param("closedYear", String.valueOf(year))
			.param("version", String.valueOf(version))
			.with(this.logins.as(user))
			.with(csrf());
	}

}
