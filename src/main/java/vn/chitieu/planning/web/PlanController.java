package vn.chitieu.planning.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.MeasureDescriber;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.Plans;
import vn.chitieu.planning.Plans.LoadedPlan;
import vn.chitieu.planning.Target;

/**
 * The Office's pages about plans: the list, a plan's indicators by level, one indicator.
 */
@Controller
class PlanController {

	private final Plans plans;

	private final MeasureDescriber describer;

	private final MetricCatalog catalog;

	private final vn.chitieu.planning.PlanVersions versions;

	private final vn.chitieu.security.Users users;

	PlanController(Plans plans, MeasureDescriber describer, MetricCatalog catalog,
			vn.chitieu.planning.PlanVersions versions, vn.chitieu.security.Users users) {
		this.versions = versions;
		this.users = users;
		this.plans = plans;
		this.describer = describer;
		this.catalog = catalog;
	}

	@GetMapping("/plans")
	String list(Model model, org.springframework.security.core.Authentication user) {
		model.addAttribute("plans", this.plans.all());
		model.addAttribute("drafts", isOffice(user) ? this.versions.drafts() : List.of());
		return "planning/plans";
	}

	@GetMapping("/plans/{code}")
	String plan(@PathVariable String code, Model model, Locale locale,
			org.springframework.security.core.Authentication user) {
		var published = this.plans.find(code);
		if (published.isEmpty()) {
			// A plan that exists only as a draft: its editor, for the Office.
			if (isOffice(user) && this.versions.draft(code).isPresent()) {
				return "redirect:/plans/" + code + "/draft";
			}
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return show(published.get(), model, locale, user);
	}

	/**
	 * One version of a plan, read-only: earlier published versions for everyone who reads
	 * plans, the draft for the Office only.
	 */
	@GetMapping("/plans/{code}/versions/{number}")
	String version(@PathVariable String code, @PathVariable int number, Model model, Locale locale,
			org.springframework.security.core.Authentication user) {
		var plan = this.versions.version(code, number)
			.filter((p) -> !p.summary().isDraft() || isOffice(user))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("readOnlyVersion", true);
		return show(plan, model, locale, user);
	}

	private String show(LoadedPlan plan, Model model, Locale locale,
			org.springframework.security.core.Authentication user) {
		var code = plan.summary().code();
		var all = this.versions.versions(code);
		model.addAttribute("versions", isOffice(user) ? all : all.stream().filter((v) -> !v.isDraft()).toList());
		// Who published or drafted a version, by name as in the audit trail (the login if
		// the account is gone).
		var people = new java.util.HashMap<String, String>();
		this.users.all().forEach((u) -> people.put(u.username(), u.displayName()));
		model.addAttribute("people", people);
		model.addAttribute("draft",
				isOffice(user) ? all.stream().filter((v) -> v.isDraft()).findFirst().orElse(null) : null);
		Map<IndicatorLevel, List<IndicatorRow>> groups = new EnumMap<>(IndicatorLevel.class);
		for (var indicator : plan.definition().indicators()) {
			groups.computeIfAbsent(indicator.level(), (l) -> new ArrayList<>())
				.add(new IndicatorRow(indicator, targets(indicator, locale)));
		}
		model.addAttribute("plan", plan);
		model.addAttribute("groups", groups);
		return "planning/plan";
	}

	@GetMapping("/plans/{code}/indicators/{indicatorCode}")
	String indicator(@PathVariable String code, @PathVariable String indicatorCode, Model model, Locale locale) {
		var plan = find(code);
		var indicator = plan.indicator(indicatorCode)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var baseline = plan.definition().baselineYear();
		var targets = new ArrayList<TargetRow>();
		for (Target target : indicator.targets()) {
			var measure = target.measure();
			targets.add(new TargetRow(target, this.describer.target(target, indicator.unit(), locale),
					(measure != null) ? this.describer.describe(measure, baseline, locale) : null));
		}
		var metrics = MeasureDescriber.metricsOf(indicator.measure())
			.stream()
			.map(this.catalog::find)
			.flatMap(java.util.Optional::stream)
			.toList();
		model.addAttribute("plan", plan);
		model.addAttribute("indicator", indicator);
		model.addAttribute("computation", this.describer.describe(indicator.measure(), baseline, locale));
		model.addAttribute("targets", targets);
		model.addAttribute("metrics", metrics);
		return "planning/indicator";
	}

	private static boolean isOffice(org.springframework.security.core.Authentication user) {
		return user != null && user.getAuthorities().stream().anyMatch((a) -> "ROLE_OFFICE".equals(a.getAuthority()));
	}

	private LoadedPlan find(String code) {
		return this.plans.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private List<String> targets(IndicatorDefinition indicator, Locale locale) {
		return indicator.targets().stream().map((t) -> this.describer.target(t, indicator.unit(), locale)).toList();
	}

	/**
	 * An indicator in the plan's table.
	 *
	 * @param indicator the indicator
	 * @param targets its targets as short formulas
	 */
	record IndicatorRow(IndicatorDefinition indicator, List<String> targets) {
	}

	/**
	 * A target on the indicator's page.
	 *
	 * @param target the target
	 * @param formula the target as a short formula
	 * @param computation how its own computation works, when it has one
	 */
	record TargetRow(Target target, String formula, String computation) {
	}

}
