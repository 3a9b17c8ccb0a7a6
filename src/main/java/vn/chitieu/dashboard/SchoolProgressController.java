package vn.chitieu.dashboard;

import java.util.ArrayList;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.PlanSummary;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.SchoolStanding;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.UnitAccess;

/**
 * A school's position on every indicator that applies to it: its own ratios and averages
 * against the targets, whether it meets the conditions the district counts, and what it
 * must improve. A school's staff see their own school only.
 */
@Controller
class SchoolProgressController {

	private final Progress progress;

	private final OrgUnits units;

	private final UnitAccess access;

	private final MessageSource messages;

	SchoolProgressController(Progress progress, OrgUnits units, UnitAccess access, MessageSource messages) {
		this.progress = progress;
		this.units = units;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/schools/{id}/progress")
	String school(@PathVariable long id, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String year, @RequestParam(defaultValue = "false") boolean submitted,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		// Check access before looking the school up, so that other ids reveal nothing.
		this.access.checkRead(user, id);
		var school = this.units.school(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var plans = this.progress.plans();
		if (plans.isEmpty()) {
			return "dashboard/no-plans";
		}
		PlanSummary summary = plans.stream().filter((p) -> p.code().equals(plan)).findFirst().orElse(plans.get(0));
		if (plan != null && !plan.equals(summary.code())) {
			DashboardController.problem(model,
					this.messages.getMessage("progress.badPlan", new Object[] { plan }, locale));
		}
		var asOf = DashboardController.year(year, this.progress.defaultYear(summary), model, this.messages, locale);
		var standing = this.progress.school(summary.code(), id, asOf, submitted).orElseThrow();
		var rows = standing.standings();
		var years = new ArrayList<SchoolYear>();
		for (var y = summary.baselineYear(); !y.isAfter(summary.targetYear()); y = y.next()) {
			years.add(y);
		}
		model.addAttribute("school", school);
		model.addAttribute("plans", plans);
		model.addAttribute("plan", summary);
		model.addAttribute("asOf", standing.asOf());
		model.addAttribute("submitted", submitted);
		model.addAttribute("planYears", years);
		model.addAttribute("standing", standing);
		model.addAttribute("rows", rows);
		model.addAttribute("shownYears", standing.years());
		model.addAttribute("toImprove", rows.stream().filter(SchoolStanding::toImprove).count());
		return "dashboard/school";
	}

}
