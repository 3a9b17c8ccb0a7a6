package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.testsupport.FormSupport;
import vn.chitieu.testsupport.HtmlForm;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two people edit the same form over HTTP, as browsers send it: the second save is
 * refused, the form it gets back holds the other person's changes in the fields this user
 * did not touch, and saving it writes only this user's changes; a figure both changed
 * must be chosen before anything is saved.
 */
@IntegrationTest
class ConflictMergeIT {

	/** A primary school of the sample district that only this test touches. */
	private static final String SCHOOL = "TH-MAU-16";

	private static final String USER = "th-mau-16";

	private static final String FORM = "figures-form";

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

	FormSupport support;

	RequestPostProcessor school;

	String path;

	@BeforeEach
	void setUp() throws Exception {
		this.support = new FormSupport(this.units, this.forms, this.userDetails, this.jdbc);
		this.school = new Logins(this.userDetails).as(USER);
		this.path = this.support.schoolPath(SCHOOL);
		this.support.reset(SCHOOL);
		this.mvc
			.perform(FormSupport
				.post(this.path, Map.of(key("pupils"), "48", key("classes"), "30", key("teachers"), "40"), -1, "save")
				.with(this.school))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void shouldKeepAColleaguesChangeWhenTheRefusedFormIsSavedAgain() throws Exception {
		long since = this.jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
		var mine = open();
		var colleagues = open();
		assertThat(mine.get("o.TH.pupils")).as("the form carries what it was loaded with").isEqualTo("48");

		this.mvc.perform(colleagues.set("f.TH.pupils", "49").post("action=save").with(this.school))
			.andExpect(status().is3xxRedirection());
		var refused = this.mvc.perform(mine.set("f.TH.classes", "31").post("action=save").with(this.school))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sau khi bạn mở trang này")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(figure("classes")).as("nothing saved yet").isEqualByComparingTo("30");

		var again = HtmlForm.of(refused, FORM);
		assertThat(again.get("f.TH.pupils")).as("the colleague's value, not the stale one").isEqualTo("49");
		assertThat(again.get("f.TH.classes")).as("what this user typed").isEqualTo("31");
		assertThat(again.get("o.TH.pupils")).isEqualTo("49");
		assertThat(again.has("k.TH.pupils")).as("nothing to choose").isFalse();

		this.mvc.perform(again.post("action=save").with(this.school)).andExpect(status().is3xxRedirection());
		assertThat(figure("pupils")).as("the colleague's 49 stands").isEqualByComparingTo("49");
		assertThat(figure("classes")).isEqualByComparingTo("31");
		assertThat(this.jdbc.queryForList("""
				select new_value from audit_event
				where action = 'FIGURE_CHANGED' and unit_id = ? and school_year = 2024 and field = 'TH/pupils'
				and id > ? order by id""", String.class, this.support.id(SCHOOL), since))
			.as("pupils changed by the colleague only, never reverted")
			.containsExactly("49");
	}

	@Test
	void shouldRefuseToSaveAFigureBothChangedUntilOneValueIsChosen() throws Exception {
		var mine = open();
		var colleagues = open();
		this.mvc.perform(colleagues.set("f.TH.teachers", "41").post("action=save").with(this.school))
			.andExpect(status().is3xxRedirection());
		var refused = this.mvc
			.perform(mine.set("f.TH.teachers", "42").set("f.TH.classes", "31").post("action=save").with(this.school))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cùng sửa số liệu này")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var contested = HtmlForm.of(refused, FORM);
		assertThat(contested.has("k.TH.teachers")).isTrue();
		assertThat(contested.get("f.TH.teachers")).isEqualTo("42");
		assertThat(contested.has("c.TH.teachers")).as("nothing chosen for the user").isFalse();
		assertThat(refused).contains("Giữ giá trị của bạn: 42").contains("Giữ giá trị " + USER + " đã lưu: 41");

		var unchosen = this.mvc.perform(contested.post("action=save").with(this.school))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hãy chọn giá trị giữ lại trước khi lưu")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(figure("teachers")).isEqualByComparingTo("41");
		assertThat(figure("classes")).as("nothing saved half-way").isEqualByComparingTo("30");

		var chosen = HtmlForm.of(unchosen, FORM);
		assertThat(chosen.has("k.TH.teachers")).as("still to choose").isTrue();
		this.mvc.perform(chosen.set("c.TH.teachers", "theirs").post("action=save").with(this.school))
			.andExpect(status().is3xxRedirection());
		assertThat(figure("teachers")).as("the colleague's value, chosen").isEqualByComparingTo("41");
		assertThat(figure("classes")).isEqualByComparingTo("31");
	}

	@Test
	void shouldSaveTheUsersOwnValueWhenChosen() throws Exception {
		var mine = open();
		var colleagues = open();
		this.mvc.perform(colleagues.set("f.TH.teachers", "41").post("action=save").with(this.school));
		var refused = this.mvc.perform(mine.set("f.TH.teachers", "42").post("action=save").with(this.school))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc.perform(HtmlForm.of(refused, FORM).set("c.TH.teachers", "mine").post("action=save").with(this.school))
			.andExpect(status().is3xxRedirection());
		assertThat(figure("teachers")).isEqualByComparingTo("42");
	}

	@Test
	void shouldCarryTheExplanationOfAnImplausibleFigureThroughTheMergePageAndStoreIt() throws Exception {
		var last = this.jdbc.queryForObject("""
				select f.value from figure f join submission s on s.id = f.submission_id
				where s.unit_id = ? and s.school_year = 2023 and f.metric_code = 'land_area_m2' and f.level = 'TH'""",
				BigDecimal.class, this.support.id(SCHOOL));
		assertThat(last).isGreaterThan(BigDecimal.valueOf(1000));
		// Land area typed in hectares where square metres are asked: far from last
		// year's.
		var odd = last.movePointLeft(3).setScale(1, java.math.RoundingMode.HALF_UP);
		var explanation = "Đo lại theo giấy chứng nhận mới";
		var mine = open();
		var colleagues = open();
		this.mvc.perform(colleagues.set("f.TH.classes", "31").post("action=save").with(this.school))
			.andExpect(status().is3xxRedirection());
		var merge = this.mvc
			.perform(mine.set("f.TH.land_area_m2", odd.toPlainString().replace('.', ','))
				.set("e.TH.land_area_m2", explanation)
				.post("action=save")
				.with(this.school))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sau khi bạn mở trang này")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(merge).as("the warning of the figure as this user typed it, beside it")
			.containsPattern("(?s)id=\"f-TH-land_area_m2-msg\"((?!</td>).)*Khác xa năm trước");
		var again = HtmlForm.of(merge, FORM);
		assertThat(again.get("f.TH.classes")).isEqualTo("31");
		assertThat(again.has("e.TH.land_area_m2")).as("the explanation box on the merge page").isTrue();
		assertThat(again.get("e.TH.land_area_m2")).as("what this user explained, kept").isEqualTo(explanation);

		this.mvc.perform(again.post("action=save").with(this.school)).andExpect(status().is3xxRedirection());
		assertThat(figure("land_area_m2")).isEqualByComparingTo(odd);
		assertThat(figure("classes")).isEqualByComparingTo("31");
		assertThat(this.jdbc.queryForObject("""
				select e.explanation from figure_explanation e join submission s on s.id = e.submission_id
				where s.unit_id = ? and s.school_year = 2024 and e.metric_code = 'land_area_m2' and e.level = 'TH'""",
				String.class, this.support.id(SCHOOL)))
			.isEqualTo(explanation);
	}

	@Test
	void shouldKeepAnExplanationTypedForAStoredFigureWhenTheSaveEndsOnTheMergePage() throws Exception {
		var last = this.jdbc.queryForObject("""
				select f.value from figure f join submission s on s.id = f.submission_id
				where s.unit_id = ? and s.school_year = 2023 and f.metric_code = 'land_area_m2' and f.level = 'TH'""",
				BigDecimal.class, this.support.id(SCHOOL));
		var odd = last.movePointLeft(3).setScale(1, java.math.RoundingMode.HALF_UP);
		var draft = open();
		this.mvc
			.perform(draft.set("f.TH.land_area_m2", odd.toPlainString().replace('.', ','))
				.post("action=save")
				.with(this.school))
			.andExpect(status().is3xxRedirection());
		// The draft's figure is flagged: the form asks for a word on it.
		var mine = open();
		assertThat(mine.has("e.TH.land_area_m2")).isTrue();
		var colleagues = open();
		this.mvc.perform(colleagues.set("f.TH.teachers", "41").post("action=save").with(this.school))
			.andExpect(status().is3xxRedirection());
		var explanation = "Trường đã bàn giao một phần đất cho phường";
		var merge = this.mvc.perform(mine.set("e.TH.land_area_m2", explanation).post("action=save").with(this.school))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sau khi bạn mở trang này")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var again = HtmlForm.of(merge, FORM);
		assertThat(again.get("e.TH.land_area_m2")).as("what this user explained, kept").isEqualTo(explanation);
		this.mvc.perform(again.post("action=save").with(this.school)).andExpect(status().is3xxRedirection());
		assertThat(figure("teachers")).isEqualByComparingTo("41");
		assertThat(this.jdbc.queryForObject("""
				select e.explanation from figure_explanation e join submission s on s.id = e.submission_id
				where s.unit_id = ? and s.school_year = 2024 and e.metric_code = 'land_area_m2' and e.level = 'TH'""",
				String.class, this.support.id(SCHOOL)))
			.isEqualTo(explanation);
	}

	private HtmlForm open() throws Exception {
		var html = this.mvc.perform(get(this.path).with(this.school))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return HtmlForm.of(html, FORM);
	}

	private BigDecimal figure(String metric) {
		return this.jdbc.queryForObject("""
				select f.value from figure f join submission s on s.id = f.submission_id
				where s.unit_id = ? and s.school_year = 2024 and f.metric_code = ? and f.level = 'TH'""",
				BigDecimal.class, this.support.id(SCHOOL), metric);
	}

	private static FigureKey key(String metric) {
		return new FigureKey(metric, EducationLevel.TH);
	}

}
