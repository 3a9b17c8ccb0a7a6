package vn.chitieu.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.planning.Plans;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages show what the plans say, in Vietnamese by default and in English on request,
 * and say "Dữ liệu mẫu" wherever sample data shows.
 */
@IntegrationTest
class PagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Plans plans;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@Test
	void shouldShowEveryIndicatorWithItsClauseQuoteAndTarget() throws Exception {
		var office = this.logins.as(Logins.OFFICE);
		int shown = 0;
		for (var summary : this.plans.all()) {
			var plan = this.plans.find(summary.code()).orElseThrow();
			for (var indicator : plan.definition().indicators()) {
				var html = this.mvc
					.perform(get("/plans/{p}/indicators/{i}", summary.code(), indicator.code()).with(office))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(html).contains(indicator.clause())
					.contains(escape(indicator.quote()))
					.contains(escape(indicator.nameVi()))
					.contains("Dữ liệu mẫu");
				for (var target : indicator.targets()) {
					if (target.textVi() != null) {
						assertThat(html).contains(escape(target.textVi()));
					}
				}
				if (indicator.flaw() != null) {
					assertThat(html).contains(escape(indicator.flaw().readingVi()));
				}
				shown++;
			}
		}
		assertThat(shown).isEqualTo(107);
	}

	@Test
	void shouldGroupAPlansIndicatorsByLevel() throws Exception {
		this.mvc.perform(get("/plans/KH-157-UBND-2022").with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("I. Giáo dục mầm non"),
					containsString("II. Giáo dục tiểu học"), containsString("III. Giáo dục THCS"),
					containsString("IV. Toàn ngành"), containsString("MN-33"), containsString("THCS-23"),
					containsString("DIST-02"), containsString("≥ 65 %"), containsString("từ 30 đến 35"))));
	}

	@Test
	void shouldSwitchToEnglishAndBack() throws Exception {
		var office = this.logins.as(Logins.OFFICE);
		this.mvc.perform(get("/plans/KH-157-UBND-2022/indicators/MN-21").param("lang", "en").with(office))
			.andExpect(content().string(allOf(containsString("Children per group/class"),
					containsString("from 30 to 35"), containsString("How it is computed"), containsString("Tiếng Việt"),
					not(containsString("Cách tính")))));
		this.mvc.perform(get("/plans/KH-157-UBND-2022/indicators/MN-21").param("lang", "vi").with(office))
			.andExpect(content().string(allOf(containsString("Số trẻ bình quân trên một nhóm, lớp"),
					containsString("từ 30 đến 35"), containsString("Cách tính"))));
	}

	@Test
	void shouldDescribeTheComputationInPlainWords() throws Exception {
		this.mvc.perform(get("/plans/KH-157-UBND-2022/indicators/MN-01").with(this.logins.as(Logins.OFFICE)))
			.andExpect(
					content().string(allOf(containsString("Tổng «Số trẻ nhà trẻ (dưới 3 tuổi)» của các trường mầm non"),
							containsString("«Dân số trẻ dưới 3 tuổi (độ tuổi nhà trẻ)» của các phường"))));
		this.mvc.perform(get("/plans/KH-157-UBND-2022/indicators/MN-17").with(this.logins.as(Logins.OFFICE)))
			.andExpect(
					content().string(containsString("các trường mầm non công lập xây mới (mở từ năm học 2021-2022)")));
	}

	@Test
	void shouldShowEachRoleItsHomePage() throws Exception {
		this.mvc.perform(get("/").with(this.logins.as("thcs-aimo")))
			.andExpect(content().string(allOf(containsString("Trường THCS Ái Mộ"), containsString("2024-2025"),
					containsString("Dữ liệu mẫu"), not(containsString("href=\"/plans\"")))));
		this.mvc.perform(get("/").with(this.logins.as("p-bode")))
			.andExpect(content().string(containsString("Phường Bồ Đề")));
		this.mvc.perform(get("/").with(this.logins.as(Logins.OFFICE)))
			.andExpect(content().string(allOf(containsString("Báo cáo năm học 2024-2025"),
					containsString("Chưa bắt đầu"), containsString("href=\"/plans\""))));
		this.mvc.perform(get("/").with(this.logins.as(Logins.ADMIN)))
			.andExpect(content().string(containsString("href=\"/admin/users\"")));
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
