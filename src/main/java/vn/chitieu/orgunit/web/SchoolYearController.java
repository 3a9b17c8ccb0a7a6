package vn.chitieu.orgunit.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.orgunit.Deadlines;
import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYearException;
import vn.chitieu.orgunit.SchoolYearState;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.orgunit.web.SchoolYearForms.CloseForm;
import vn.chitieu.orgunit.web.SchoolYearForms.DeadlineForm;
import vn.chitieu.orgunit.web.SchoolYearForms.OpenForm;
import vn.chitieu.orgunit.web.SchoolYearForms.ReopenForm;

/**
 * The Office's school years (/admin/school-years): the list with each year's state and
 * deadlines, opening the next year, and a year's page to set its deadlines, close it or
 * reopen it. Every change redirects with a flash message; a refused one shows the page
 * again with the reason and changes nothing.
 */
@Controller
class SchoolYearController {

	private static final String LIST = "orgunit/school-years";

	private static final String YEAR = "orgunit/school-year";

	private final SchoolYears years;

	private final MessageSource messages;

	SchoolYearController(SchoolYears years, MessageSource messages) {
		this.years = years;
		this.messages = messages;
	}

	@GetMapping("/admin/school-years")
	String initList(Model model) {
		model.addAttribute("openForm", new OpenForm(this.years.next().map(SchoolYear::startYear).orElse(null)));
		return list(model);
	}

