package vn.chitieu.dataentry.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.security.Principal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.chitieu.dataentry.LateUnits;
import vn.chitieu.dataentry.ReminderException;
import vn.chitieu.dataentry.Reminders;
import vn.chitieu.dataentry.ReportingDeadline;
import vn.chitieu.dataentry.SubmissionStatus;
import vn.chitieu.dataentry.SubmissionSummary;
import vn.chitieu.dataentry.Submissions;
import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.School;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYearStatus;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.orgunit.UnitRef;
import vn.chitieu.orgunit.VietnameseCollator;
import vn.chitieu.platform.Formats;

/**
 * The Office's review queue and the completeness of a school year's reports.
 */
@Controller
class ReviewController {

	private final Submissions submissions;

	private final OrgUnits units;

	private final SchoolYears years;

	private final LateUnits lateUnits;

	private final Reminders reminders;

	private final MessageSource messages;

	private final Clock clock = Clock.system(Formats.ZONE);

	ReviewController(Submissions submissions, OrgUnits units, SchoolYears years, LateUnits lateUnits,
			Reminders reminders, MessageSource messages) {
		this.submissions = submissions;
		this.units = units;
		this.years = years;
		this.lateUnits = lateUnits;
		this.reminders = reminders;
		this.messages = messages;
	}

	@GetMapping("/review")
	String queue(@RequestParam(required = false) String year, Model model) {
		var schoolYear = year(year);
		var names = this.units.names();
		var rows = new ArrayList<QueueRow>();
		for (var submission : this.submissions.waitingForReview(schoolYear)) {
			var unit = this.units.unit(submission.unitId()).orElseThrow();
			rows.add(new QueueRow(unit, names.get(unit.id()), submission,
					FigureFormController.formPath(unit, schoolYear)));
		}
		model.addAttribute("year", schoolYear);
		model.addAttribute("years", this.years.all());
		model.addAttribute("rows", rows);
		return "dataentry/review";
	}

	@GetMapping("/completeness")
	String completeness(@RequestParam(required = false) String year,
			@RequestParam(required = false) EducationLevel level, @RequestParam(required = false) Long ward,
			@RequestParam(required = false) String status, Model model) {
		var schoolYear = year(year);
		var byUnit = this.submissions.byUnit(schoolYear);
		// The schools of that year, each in its ward of that year.
		var schools = this.units.schools(schoolYear);
		var rows = new ArrayList<CompletenessRow>();
		Map<EducationLevel, Map<String, Long>> byLevel = new EnumMap<>(EducationLevel.class);
		for (var school : schools) {
			var submission = Optional.ofNullable(byUnit.get(school.id()));
			var statusName = submission.map((s) -> s.status().name()).orElse("NONE");
			for (var l : school.levels()) {
				byLevel.computeIfAbsent(l, (k) -> new java.util.LinkedHashMap<>()).merge(statusName, 1L, Long::sum);
			}
			if ((level == null || school.teaches(level)) && (ward == null || school.wardId() == ward)
					&& (status == null || status.isBlank() || status.equals(statusName))) {
				rows.add(new CompletenessRow(school, statusName, submission,
						"/schools/" + school.id() + "/figures/" + schoolYear.label()));
			}
		}
		rows.sort(Comparator.comparing((CompletenessRow r) -> STATUS_ORDER.indexOf(r.status()))
			.thenComparing((r) -> r.school().wardName(), VietnameseCollator.INSTANCE)
			.thenComparing((r) -> r.school().name(), VietnameseCollator.INSTANCE));
		var wards = new ArrayList<WardRow>();
		for (var w : this.units.wards(schoolYear)) {
			var counts = new java.util.LinkedHashMap<String, Long>();
			schools.stream()
				.filter((s) -> s.wardId() == w.id())
				.forEach((s) -> counts.merge(
						Optional.ofNullable(byUnit.get(s.id())).map((x) -> x.status().name()).orElse("NONE"), 1L,
						Long::sum));
			wards.add(new WardRow(w.id(), w.name(), counts));
		}
		// The wards' own reports (population, universal education): in the queue too.
		var wardReports = new ArrayList<WardReportRow>();
		for (var w : this.units.wards(schoolYear)) {
			var submission = Optional.ofNullable(byUnit.get(w.id()));
			wardReports.add(new WardReportRow(w.id(), w.name(), submission.map((x) -> x.status().name()).orElse("NONE"),
					submission, "/wards/" + w.id() + "/figures/" + schoolYear.label()));
		}
		model.addAttribute("wardReports", wardReports);
		model.addAttribute("year", schoolYear);
		model.addAttribute("years", this.years.all());
		model.addAttribute("statuses", STATUS_ORDER);
		model.addAttribute("byLevel", byLevel);
		model.addAttribute("wards", wards);
		model.addAttribute("rows", rows);
		model.addAttribute("levels", EducationLevel.values());
		model.addAttribute("level", level);
		model.addAttribute("ward", ward);
		model.addAttribute("status", status);
		var today = LocalDate.now(this.clock);
		model.addAttribute("deadlines", deadlines(schoolYear, today));
		model.addAttribute("late", this.lateUnits.find(schoolYear, today));
		model.addAttribute("mailConfigured", this.reminders.isConfigured());
		model.addAttribute("yearOpen", this.years.isOpen(schoolYear));
		model.addAttribute("reminders", this.reminders.overview(schoolYear, today));
		// Names this page's send: sent twice (a double click), it sends once.
		model.addAttribute("reminderToken", UUID.randomUUID().toString());
		return "dataentry/completeness";
	}

