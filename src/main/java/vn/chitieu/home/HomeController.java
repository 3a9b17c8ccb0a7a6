package vn.chitieu.home;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.chitieu.dataentry.SubmissionStatus;
import vn.chitieu.dataentry.Submissions;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.planning.Plans;
import vn.chitieu.progress.Progress;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.Users;
import vn.chitieu.setup.Setup;

/**
 * The home page, one per role.
 */
@Controller
class HomeController {

	private final OrgUnits units;

	private final SchoolYears years;

	private final Submissions submissions;

	private final Plans plans;

	private final Users users;

	private final Progress progress;

	private final Setup setup;

	HomeController(OrgUnits units, SchoolYears years, Submissions submissions, Plans plans, Users users,
			Progress progress, Setup setup) {
		this.setup = setup;
		this.progress = progress;
		this.units = units;
		this.years = years;
		this.submissions = submissions;
		this.plans = plans;
		this.users = users;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("currentYear", this.years.current().orElse(null));
		return switch (user.role()) {
			case SCHOOL -> unitHome(user, model, "home/school");
			case WARD -> unitHome(user, model, "home/ward");
			case OFFICE, VIEWER -> districtHome(model);
			case ADMIN -> this.setup.status().isEmpty() ? "redirect:/admin/setup" : adminHome(model);
		};
	}

	private String unitHome(CurrentUser user, Model model, String view) {
		var unit = this.units.unit(user.unitId()).orElseThrow();
		model.addAttribute("unit", unit);
		this.units.school(unit.id()).ifPresent((school) -> model.addAttribute("school", school));
		model.addAttribute("years", this.submissions.years(unit.id()));
		return view;
	}

	private String districtHome(Model model) {
		var current = this.years.current();
		Map<SubmissionStatus, Long> counts = current.map(this.submissions::countSchoolSubmissions).orElse(Map.of());
		long schools = this.units.schools()
			.stream()
			.filter((s) -> s.active() && current.map(s::isOpenIn).orElse(true))
			.count();
		long started = counts.values().stream().mapToLong(Long::longValue).sum();
		model.addAttribute("statusCounts", counts);
		model.addAttribute("statuses", SubmissionStatus.values());
		model.addAttribute("schoolCount", schools);
		model.addAttribute("notStarted", Math.max(0, schools - started));
		// Wards report too, and their reports wait in the same review queue.
		Map<SubmissionStatus, Long> wardCounts = current.map(this.submissions::countWardSubmissions).orElse(Map.of());
		long wards = current.map((y) -> this.units.wards(y).size()).orElse(0);
		model.addAttribute("wardStatusCounts", wardCounts);
		model.addAttribute("wardCount", wards);
		model.addAttribute("wardsNotStarted",
				Math.max(0, wards - wardCounts.values().stream().mapToLong(Long::longValue).sum()));
		model.addAttribute("waiting", current.map((y) -> this.submissions.waitingForReview(y).size()).orElse(0));
		var plans = this.plans.all();
		var standings = new java.util.HashMap<String, vn.chitieu.progress.PlanProgress>();
		for (var plan : plans) {
			this.progress.plan(plan.code(), this.progress.defaultYear(plan), false)
				.ifPresent((p) -> standings.put(plan.code(), p));
		}
		model.addAttribute("plans", plans);
		model.addAttribute("standings", standings);
		return "home/district";
	}

	private String adminHome(Model model) {
		model.addAttribute("users", this.users.all());
		return "home/admin";
	}

}