	@PostMapping("/admin/school-years")
	String processOpenForm(@Valid @ModelAttribute("openForm") OpenForm form, BindingResult result, Principal user,
			Locale locale, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return list(model);
		}
		SchoolYear year;
		try {
			year = SchoolYear.of(form.startYear());
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue("startYear", "schoolYears.error.range");
			return list(model);
		}
		try {
			this.years.openNext(year, user.getName());
		}
		catch (SchoolYearException ex) {
			reject(result, ex);
			return list(model);
		}
		redirect.addFlashAttribute("flash", message("schoolYears.opened", locale, year.label()));
		return "redirect:/admin/school-years";
	}

	@GetMapping("/admin/school-years/{year}")
	String initYearForm(@PathVariable String year, Model model) {
		var state = state(year);
		model.addAttribute("deadlineForm", DeadlineForm.of(state));
		model.addAttribute("reopenForm", new ReopenForm(state.version(), ""));
		return yearPage(state, model);
	}

	@PostMapping("/admin/school-years/{year}/deadlines")
	String processDeadlineForm(@PathVariable String year, @Valid @ModelAttribute("deadlineForm") DeadlineForm form,
			BindingResult result, Principal user, Locale locale, Model model, RedirectAttributes redirect) {
		var state = state(year);
		model.addAttribute("reopenForm", new ReopenForm(state.version(), ""));
		if (form == null) {
			return stale(state, locale, model);
		}
		var deadlines = form.deadlines(result);
		checkDates(state.year(), deadlines, result);
		if (result.hasErrors()) {
			return refused(state, result, locale, model);
		}
		try {
			this.years.setDeadlines(state.year(), form.version(), deadlines, user.getName());
		}
		catch (SchoolYearException ex) {
			return refused(state, ex, result, locale, model, redirect);
		}
		redirect.addFlashAttribute("flash", message("schoolYears.deadlinesSaved", locale, state.year().label()));
		return "redirect:/admin/school-years/" + state.year().label();
	}

	@PostMapping("/admin/school-years/{year}/close")
	String processCloseForm(@PathVariable String year, @Valid @ModelAttribute("closeForm") CloseForm form,
			BindingResult result, Principal user, Locale locale, Model model, RedirectAttributes redirect) {
		var state = state(year);
		model.addAttribute("deadlineForm", DeadlineForm.of(state));
		model.addAttribute("reopenForm", new ReopenForm(state.version(), ""));
		if (result.hasErrors()) {
			return refused(state, result, locale, model);
		}
		try {
			this.years.close(state.year(), form.version(), user.getName());
		}
		catch (SchoolYearException ex) {
			return refused(state, ex, result, locale, model, redirect);
		}
		redirect.addFlashAttribute("flash", message("schoolYears.closed", locale, state.year().label()));
		return "redirect:/admin/school-years";
	}

	@PostMapping("/admin/school-years/{year}/reopen")
	String processReopenForm(@PathVariable String year, @Valid @ModelAttribute("reopenForm") ReopenForm form,
			BindingResult result, Principal user, Locale locale, Model model, RedirectAttributes redirect) {
		var state = state(year);
		model.addAttribute("deadlineForm", DeadlineForm.of(state));
		if (form == null) {
			return stale(state, locale, model);
		}
		if (result.hasErrors()) {
			return refused(state, result, locale, model);
		}
		try {
			this.years.reopen(state.year(), form.version(), form.reason(), user.getName());
		}
		catch (SchoolYearException ex) {
			return refused(state, ex, result, locale, model, redirect);
		}
		redirect.addFlashAttribute("flash", message("schoolYears.reopened", locale, state.year().label()));
		return "redirect:/admin/school-years";
	}

	private String list(Model model) {
		model.addAttribute("years", this.years.states());
		model.addAttribute("next", this.years.next().orElse(null));
		model.addAttribute("levels", EducationLevel.values());
		return LIST;
	}

	private String yearPage(SchoolYearState state, Model model) {
		model.addAttribute("state", state);
		model.addAttribute("levels", EducationLevel.values());
		model.addAttribute("earliest", Deadlines.earliest(state.year()));
		model.addAttribute("latest", Deadlines.latest(state.year()));
		return YEAR;
	}

	/**
	 * The year's page again, with what was wrong: beside the field, or at the top for the
	 * whole change (an out-of-date page, a year already closed).
	 */
	private String refused(SchoolYearState state, BindingResult result, Locale locale, Model model) {
		if (result.hasFieldErrors("version")) {
			model.addAttribute("problem", message("schoolYears.error.stale", locale));
		}
		else if (result.hasGlobalErrors()) {
			var error = result.getGlobalError();
			model.addAttribute("problem", this.messages.getMessage(error, locale));
		}
		return yearPage(state, model);
	}

	/**
	 * A change the service refused. When someone else changed the year meanwhile, the
	 * year's page is loaded afresh (its forms then carry the new version); otherwise the
	 * page shows what was wrong beside the form the user filled.
	 */
	private String refused(SchoolYearState state, SchoolYearException ex, BindingResult result, Locale locale,
			Model model, RedirectAttributes redirect) {
		if (ex.code().equals("schoolYears.error.conflict")) {
			redirect.addFlashAttribute("problem", message(ex.code(), locale, ex.arguments()));
			return "redirect:/admin/school-years/" + state.year().label();
		}
		return refused(state, reject(result, ex), locale, model);
	}

	/**
	 * A form whose hidden fields could not be read (not sent by this application's page):
	 * the year's page afresh, saying it was out of date.
	 */
	private String stale(SchoolYearState state, Locale locale, Model model) {
		model.addAttribute("deadlineForm", DeadlineForm.of(state));
		model.addAttribute("reopenForm", new ReopenForm(state.version(), ""));
		model.addAttribute("problem", message("schoolYears.error.stale", locale));
		return yearPage(state, model);
	}

	private static BindingResult reject(BindingResult result, SchoolYearException ex) {
		if (ex.field() != null) {
			result.rejectValue(ex.field(), ex.code(), ex.arguments(), null);
		}
		else {
			result.reject(ex.code(), ex.arguments(), null);
		}
		return result;
	}

	/** Every date that falls outside the year, each beside its field. */
	private static void checkDates(SchoolYear year, Deadlines deadlines, BindingResult result) {
		check(year, "deadline", deadlines.general(), result);
		for (var level : EducationLevel.values()) {
			check(year, "deadline" + level.name(), deadlines.byLevel().get(level), result);
		}
	}

	private static void check(SchoolYear year, String field, LocalDate date, BindingResult result) {
		if (date == null || result.hasFieldErrors(field)) {
			return;
		}
		if (date.isBefore(Deadlines.earliest(year))) {
			result.rejectValue(field, "schoolYears.error.deadlineBeforeYear", new Object[] { year.label() }, null);
		}
		else if (date.isAfter(Deadlines.latest(year))) {
			result.rejectValue(field, "schoolYears.error.deadlineAfterYear", new Object[] { year.label() }, null);
		}
	}

	private SchoolYearState state(String label) {
		try {
			return this.years.state(SchoolYear.parse(label))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
