package vn.chitieu.organisation;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;
import vn.chitieu.testsupport.SampleOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisation's settings page: who may change them, what is refused, a concurrent
 * change, the audit trail, and the banner while the organisation is not set up.
 */
@IntegrationTest
class OrganisationIT {

	static final String PAGE = "/admin/organisation";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Organisation organisation;

	@Autowired
	JdbcTemplate jdbc;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@AfterEach
	void restore() {
		SampleOrganisation.restore(this.jdbc);
	}

	@Test
	void shouldHoldTheSampleOfficesSettings() {
		var details = this.organisation.current().details();
		assertThat(details.parentBody()).isEqualTo("UBND QUẬN LONG BIÊN");
		assertThat(details.issuingBody()).isEqualTo("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO");
		assertThat(details.place()).isEqualTo("Long Biên");
		assertThat(details.signerTitle()).isEqualTo("TRƯỞNG PHÒNG");
		assertThat(details.recipients()).containsExactly("UBND quận Long Biên;", "Sở GD&ĐT Hà Nội;", "Lưu: VT.");
	}

	@Test
	void shouldLetTheOfficeAndTheAdministratorChangeTheSettingsAndAuditEveryChange() throws Exception {
		long auditBefore = auditCount();
		long lastEntry = this.jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
		long dataVersionBefore = dataVersion();
		var version = this.organisation.current().version();
		this.mvc.perform(get(PAGE).with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("UBND QUẬN LONG BIÊN")));
		this.mvc
			.perform(save(Logins.OFFICE,
					valid(version, "UBND HUYỆN GIA LÂM", "Gia Lâm", "Lưu: VT.\r\n\r\n  Sở GD&ĐT Hà Nội;  ")))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("flash", "Đã lưu thông tin đơn vị."));
		var saved = this.organisation.current();
		assertThat(saved.details().parentBody()).isEqualTo("UBND HUYỆN GIA LÂM");
		assertThat(saved.details().place()).isEqualTo("Gia Lâm");
		assertThat(saved.details().recipients()).containsExactly("Lưu: VT.", "Sở GD&ĐT Hà Nội;");
		assertThat(saved.changedBy()).isEqualTo(Logins.OFFICE);
		assertThat(saved.version()).isGreaterThan(version);

		this.mvc
			.perform(save(Logins.ADMIN,
					valid(saved.version(), "UBND HUYỆN GIA LÂM", "Trâu Quỳ", "Lưu: VT.\nSở GD&ĐT Hà Nội;")))
			.andExpect(redirectedUrl(PAGE));
		assertThat(this.organisation.current().details().place()).isEqualTo("Trâu Quỳ");
		assertThat(this.organisation.current().changedBy()).isEqualTo(Logins.ADMIN);

		var entries = this.jdbc.queryForList("""
				select actor, field, old_value, new_value from audit_event
				where action = 'ORGANISATION_CHANGED' and id > ?
				order by id
				""", lastEntry);
		assertThat(auditCount() - auditBefore).isEqualTo(4);
		assertThat(entries)
			.map((e) -> e.get("actor") + " " + e.get("field") + ": " + e.get("old_value") + " → " + e.get("new_value"))
			.containsExactly("phonggd parentBody: UBND QUẬN LONG BIÊN → UBND HUYỆN GIA LÂM",
					"phonggd place: Long Biên → Gia Lâm",
					"phonggd recipients: UBND quận Long Biên;; Sở GD&ĐT Hà Nội;; Lưu: VT. → Lưu: VT.; Sở GD&ĐT Hà Nội;",
					"admin place: Gia Lâm → Trâu Quỳ");
		// The progress engine does not read these settings: its caches stay valid.
		assertThat(dataVersion()).isEqualTo(dataVersionBefore);

		// Saving what is already there changes nothing and records nothing.
		var now = this.organisation.current();
		this.mvc
			.perform(save(Logins.ADMIN,
					valid(now.version(), "UBND HUYỆN GIA LÂM", "Trâu Quỳ", "Lưu: VT.\nSở GD&ĐT Hà Nội;")))
			.andExpect(flash().attribute("flash", "Không có gì thay đổi."));
		assertThat(this.organisation.current().version()).isEqualTo(now.version());
		assertThat(auditCount() - auditBefore).isEqualTo(4);
	}

	@Test
	void shouldRenameTheOrganisationFromASchoolYearAndKeepTheOldNameForTheYearsBefore() throws Exception {
		var before = this.organisation.current();
		long auditBefore = auditCount();
		var badYear = new HashMap<>(valid(before.version(), "UBND PHƯỜNG LONG BIÊN", "Long Biên", "Lưu: VT."));
		badYear.put("effectiveYear", "2025");
		this.mvc.perform(save(Logins.OFFICE, badYear))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "effectiveYear"))
			.andExpect(content().string(containsString("Năm học viết dạng 2025-2026.")));
		var sameName = new HashMap<>(valid(before.version(), "UBND QUẬN LONG BIÊN", "Long Biên", "Lưu: VT."));
		sameName.put("effectiveYear", "2025-2026");
		this.mvc.perform(save(Logins.OFFICE, sameName))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "effectiveYear"))
			.andExpect(content().string(containsString("đều chưa đổi")));
		assertThat(this.organisation.current()).isEqualTo(before);
		assertThat(this.organisation.formerNames()).isEmpty();
		assertThat(auditCount()).isEqualTo(auditBefore);

		// Long Biên district is abolished from 2025-2026: the Office is renamed.
		var renamed = new HashMap<>(valid(before.version(), "UBND PHƯỜNG LONG BIÊN", "Long Biên", "Lưu: VT."));
		renamed.put("effectiveYear", "2025-2026");
		this.mvc.perform(save(Logins.OFFICE, renamed))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("flash",
					"Đã đổi tên đơn vị từ năm học 2025-2026; các năm học trước giữ tên cũ."));
		var then = this.organisation.details(SchoolYear.of(2024));
		var now = this.organisation.details(SchoolYear.of(2025));
		assertThat(then.parentBody()).isEqualTo("UBND QUẬN LONG BIÊN");
		assertThat(now.parentBody()).isEqualTo("UBND PHƯỜNG LONG BIÊN");
		assertThat(this.organisation.details(SchoolYear.of(2019)).parentBody()).isEqualTo("UBND QUẬN LONG BIÊN");
		// The signer and the recipients are today's, whatever the year.
		assertThat(then.recipients()).containsExactly("Lưu: VT.");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'ORGANISATION_RENAMED' and actor = 'phonggd'",
				Long.class))
			.isOne();
		this.mvc.perform(get(PAGE).with(this.logins.as(Logins.OFFICE)))
			.andExpect(content()
				.string(containsString("Trước năm học 2025-2026: Phòng Giáo dục và Đào tạo quận Long Biên")));

		// The official report on 2023-2024 keeps the letterhead of its time.
		var report = this.mvc
			.perform(get("/reports/progress.xlsx?plan=KH-157-UBND-2022&year=2023-2024")
				.with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(report))) {
			var text = new StringBuilder();
			for (var row : workbook.getSheetAt(0)) {
				for (var cell : row) {
					if (cell.getCellType() == CellType.STRING) {
						text.append(cell.getStringCellValue()).append('\n');
					}
				}
			}
			assertThat(text).contains("UBND QUẬN LONG BIÊN").doesNotContain("UBND PHƯỜNG LONG BIÊN");
		}

		// A rename must take effect after the last one.
		var current = this.organisation.current();
		var earlier = new HashMap<>(valid(current.version(), "UBND PHƯỜNG BỒ ĐỀ", "Bồ Đề", "Lưu: VT."));
		earlier.put("effectiveYear", "2024-2025");
		this.mvc.perform(save(Logins.OFFICE, earlier))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "effectiveYear"));
		assertThat(this.organisation.current()).isEqualTo(current);
		assertThat(this.organisation.formerNames()).hasSize(1);
	}

	@Test
	void shouldRefuseEveryoneButTheOfficeAndTheAdministrator() throws Exception {
		var before = this.organisation.current();
		for (var user : List.of(Logins.VIEWER, "thcs-aimo", "p-bode")) {
			this.mvc.perform(get(PAGE).with(this.logins.as(user))).andExpect(status().isForbidden());
			this.mvc.perform(save(user, valid(before.version(), "UBND X", "X", ""))).andExpect(status().isForbidden());
		}
		this.mvc.perform(get(PAGE)).andExpect(header().string("Location", endsWith("/login")));
		assertThat(this.organisation.current()).isEqualTo(before);
	}

	@Test
	void shouldRefuseAChangeWithoutItsCsrfToken() throws Exception {
		var before = this.organisation.current();
		// A forged request riding on a session that holds a token: refused.
		var session = new MockHttpSession();
		var office = this.logins.as(Logins.OFFICE);
		this.mvc.perform(get(PAGE).with(office).session(session)).andExpect(status().isOk());
		var forged = post(PAGE).with(office).session(session);
		valid(before.version(), "UBND X", "X", "").forEach(forged::param);
		this.mvc.perform(forged).andExpect(status().isForbidden());
		assertThat(this.organisation.current()).isEqualTo(before);
	}

	@Test
	void shouldRefuseBadInputWithAMessageBesideEachFieldAndChangeNothing() throws Exception {
		var before = this.organisation.current();
		long auditBefore = auditCount();
		var eleven = IntStream.rangeClosed(1, 11).mapToObj((i) -> "Nơi nhận " + i).collect(Collectors.joining("\n"));
		var bad = new java.util.HashMap<>(valid(before.version(), "UBND X", "X".repeat(61), eleven));
		bad.put("signerTitle", "   ");
		this.mvc.perform(save(Logins.OFFICE, bad))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "place", "signerTitle", "recipients"))
			.andExpect(content().string(containsString("Không được dài quá 60 ký tự.")))
			.andExpect(content().string(containsString("Vui lòng nhập thông tin này.")))
			.andExpect(content().string(containsString("Nhiều nhất 10 nơi nhận (bạn đã nhập 11).")));
		var longLine = new java.util.HashMap<>(valid(before.version(), "UBND X", "X", "a\n" + "b".repeat(151)));
		this.mvc.perform(save(Logins.OFFICE, longLine).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The recipient on line 2 is longer than 150 characters.")));
		var noVersion = new java.util.HashMap<>(valid(before.version(), "UBND X", "X", ""));
		noVersion.remove("version");
		this.mvc.perform(save(Logins.OFFICE, noVersion)).andExpect(model().attributeHasFieldErrors("form", "version"));
		assertThat(this.organisation.current()).isEqualTo(before);
		assertThat(auditCount()).isEqualTo(auditBefore);
	}

	@Test
	void shouldRefuseASaveOverSomeoneElsesChangeAndSayWho() throws Exception {
		var opened = this.organisation.current().version();
		this.mvc.perform(save(Logins.OFFICE, valid(opened, "UBND HUYỆN THẠCH THẤT", "Thạch Thất", "Lưu: VT.")))
			.andExpect(redirectedUrl(PAGE));
		long auditBefore = auditCount();
		this.mvc.perform(save(Logins.ADMIN, valid(opened, "UBND HUYỆN ĐAN PHƯỢNG", "Đan Phượng", "Lưu: VT.")))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Thông tin đơn vị vừa được phonggd sửa lúc")))
			.andExpect(content().string(containsString("CHƯA được lưu")))
			// The form now shows what the other person saved, on their version.
			.andExpect(content().string(containsString("value=\"UBND HUYỆN THẠCH THẤT\"")))
			.andExpect(content().string(not(containsString("ĐAN PHƯỢNG"))));
		var current = this.organisation.current();
		assertThat(current.details().parentBody()).isEqualTo("UBND HUYỆN THẠCH THẤT");
		assertThat(current.changedBy()).isEqualTo(Logins.OFFICE);
		assertThat(auditCount()).isEqualTo(auditBefore);
	}

	@Test
	void shouldAskTheOfficeAndTheAdministratorToSetUpTheOrganisationOnlyWhileItIsNot() throws Exception {
		for (var user : List.of(Logins.OFFICE, Logins.ADMIN)) {
			this.mvc.perform(get("/").with(this.logins.as(user)))
				.andExpect(content().string(not(containsString("organisation-missing"))))
				.andExpect(content().string(containsString(
						"theo dõi chỉ tiêu kế hoạch giáo dục của Phòng Giáo dục và Đào tạo quận Long Biên")));
		}
		SampleOrganisation.empty(this.jdbc);
		for (var user : List.of(Logins.OFFICE, Logins.ADMIN)) {
			this.mvc.perform(get("/").with(this.logins.as(user)))
				.andExpect(content().string(containsString("organisation-missing")))
				.andExpect(content().string(containsString("Thông tin đơn vị chưa được thiết lập")))
				.andExpect(content().string(containsString("href=\"/admin/organisation\"")));
		}
		for (var user : List.of(Logins.VIEWER, "thcs-aimo")) {
			this.mvc.perform(get("/").with(this.logins.as(user)))
				.andExpect(content().string(not(containsString("organisation-missing"))))
				.andExpect(content().string(containsString("theo dõi chỉ tiêu kế hoạch giáo dục</span>")));
		}
		this.mvc
			.perform(save(Logins.OFFICE,
					valid(this.organisation.current().version(), "UBND QUẬN LONG BIÊN", "Long Biên", "Lưu: VT.")))
			.andExpect(redirectedUrl(PAGE));
		this.mvc.perform(get("/").with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(not(containsString("organisation-missing"))));
	}

	// ------------------------------------------------------------------ helpers

	static Map<String, String> valid(long version, String parentBody, String place, String recipients) {
		return Map.of("name", "Phòng Giáo dục và Đào tạo quận Long Biên", "parentBody", parentBody, "issuingBody",
				"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "place", place, "signerTitle", "TRƯỞNG PHÒNG", "recipients", recipients,
				"version", Long.toString(version));
	}

	MockHttpServletRequestBuilder save(String user, Map<String, String> fields) {
		var request = post(PAGE).with(this.logins.as(user)).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	long auditCount() {
		return this.jdbc.queryForObject("select count(*) from audit_event", Long.class);
	}

	long dataVersion() {
		return this.jdbc.queryForObject("select sum(n) from data_version", Long.class);
	}

}
