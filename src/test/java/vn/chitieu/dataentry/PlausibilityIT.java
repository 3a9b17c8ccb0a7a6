package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.testsupport.FormSupport;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A figure far from last year's (land area 14.773 m² typed as 14,773) is kept in a draft
 * with a warning, refused at submission until the school explains it, and the explanation
 * is stored with the figure and shown to the reviewer.
 */
@IntegrationTest
class PlausibilityIT {

	/** A primary school of the sample district that only this test touches. */
	private static final String SCHOOL = "TH-MAU-21";

	private static final FigureKey LAND = new FigureKey("land_area_m2", EducationLevel.TH);

	@Autowired
	MockMvc mvc;

	@Autowired
	OrgUnits units;

	@Autowired
	FigureForms forms;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	Logins logins;

	FormSupport support;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
		this.support = new FormSupport(this.units, this.forms, this.userDetails, this.jdbc);
		this.support.reset(SCHOOL);
	}

	@Test
	void shouldAskForAnExplanationOfAFigureFarFromLastYearsAndShowItToTheReviewer() throws Exception {
		var school = this.logins.as(SCHOOL.toLowerCase(java.util.Locale.ROOT));
		var path = this.support.schoolPath(SCHOOL);
		var values = new LinkedHashMap<>(this.support.complete(SCHOOL));
		var last = new BigDecimal(values.get(LAND));
		assertThat(last).isGreaterThan(BigDecimal.valueOf(1000));
		var odd = last.movePointLeft(3);
		values.put(LAND, odd.toPlainString().replace('.', ','));

		// A draft keeps it, with a warning beside the field and a place to explain it.
		this.mvc.perform(FormSupport.post(path, values, -1, "save").with(school))
			.andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString("Đã lưu nháp")));
		assertThat(figure()).isEqualByComparingTo(odd);
		var draft = page(path, school);
		assertThat(draft).contains("Khác xa năm trước").contains("name=\"e.TH.land_area_m2\"");
		int version = version();

		// Sent without a word: refused, the summary leading to the explanation.
		var refused = this.mvc.perform(FormSupport.post(path, values, version, "submit").with(school))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"problems-unexplained\"")
			.contains("1 số liệu khác thường chưa có giải thích")
			.contains("href=\"#f-TH-land_area_m2-explanation\"");
		assertThat(reportStatus()).isEqualTo("DRAFT");

		// Explained: sent, the explanation kept with the figure.
		var explanation = "Đo lại theo giấy chứng nhận mới: đơn vị là hécta";
		this.mvc.perform(
				FormSupport.post(path, values, version, "submit").param("e.TH.land_area_m2", explanation).with(school))
			.andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString("Đã gửi báo cáo")));
		assertThat(reportStatus()).isEqualTo("SUBMITTED");
		assertThat(this.jdbc.queryForObject("""
				select e.explanation from figure_explanation e join submission s on s.id = e.submission_id
				where s.unit_id = ? and s.school_year = 2024 and e.metric_code = 'land_area_m2' and e.level = 'TH'""",
				String.class, this.support.id(SCHOOL)))
			.isEqualTo(explanation);

		// The reviewer sees the warning and the school's explanation at the top.
		var review = page(path, this.logins.as(Logins.OFFICE));
		int summary = review.indexOf("id=\"plausibility\"");
		assertThat(summary).isPositive().isLessThan(review.indexOf("id=\"figures-form\""));
		assertThat(review.substring(summary)).contains("Diện tích đất của trường")
			.contains("Khác xa năm trước")
			.contains(explanation);
	}

	private String page(String path, org.springframework.test.web.servlet.request.RequestPostProcessor who)
			throws Exception {
		return this.mvc.perform(get(path).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private BigDecimal figure() {
		return this.jdbc.queryForObject("""
				select f.value from figure f join submission s on s.id = f.submission_id
				where s.unit_id = ? and s.school_year = 2024 and f.metric_code = 'land_area_m2' and f.level = 'TH'""",
				BigDecimal.class, this.support.id(SCHOOL));
	}

	private String reportStatus() {
		return this.jdbc.queryForObject("select status from submission where unit_id = ? and school_year = 2024",
				String.class, this.support.id(SCHOOL));
	}

	private int version() {
		return this.jdbc.queryForObject("select version from submission where unit_id = ? and school_year = 2024",
				Integer.class, this.support.id(SCHOOL));
	}

}
