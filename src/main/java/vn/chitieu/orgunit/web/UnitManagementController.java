package vn.chitieu.orgunit.web;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
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

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.Reorganisations;
import vn.chitieu.orgunit.UnitChangeException;
import vn.chitieu.orgunit.UnitDetails;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.orgunit.web.UnitForms.CloseForm;
import vn.chitieu.orgunit.web.UnitForms.MoveForm;
import vn.chitieu.orgunit.web.UnitForms.SchoolForm;
import vn.chitieu.orgunit.web.UnitForms.WardForm;

/**
 * Adding, changing and closing wards and schools (/admin/units/…), for the Office and the
 * administrator. Every change redirects with a flash message; a refused one shows the
 * form again with the reason and changes nothing; a stale one (someone else saved first)
 * answers 409 with what is saved now.
 */
@Controller
class UnitManagementController {

	private static final String WARD = "orgunit/ward-form";

	private static final String SCHOOL = "orgunit/school-form";

	private final OrgUnits units;

	private final MessageSource messages;

	private final Reorganisations reorganisations;

	UnitManagementController(OrgUnits units, MessageSource messages, Reorganisations reorganisations) {
		this.units = units;
		this.messages = messages;
		this.reorganisations = reorganisations;
	}

	@GetMapping("/admin/units/wards/new")
	String initNewWardForm(Model model) {
		model.addAttribute("form", new WardForm("", "", null));
		return WARD;
	}

