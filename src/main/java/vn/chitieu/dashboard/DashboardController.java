package vn.chitieu.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.orgunit.Ward;
import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.Measure;
import vn.chitieu.planning.MeasureDescriber;
import vn.chitieu.planning.PlanSummary;
import vn.chitieu.progress.IndicatorDetail;
import vn.chitieu.progress.IndicatorProgress;
import vn.chitieu.progress.PlanProgress;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.ProgressStatus;
import vn.chitieu.progress.UnitStanding;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.MenuRoles;
import vn.chitieu.security.Role;

/**
 * The dashboards of the Office and the leaders: where the district stands on every
 * indicator of a plan, one indicator in depth, enrolment by ward (also for a ward's own
 * official).
 */
@Controller
class DashboardController {

	private final Progress progress;

	private final MeasureDescriber describer;

	private final ChartData charts;

	private final MessageSource messages;

	private final OverviewRows overviewRows;

	/** The overview's parts the figures alone decide (PageParts). */
	private static final String OVERVIEW_PARTS = "dashboard/overview-tables";

	private final PageParts parts;

	private final MenuRoles roles;

	private final OrgUnits units;

	DashboardController(Progress progress, MeasureDescriber describer, ChartData charts, MessageSource messages,
			OverviewRows overviewRows, PageParts parts, MenuRoles roles, OrgUnits units) {
		this.units = units;
		this.progress = progress;
		this.describer = describer;
		this.charts = charts;
		this.messages = messages;
		this.overviewRows = overviewRows;
		this.parts = parts;
		this.roles = roles;
	}