	/**
	 * Sends reminder e-mails to the late schools of a year: all of them, or the ones
	 * ticked. Refused plainly, with nothing sent, when no mail server is configured.
	 */
	@PostMapping("/completeness/reminders")
	String sendReminders(@RequestParam(required = false) String year, @RequestParam(required = false) String token,
			@RequestParam(required = false) String scope,
			@RequestParam(name = "unit", required = false) List<Long> units, Principal user, Locale locale,
			RedirectAttributes redirect) {
		var schoolYear = year(year);
		var back = "redirect:/completeness?year=" + schoolYear.label() + "#reminders";
		Set<Long> chosen = (units != null) ? new HashSet<>(units) : Set.of();
		if ("chosen".equals(scope) && chosen.isEmpty()) {
			redirect.addFlashAttribute("problem", message("reminder.error.noneChosen", locale));
			return back;
		}
		UUID batch;
		try {
			batch = (token != null) ? UUID.fromString(token) : null;
		}
		catch (IllegalArgumentException ex) {
			batch = null;
		}
		try {
			var outcome = this.reminders.send(schoolYear, "chosen".equals(scope) ? chosen : Set.of(), batch,
					user.getName(), ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(),
					LocalDate.now(this.clock));
			redirect.addFlashAttribute("flash",
					message("reminder.sent", locale, outcome.units(), outcome.sent(), outcome.unreachable()));
			if (outcome.failed() > 0) {
				redirect.addFlashAttribute("problem",
						message("reminder.failed", locale, outcome.failed(), String.join("; ", outcome.failures())));
			}
		}
		catch (ReminderException ex) {
			redirect.addFlashAttribute("problem", message(ex.messageKey(), locale));
		}
		return back;
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/**
	 * The schools late with their report for a year, as an .xlsx (Vietnamese headings).
	 */
	@GetMapping("/completeness/late.xlsx")
	void lateUnits(@RequestParam(required = false) String year, HttpServletResponse response) throws IOException {
		var schoolYear = year(year);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("don-vi-cham-nop-" + schoolYear.label() + ".xlsx", StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.lateUnits.write(schoolYear, LocalDate.now(this.clock), response.getOutputStream());
	}

	/**
	 * The year's deadlines: the general one, then each level's own, with the days left.
	 */
	private List<DeadlineRow> deadlines(SchoolYear year, LocalDate today) {
		var deadlines = this.years.deadlines(year);
		var rows = new ArrayList<DeadlineRow>();
		if (deadlines.general() != null) {
			rows.add(new DeadlineRow(null, deadlines.general(),
					new ReportingDeadline(deadlines.general()).daysLeft(today)));
		}
		deadlines.byLevel()
			.forEach((l, date) -> rows.add(new DeadlineRow(l, date, new ReportingDeadline(date).daysLeft(today))));
		return rows;
	}

	/**
	 * A deadline shown on the completeness page.
	 *
	 * @param level the level it is for, null for every level without its own
	 * @param date the deadline
	 * @param daysLeft days left: 0 on the day, negative once overdue
	 */
	record DeadlineRow(EducationLevel level, LocalDate date, long daysLeft) {

		public long daysOverdue() {
			return -this.daysLeft;
		}

	}

	/** Not started first: the Office chases those. */
	static final List<String> STATUS_ORDER = List.of("NONE", SubmissionStatus.DRAFT.name(),
			SubmissionStatus.RETURNED.name(), SubmissionStatus.SUBMITTED.name(), SubmissionStatus.APPROVED.name());

	private SchoolYear year(String label) {
		if (label == null || label.isBlank()) {
			return this.years.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		try {
			var year = SchoolYear.parse(label);
			return this.years.find(year)
				.map(SchoolYearStatus::year)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/**
	 * A submission waiting for review.
	 *
	 * @param unit the unit
	 * @param name its name
	 * @param submission the submission
	 * @param path its form
	 */
	record QueueRow(UnitRef unit, String name, SubmissionSummary submission, String path) {
	}

	/**
	 * A school and where its report stands.
	 *
	 * @param school the school
	 * @param status its status, or NONE
	 * @param submission its submission, if started
	 * @param path its form
	 */
	record CompletenessRow(School school, String status, Optional<SubmissionSummary> submission, String path) {
	}

	/**
	 * A ward's own report in the completeness page.
	 *
	 * @param id the ward
	 * @param name its name
	 * @param status its report's status, NONE if not started
	 * @param submission its report, if started
	 * @param path its form
	 */
	record WardReportRow(long id, String name, String status, Optional<SubmissionSummary> submission, String path) {
	}

	/**
	 * A ward and how many of its schools stand in each status.
	 *
	 * @param id the ward
	 * @param name its name
	 * @param counts schools by status
	 */
	record WardRow(long id, String name, Map<String, Long> counts) {
	}

}
