package vn.chitieu.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.Plans;
import vn.chitieu.progress.IndicatorDetail;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.UnitStanding;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The indicator page lists its units fifty at a time, those holding the indicator back
 * most first, with the next pages, and finds a unit by its name (with or without accents)
 * or its ward; every unit of the breakdown is on exactly one page.
 */
@IntegrationTest
class BreakdownPagingIT {

	private static final String PLAN = "KH-157-UBND-2022";

	private static final SchoolYear YEAR = SchoolYear.of(2024);

	private static final Pattern UNIT = Pattern.compile("data-unit=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Plans plans;

	@Autowired
	Progress progress;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@Test
	void shouldListTheUnitsHoldingItBackFirstFiftyAPageAndEveryUnitOnOnePage() throws Exception {
		var detail = longest();
		var all = codes(detail.breakdown());
		int total = all.size();
		// The sample district's longest breakdown (an indicator over every school).
		assertThat(total).isGreaterThan(50).isLessThanOrEqualTo(100);
		var path = path(detail);

		var first = page(path, Logins.OFFICE);
		assertThat(units(first)).containsExactlyElementsOf(all.subList(0, 50));
		assertThat(first).contains("Đang hiện 1–50 trong " + total + " đơn vị")
			.contains("aria-label=\"Các trang của danh sách đơn vị\"")
			.containsPattern("href=\"[^\"]*page=2#breakdown\" rel=\"next\"")
			.doesNotContain("rel=\"prev\"")
			.contains("aria-current=\"page\"");

		var second = page(path + "&page=2", Logins.OFFICE);
		assertThat(units(second)).containsExactlyElementsOf(all.subList(50, total));
		assertThat(second).contains("Đang hiện 51–" + total + " trong " + total + " đơn vị")
			.containsPattern("href=\"[^\"]*page=1#breakdown\" rel=\"prev\"")
			.doesNotContain("rel=\"next\"");
		// The summary still counts the whole breakdown on every page.
		long holdingBack = detail.breakdown().stream().filter(UnitStanding::holdsBack).count();
		assertThat(second).containsPattern(holdingBack + " đơn vị chưa đạt phần của mình");

		// A page past the last shows the last; a page that is no number, the first.
		assertThat(units(page(path + "&page=999", Logins.OFFICE))).isEqualTo(units(second));
		assertThat(units(page(path + "&page=abc", Logins.OFFICE))).isEqualTo(units(first));

		assertThat(page(path + "&lang=en", Logins.OFFICE)).contains("Showing 1–50 of " + total + " units")
			.contains("Next page");
	}

	@Test
	void shouldFindAUnitByItsNameWithoutAccentsOrByItsWard() throws Exception {
		var detail = longest();
		var path = path(detail);
		var school = detail.breakdown()
			.stream()
			.map(UnitStanding::unit)
			.filter((u) -> u.kind() == UnitKind.SCHOOL && !u.name().equals(BreakdownPage.fold(u.name())))
			.reduce((a, b) -> b)
			.orElseThrow();
		// Typed as staff often type it: no accents, lower case, part of the name.
		var typed = BreakdownPage.fold(school.name()).substring(7);
		var expected = detail.breakdown()
			.stream()
			.filter((s) -> BreakdownPage.fold(s.unit().name()).contains(typed)
					|| BreakdownPage.fold(s.unit().code()).contains(typed))
			.toList();
		// MockMvc encodes the address it is given: the words as typed.
		var found = page(path + "&q=" + typed, Logins.OFFICE);
		assertThat(units(found)).contains(school.code()).containsExactlyElementsOf(codes(expected));
		assertThat(found).contains("Bỏ lọc").contains("value=\"" + typed + "\"");

		long ward = school.wardId();
		var inWard = detail.breakdown()
			.stream()
			.filter((s) -> Long.valueOf(ward).equals(s.unit().wardId()) || s.unit().unitId() == ward)
			.toList();
		var byWard = page(path + "&ward=" + ward, Logins.OFFICE);
		assertThat(units(byWard)).isNotEmpty().containsExactlyElementsOf(codes(inWard));
		assertThat(byWard).contains("<option value=\"" + ward + "\" selected=\"selected\">");

		var nothing = page(path + "&q=khong-co-truong-nao", Logins.OFFICE);
		assertThat(units(nothing)).isEmpty();
		assertThat(nothing).contains("Không có đơn vị nào khớp với tìm kiếm.");
	}

	@Test
	void shouldShowAShortBreakdownWhole() throws Exception {
		// TH-04: the 28 public primary schools, one page, no page links.
		var detail = this.progress.indicator(PLAN, "TH-04", YEAR, false).orElseThrow();
		var html = page("/progress/" + PLAN + "/indicators/TH-04?year=2024-2025", Logins.OFFICE);
		assertThat(units(html)).containsExactlyElementsOf(codes(detail.breakdown()));
		assertThat(html).doesNotContain("Các trang của danh sách đơn vị").doesNotContain("Đang hiện 1–");
	}

	// ------------------------------------------------------------------ helpers

	@Test
	void shouldKeepAPageRenderedForItsReadersButNeverShowOneRolesLinksToAnother() throws Exception {
		var detail = longest();
		var path = path(detail);
		var registry = io.micrometer.core.instrument.Metrics.globalRegistry;
		var hits = registry.counter("chitieu.fragment.cache", "fragment", "indicator-breakdown", "result", "hit");
		var office = page(path, Logins.OFFICE);
		double before = hits.count();
		assertThat(breakdownPart(page(path, Logins.OFFICE))).isEqualTo(breakdownPart(office));
		assertThat(hits.count()).isEqualTo(before + 1);
		// The Office's own links (a unit's history) are not the leaders'.
		assertThat(office).contains("/audit?unit=");
		var viewer = page(path, Logins.VIEWER);
		assertThat(viewer).doesNotContain("/audit?unit=");
		assertThat(units(viewer)).isEqualTo(units(office));
		// Another page, another filter: each its own.
		assertThat(units(page(path + "&page=2", Logins.OFFICE))).isNotEmpty()
			.doesNotContainAnyElementsOf(units(office));
		var unit = detail.breakdown().get(0).unit();
		// MockMvc encodes the address it is given: the name as typed, without accents.
		assertThat(units(page(path + "&q=" + BreakdownPage.fold(unit.name()), Logins.OFFICE))).contains(unit.code());
	}

	private static String breakdownPart(String page) {
		int start = page.indexOf("id=\"breakdown\"");
		int end = page.indexOf("<h2 class=\"h6 text-secondary\"", start);
		assertThat(start).as("the breakdown").isPositive();
		return page.substring(start, end);
	}

	private IndicatorDetail longest() {
		IndicatorDetail longest = null;
		for (var indicator : this.plans.find(PLAN).orElseThrow().definition().indicators()) {
			var detail = this.progress.indicator(PLAN, indicator.code(), YEAR, false).orElseThrow();
			if (longest == null || detail.breakdown().size() > longest.breakdown().size()) {
				longest = detail;
			}
		}
		return longest;
	}

	private static String path(IndicatorDetail detail) {
		return "/progress/" + PLAN + "/indicators/" + detail.progress().indicator().code() + "?year=2024-2025";
	}

	private static List<String> codes(List<UnitStanding> breakdown) {
		return breakdown.stream().map((s) -> s.unit().code()).toList();
	}

	private static List<String> units(String html) {
		var found = new ArrayList<String>();
		var matcher = UNIT.matcher(html);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private String page(String path, String user) throws Exception {
		return this.mvc.perform(get(path).with(this.logins.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