	/**
	 * The way in, and where the plan selector leads: to a plan's overview (its enrolment
	 * by ward for a ward's official), keeping the other choices.
	 */
	@GetMapping("/progress")
	String index(@RequestParam(required = false) String plan, @RequestParam(required = false) String view,
			@RequestParam(required = false) String year, @RequestParam(required = false) String level,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean submitted,
			@AuthenticationPrincipal CurrentUser user) {
		var plans = this.progress.plans();
		if (plans.isEmpty()) {
			return "dashboard/no-plans";
		}
		var chosen = plans.stream()
			.filter((p) -> p.code().equals(plan))
			.findFirst()
			.map(PlanSummary::code)
			.orElse(plans.get(0).code());
		boolean wards = "wards".equals(view) || user.role() == Role.WARD;
		var target = UriComponentsBuilder.fromPath(wards ? "/progress/{plan}/wards" : "/progress/{plan}")
			.queryParamIfPresent("year", java.util.Optional.ofNullable(blank(year)))
			.queryParamIfPresent("level", java.util.Optional.ofNullable(wards ? null : blank(level)))
			.queryParamIfPresent("status", java.util.Optional.ofNullable(wards ? null : blank(status)))
			.queryParamIfPresent("submitted", submitted ? java.util.Optional.of("true") : java.util.Optional.empty())
			.buildAndExpand(chosen)
			.encode()
			.toUriString();
		return "redirect:" + target;
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	@GetMapping("/progress/help")
	String help(Model model) {
		model.addAttribute("statuses", ProgressStatus.values());
		return "dashboard/help";
	}

	@GetMapping("/progress/{planCode}")
	String overview(@PathVariable String planCode, @RequestParam(required = false) String year,
			@RequestParam(required = false) String level, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean submitted, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		var summary = summary(planCode);
		var asOf = year(year, summary, model, locale);
		var levelFilter = parse(IndicatorLevel.class, level, "progress.badLevel", model, locale);
		var statusFilter = parse(ProgressStatus.class, status, "progress.badStatus", model, locale);
		var plan = this.progress.plan(planCode, asOf, submitted)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Map<IndicatorLevel, List<OverviewRow>> groups = new EnumMap<>(IndicatorLevel.class);
		int shown = 0;
		for (var row : this.overviewRows.rows(plan, locale)) {
			if (levelFilter != null && row.level() != levelFilter) {
				continue;
			}
			if (statusFilter != null && row.status() != statusFilter) {
				continue;
			}
			groups.computeIfAbsent(row.level(), (l) -> new ArrayList<>()).add(row);
			shown++;
		}
		common(model, summary, plan.asOf(), submitted);
		model.addAttribute("progress", plan);
		var key = List.of(planCode, plan.asOf().startYear(), submitted);
		model.addAttribute("summary", this.parts.html("overview-summary", OVERVIEW_PARTS, "summary", key, plan, locale,
				request, response, () -> overviewVariables(plan, Map.of())));
		model.addAttribute("tables",
				this.parts.html("overview-groups", OVERVIEW_PARTS, "groups",
						List.of(key, String.valueOf(levelFilter), String.valueOf(statusFilter)), plan, locale, request,
						response, () -> overviewVariables(plan, groups)));
		model.addAttribute("shown", shown);
		model.addAttribute("counts", plan.counts());
		model.addAttribute("statuses", ProgressStatus.values());
		model.addAttribute("level", levelFilter);
		model.addAttribute("status", statusFilter);
		return "dashboard/overview";
	}

	@GetMapping("/progress/{planCode}/indicators/{code}")
	String indicator(@PathVariable String planCode, @PathVariable String code,
			@RequestParam(required = false) String year, @RequestParam(defaultValue = "false") boolean submitted,
			@RequestParam(required = false) String q, @RequestParam(required = false) String ward,
			@RequestParam(required = false) String page, Model model, Locale locale, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		var summary = summary(planCode);
		var asOf = year(year, summary, model, locale);
		var detail = this.progress.indicator(planCode, code, asOf, submitted)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var indicator = detail.progress().indicator();
		var baseline = detail.definition().baselineYear();
		common(model, summary, detail.progress().latest().year(), submitted);
		model.addAttribute("detail", detail);
		model.addAttribute("indicator", indicator);
		model.addAttribute("latest", detail.progress().latest());
		model.addAttribute("targets", targets(detail.progress(), locale));
		model.addAttribute("computation", this.describer.describe(indicator.measure(), baseline, locale));
		model.addAttribute("alternative", (indicator.flaw() != null && indicator.flaw().alternative() != null)
				? this.describer.describe(indicator.flaw().alternative(), baseline, locale) : null);
		model.addAttribute("chart", this.charts.json(detail, locale));
		if (!detail.breakdown().isEmpty()) {
			var can = this.roles.of(authentication);
			boolean office = can.any("OFFICE");
			var key = Arrays.asList(planCode, code, asOf.startYear(), submitted, blank(q), number(ward), blank(page),
					office);
			model.addAttribute("breakdownHtml", this.parts.html("indicator-breakdown", "dashboard/indicator-breakdown",
					"breakdown", key, detail, locale, request, response, () -> {
						var variables = new HashMap<String, Object>();
						variables.put("can", can);
						variables.put("detail", detail);
						variables.put("indicator", indicator);
						variables.put("target", indicator.targets().get(0));
						variables.put("plan", summary);
						variables.put("asOf", detail.progress().latest().year());
						variables.put("submitted", submitted);
						variables.put("overWards", detail.breakdown().stream().anyMatch((s) -> s.own() != null));
						variables.put("conditionKind", indicator.measure() instanceof Measure.Conditional);
						variables.put("holdingBack",
								detail.breakdown().stream().filter(UnitStanding::holdsBack).count());
						variables.put("missing",
								detail.breakdown()
									.stream()
									.filter((s) -> s.part().outcome() == vn.chitieu.progress.UnitResult.Outcome.MISSING)
									.count());
						breakdown(variables, detail, indicator.code(), q, ward, page);
						return variables;
					}));
		}
		return "dashboard/indicator";
	}

	@GetMapping("/progress/{planCode}/wards")
	String wards(@PathVariable String planCode, @RequestParam(required = false) String year,
			@RequestParam(defaultValue = "false") boolean submitted, @AuthenticationPrincipal CurrentUser user,
			Model model, Locale locale) {
		// Security lets wards in here; a ward's official sees their own ward only.
		boolean own = user.role() == Role.WARD;
		if (!own && !user.role().readsDistrict()) {
			throw new org.springframework.security.access.AccessDeniedException("District or ward users only");
		}
		var summary = summary(planCode);
		var shown = year(year, summary, model, locale);
		var wards = this.progress.wards(planCode, shown, submitted, (id) -> !own || id.equals(user.unitId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		common(model, summary, wards.year(), submitted);
		model.addAttribute("wards", wards);
		model.addAttribute("ownWard", own);
		return "dashboard/wards";
	}

	/**
	 * The page of the breakdown asked for, and what its filter offers: the wards its
	 * schools stand in.
	 */
	private void breakdown(Map<String, Object> model, IndicatorDetail detail, String code, String q, String ward,
			String page) {
		var name = blank(q);
		Long wardId = number(ward);
		Integer asked = number(page) != null ? (int) Math.min(Integer.MAX_VALUE, Math.max(1, number(page))) : 1;
		var wardIds = new HashSet<Long>();
		for (var standing : detail.breakdown()) {
			if (standing.unit().kind() == vn.chitieu.orgunit.UnitKind.SCHOOL && standing.unit().wardId() != null) {
				wardIds.add(standing.unit().wardId());
			}
		}
		var wards = wardIds.isEmpty() ? List.<Ward>of()
				: this.units.wards().stream().filter((w) -> wardIds.contains(w.id())).toList();
		if (wardId != null && !wardIds.contains(wardId)) {
			wardId = null;
		}
		var plan = detail.plan().code();
		var year = detail.progress().latest().year().label();
		boolean submitted = detail.includeSubmitted();
		Long chosenWard = wardId;
		var breakdown = BreakdownPage.of(detail.breakdown(), name, wardId, asked, (n) -> {
			var link = UriComponentsBuilder.fromPath("/progress/{plan}/indicators/{code}")
				.queryParam("year", "{year}")
				.queryParam("submitted", submitted);
			var values = new HashMap<String, Object>(Map.of("plan", plan, "code", code, "year", year));
			if (name != null) {
				link.queryParam("q", "{q}");
				values.put("q", name);
			}
			if (chosenWard != null) {
				link.queryParam("ward", chosenWard);
			}
			return link.queryParam("page", n).fragment("breakdown").encode().buildAndExpand(values).toUriString();
		});
		model.put("breakdown", breakdown);
		model.put("breakdownWards", wards);
		model.put("q", name);
		model.put("ward", wardId);
		model.put("filtered", name != null || wardId != null);
	}

	private static Long number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	// ------------------------------------------------------------------ helpers

	private static Map<String, Object> overviewVariables(PlanProgress plan,
			Map<IndicatorLevel, List<OverviewRow>> groups) {
		var variables = new HashMap<String, Object>();
		variables.put("groups", groups);
		variables.put("progress", plan);
		variables.put("plan", plan.plan());
		variables.put("asOf", plan.asOf());
		variables.put("submitted", plan.includeSubmitted());
		variables.put("counts", plan.counts());
		variables.put("totals", plan.totals());
		variables.put("provisionalCounts", plan.provisionalCounts());
		variables.put("provisionalTotals", plan.provisionalTotals());
		variables.put("statuses", ProgressStatus.values());
		return variables;
	}

	private void common(Model model, PlanSummary summary, SchoolYear asOf, boolean submitted) {
		model.addAttribute("plans", this.progress.plans());
		model.addAttribute("plan", summary);
		model.addAttribute("asOf", asOf);
		model.addAttribute("submitted", submitted);
		var years = new ArrayList<SchoolYear>();
		for (var y = summary.baselineYear(); !y.isAfter(summary.targetYear()); y = y.next()) {
			years.add(y);
		}
		model.addAttribute("planYears", years);
	}

	private PlanSummary summary(String code) {
		return this.progress.summary(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private SchoolYear year(String text, PlanSummary plan, Model model, Locale locale) {
		return year(text, this.progress.defaultYear(plan), model, this.messages, locale);
	}

	/**
	 * The school year asked for, or the default one with a word on what was wrong.
	 */
	static SchoolYear year(String text, SchoolYear fallback, Model model, MessageSource messages, Locale locale) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return SchoolYear.parse(text.strip());
		}
		catch (IllegalArgumentException ex) {
			problem(model, messages.getMessage("progress.badYear", new Object[] { text }, locale));
			return fallback;
		}
	}

	private <E extends Enum<E>> E parse(Class<E> type, String text, String problem, Model model, Locale locale) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			problem(model, this.messages.getMessage(problem, new Object[] { text }, locale));
			return null;
		}
	}

	/** Says what was wrong with a filter, after anything said already. */
	static void problem(Model model, String text) {
		var before = (String) model.getAttribute("problem");
		model.addAttribute("problem", (before != null) ? before + " " + text : text);
	}

	private List<String> targets(IndicatorProgress progress, Locale locale) {
		return progress.indicator()
			.targets()
			.stream()
			.map((t) -> this.describer.target(t, progress.indicator().unit(), locale))
			.toList();
	}

}
