package vn.chitieu.dashboard;

import java.util.ArrayList;
import java.util.List;
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
import vn.chitieu.planning.MeasureKind;
import vn.chitieu.planning.PlanSummary;
import vn.chitieu.progress.IndicatorProgress;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.UnitResult;
import vn.chitieu.progress.YearProgress;
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
		var rows = new ArrayList<SchoolRow>();
		for (var indicator : standing.indicators()) {
			rows.add(new SchoolRow(indicator, kind(indicator.indicator().measure().kind()),
					indicator.years().stream().map((y) -> parts(y, id)).toList()));
		}
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
		model.addAttribute("shownYears", standing.indicators().isEmpty() ? List.of()
				: standing.indicators().get(0).years().stream().map(YearProgress::year).toList());
		model.addAttribute("toImprove", rows.stream().filter(SchoolRow::toImprove).count());
		return "dashboard/school";
	}

	private static Kind kind(MeasureKind kind) {
		return switch (kind) {
			case RATIO, AVERAGE -> Kind.OWN;
			case SUM -> Kind.CONTRIBUTION;
			default -> Kind.CONDITION;
		};
	}

	/** The school's own parts in a year (one per level it is counted for). */
	private static List<UnitResult> parts(YearProgress year, long schoolId) {
		return year.result().units().stream().filter((u) -> u.unit().unitId() == schoolId).toList();
	}

	/** How an indicator reads for one school. */
	enum Kind {

		/** Its own ratio or average, judged against the target. */
		OWN,
		/** Whether it meets the condition the district counts. */
		CONDITION,
		/** Its part of a district total. */
		CONTRIBUTION

	}

	/**
	 * An indicator on the school's page.
	 *
	 * @param progress the indicator computed from the school's figures alone
	 * @param kind how it reads for one school
	 * @param parts each year's parts of the school, oldest first
	 */
	record SchoolRow(IndicatorProgress progress, Kind kind, List<List<UnitResult>> parts) {

		/** The parts of the last year shown. */
		public List<UnitResult> latestParts() {
			return this.parts.get(this.parts.size() - 1);
		}

		/**
		 * @return whether the indicator counts schools without asking each one to meet
		 * the condition
		 */
		public boolean counted() {
			return this.kind == Kind.CONDITION && this.progress.indicator().measure().kind() == MeasureKind.COUNT;
		}

		/**
		 * @return whether the school has something to improve on this indicator
		 */
		public boolean toImprove() {
			return switch (this.kind) {
				case OWN -> {
					var status = this.progress.latest().status();
					yield status != vn.chitieu.progress.ProgressStatus.ACHIEVED
							&& status != vn.chitieu.progress.ProgressStatus.NO_DATA;
				}
				// A count ("at least 8 schools at level 2") asks some schools, not all.
				case CONDITION -> this.progress.indicator().measure().kind() != MeasureKind.COUNT
						&& latestParts().stream().anyMatch((p) -> p.outcome() == UnitResult.Outcome.NOT_MET);
				case CONTRIBUTION -> false;
			};
		}

	}

}
