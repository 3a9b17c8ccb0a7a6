package vn.chitieu.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.Measure;
import vn.chitieu.planning.MeasureDescriber;
import vn.chitieu.planning.PlanSummary;
import vn.chitieu.progress.IndicatorProgress;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.ProgressStatus;
import vn.chitieu.progress.UnitStanding;
import vn.chitieu.security.CurrentUser;
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

	DashboardController(Progress progress, MeasureDescriber describer, ChartData charts, MessageSource messages) {
		this.progress = progress;
		this.describer = describer;
		this.charts = charts;
		this.messages = messages;
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
		var target = org.springframework.web.util.UriComponentsBuilder
			.fromPath(wards ? "/progress/{plan}/wards" : "/progress/{plan}")
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
			@RequestParam(defaultValue = "false") boolean submitted, Model model, Locale locale) {
		var summary = summary(planCode);
		var asOf = year(year, summary, model, locale);
		var levelFilter = parse(IndicatorLevel.class, level, "progress.badLevel", model, locale);
		var statusFilter = parse(ProgressStatus.class, status, "progress.badStatus", model, locale);
		var plan = this.progress.plan(planCode, asOf, submitted)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Map<IndicatorLevel, List<Row>> groups = new EnumMap<>(IndicatorLevel.class);
		int shown = 0;
		for (var indicator : plan.indicators()) {
			if (levelFilter != null && indicator.indicator().level() != levelFilter) {
				continue;
			}
			if (statusFilter != null && indicator.latest().status() != statusFilter) {
				continue;
			}
			groups.computeIfAbsent(indicator.indicator().level(), (l) -> new ArrayList<>())
				.add(new Row(indicator, targets(indicator, locale)));
			shown++;
		}
		common(model, summary, plan.asOf(), submitted);
		model.addAttribute("progress", plan);
		model.addAttribute("groups", groups);
		model.addAttribute("shown", shown);
		model.addAttribute("counts", plan.counts());
		model.addAttribute("totals", plan.totals());
		model.addAttribute("provisionalCounts", plan.provisionalCounts());
		model.addAttribute("provisionalTotals", plan.provisionalTotals());
		model.addAttribute("statuses", ProgressStatus.values());
		model.addAttribute("level", levelFilter);
		model.addAttribute("status", statusFilter);
		return "dashboard/overview";
	}

	@GetMapping("/progress/{planCode}/indicators/{code}")
	String indicator(@PathVariable String planCode, @PathVariable String code,
			@RequestParam(required = false) String year, @RequestParam(defaultValue = "false") boolean submitted,
			Model model, Locale locale) {
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
		model.addAttribute("overWards", detail.breakdown().stream().anyMatch((s) -> s.own() != null));
		model.addAttribute("conditionKind", indicator.measure() instanceof Measure.Conditional);
		model.addAttribute("holdingBack", detail.breakdown().stream().filter(UnitStanding::holdsBack).count());
		model.addAttribute("missing",
				detail.breakdown()
					.stream()
					.filter((s) -> s.part().outcome() == vn.chitieu.progress.UnitResult.Outcome.MISSING)
					.count());
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

	// ------------------------------------------------------------------ helpers

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

	/**
	 * An indicator in the overview.
	 *
	 * @param progress its progress
	 * @param targets its targets as short formulas
	 */
	record Row(IndicatorProgress progress, List<String> targets) {
	}

}
