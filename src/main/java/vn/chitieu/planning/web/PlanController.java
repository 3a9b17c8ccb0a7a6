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

	PlanController(Plans plans, MeasureDescriber describer, MetricCatalog catalog) {
		this.plans = plans;
		this.describer = describer;
		this.catalog = catalog;
	}

	@GetMapping("/plans")
	String list(Model model) {
		model.addAttribute("plans", this.plans.all());
		return "planning/plans";
	}

	@GetMapping("/plans/{code}")
	String plan(@PathVariable String code, Model model, Locale locale) {
		var plan = find(code);
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