	@PostMapping("/admin/units/wards/new")
	String processNewWardForm(@Valid @ModelAttribute("form") WardForm form, BindingResult result, Principal user,
			Locale locale, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return WARD;
		}
		try {
			this.units.addWard(form.change(), user.getName());
		}
		catch (UnitChangeException ex) {
			reject(result, ex);
			return WARD;
		}
		redirect.addFlashAttribute("flash", message("unit.ward.added", locale, form.name().trim()));
		return "redirect:/wards";
	}

	@GetMapping("/admin/units/wards/{id}")
	String initWardForm(@PathVariable long id, Model model) {
		var unit = unit(id, UnitKind.WARD);
		model.addAttribute("unit", unit);
		model.addAttribute("form", WardForm.of(unit));
		return WARD;
	}

	@PostMapping("/admin/units/wards/{id}")
	String processWardForm(@PathVariable long id, @Valid @ModelAttribute("form") WardForm form, BindingResult result,
			Principal user, Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var unit = unit(id, UnitKind.WARD);
		model.addAttribute("unit", unit);
		if (result.hasErrors() || form.version() == null) {
			return WARD;
		}
		try {
			boolean changed = this.units.update(id, form.change(), form.version(), user.getName());
			redirect.addFlashAttribute("flash",
					message(changed ? "unit.saved" : "unit.unchanged", locale, form.name().trim()));
			return "redirect:/wards";
		}
		catch (UnitChangeException ex) {
			if (ex.stale()) {
				var current = unit(id, UnitKind.WARD);
				model.addAttribute("unit", current);
				model.addAttribute("form", WardForm.of(current));
				return conflict(model, response, locale);
			}
			reject(result, ex);
			return WARD;
		}
	}

	@GetMapping("/admin/units/schools/new")
	String initNewSchoolForm(Model model) {
		model.addAttribute("form", SchoolForm.empty());
		return schoolPage(null, model);
	}

	@PostMapping("/admin/units/schools/new")
	String processNewSchoolForm(@Valid @ModelAttribute("form") SchoolForm form, BindingResult result, Principal user,
			Locale locale, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return schoolPage(null, model);
		}
		long id;
		try {
			id = this.units.addSchool(form.change(), user.getName());
		}
		catch (UnitChangeException ex) {
			reject(result, ex);
			return schoolPage(null, model);
		}
		redirect.addFlashAttribute("flash", message("unit.school.added", locale, form.name().trim()));
		return "redirect:/admin/units/schools/" + id;
	}

	@GetMapping("/admin/units/schools/{id}")
	String initSchoolForm(@PathVariable long id, Model model) {
		var unit = unit(id, UnitKind.SCHOOL);
		model.addAttribute("form", SchoolForm.of(unit));
		return schoolPage(unit, model);
	}

	@PostMapping("/admin/units/schools/{id}")
	String processSchoolForm(@PathVariable long id, @Valid @ModelAttribute("form") SchoolForm form,
			BindingResult result, Principal user, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var unit = unit(id, UnitKind.SCHOOL);
		if (result.hasErrors() || form.version() == null) {
			return schoolPage(unit, model);
		}
		try {
			boolean changed = this.units.update(id, form.change(), form.version(), user.getName());
			redirect.addFlashAttribute("flash",
					message(changed ? "unit.saved" : "unit.unchanged", locale, form.name().trim()));
			return "redirect:/admin/units/schools/" + id;
		}
		catch (UnitChangeException ex) {
			if (ex.stale()) {
				var current = unit(id, UnitKind.SCHOOL);
				model.addAttribute("form", SchoolForm.of(current));
				schoolPage(current, model);
				return conflict(model, response, locale);
			}
			reject(result, ex);
			return schoolPage(unit, model);
		}
	}

	@PostMapping("/admin/units/schools/{id}/close")
	String processCloseForm(@PathVariable long id, @Valid @ModelAttribute("closeForm") CloseForm form,
			BindingResult result, Principal user, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var unit = unit(id, UnitKind.SCHOOL);
		model.addAttribute("form", SchoolForm.of(unit));
		if (result.hasErrors()) {
			return schoolPage(unit, model);
		}
		try {
			this.units.close(id, form.closedYear(), form.version(), user.getName());
		}
		catch (UnitChangeException ex) {
			if (ex.stale()) {
				var current = unit(id, UnitKind.SCHOOL);
				model.addAttribute("form", SchoolForm.of(current));
				model.addAttribute("closeForm", new CloseForm(null, current.version()));
				schoolPage(current, model);
				return conflict(model, response, locale);
			}
			reject(result, ex);
			return schoolPage(unit, model);
		}
		redirect.addFlashAttribute("flash",
				message("unit.closed", locale, unit.name(), form.closedYear(), form.closedYear() + 1));
		return "redirect:/admin/units/schools/" + id;
	}

	@PostMapping("/admin/units/schools/{id}/move")
	String processMoveForm(@PathVariable long id, @Valid @ModelAttribute("moveForm") MoveForm form,
			BindingResult result, Principal user, Locale locale, Model model, RedirectAttributes redirect) {
		var unit = unit(id, UnitKind.SCHOOL);
		model.addAttribute("form", SchoolForm.of(unit));
		if (result.hasErrors()) {
			return schoolPage(unit, model);
		}
		try {
			this.reorganisations.moveSchool(id, form.moveYear(), form.moveWardId(), user.getName());
		}
		catch (UnitChangeException ex) {
			reject(result, ex);
			return schoolPage(unit, model);
		}
		var ward = this.units.ward(form.moveWardId()).map((w) -> w.name()).orElse("");
		redirect.addFlashAttribute("flash",
				message("reorg.moved", locale, unit.name(), ward, form.moveYear(), form.moveYear() + 1));
		return "redirect:/admin/units/schools/" + id;
	}

	private String schoolPage(UnitDetails unit, Model model) {
		model.addAttribute("unit", unit);
		// Only the wards of today: a merged ward takes no school.
		model.addAttribute("wards",
				this.units.wards()
					.stream()
					.filter((w) -> !w.closed() || (unit != null && unit.wardId() != null && unit.wardId() == w.id()))
					.toList());
		if (unit != null && !model.containsAttribute("moveForm")) {
			model.addAttribute("moveForm", new MoveForm(null, null));
		}
		model.addAttribute("levels", EducationLevel.values());
		model.addAttribute("ownerships", Ownership.values());
		if (unit != null && !model.containsAttribute("closeForm")) {
			model.addAttribute("closeForm", new CloseForm(null, unit.version()));
		}
		return SCHOOL;
	}

	private String conflict(Model model, HttpServletResponse response, Locale locale) {
		// Nothing saved: the form now shows what the other person saved.
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("conflict", message("unit.conflict", locale));
		return model.getAttribute("wards") != null ? SCHOOL : WARD;
	}

	private UnitDetails unit(long id, UnitKind kind) {
		return this.units.details(id)
			.filter((u) -> u.kind() == kind)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static void reject(BindingResult result, UnitChangeException ex) {
		if (ex.field() != null) {
			result.rejectValue(ex.field(), ex.code(), ex.args(), null);
		}
		else {
			result.reject(ex.code(), ex.args(), null);
		}
	}

	private String message(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

}
