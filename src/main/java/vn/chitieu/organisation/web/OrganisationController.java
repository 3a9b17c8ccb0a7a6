package vn.chitieu.organisation.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.organisation.Organisation;
import vn.chitieu.organisation.OrganisationChangedException;
import vn.chitieu.organisation.OrganisationDetails;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.platform.Formats;

/**
 * The organisation's settings page (/admin/organisation), for the Office and the
 * administrator.
 */
@Controller
class OrganisationController {

	private static final String VIEW = "organisation/settings";

	private final Organisation organisation;

	private final MessageSource messages;

	private final Formats formats;

	OrganisationController(Organisation organisation, MessageSource messages, Formats formats) {
		this.organisation = organisation;
		this.messages = messages;
		this.formats = formats;
	}

	@GetMapping("/admin/organisation")
	String initOrganisationForm(Model model) {
		var settings = this.organisation.current();
		model.addAttribute("form", OrganisationForm.of(settings));
		model.addAttribute("settings", settings);
		model.addAttribute("formerNames", this.organisation.formerNames());
		return VIEW;
	}

	@PostMapping("/admin/organisation")
	String processOrganisationForm(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult result,
			@AuthenticationPrincipal UserDetails user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		checkRecipients(form, result);
		SchoolYear from = null;
		if (form.effectiveYear() != null && !form.effectiveYear().isBlank()) {
			try {
				from = SchoolYear.parse(form.effectiveYear());
			}
			catch (IllegalArgumentException ex) {
				result.rejectValue("effectiveYear", "organisation.effectiveYear.invalid");
			}
		}
		model.addAttribute("formerNames", this.organisation.formerNames());
		if (result.hasErrors()) {
			model.addAttribute("settings", this.organisation.current());
			return VIEW;
		}
		try {
			if (from != null) {
				try {
					this.organisation.rename(form.details(), from, form.version(), user.getUsername());
				}
				catch (IllegalArgumentException ex) {
					result.rejectValue("effectiveYear", ex.getMessage(), new Object[] { from.label() }, null);
					model.addAttribute("settings", this.organisation.current());
					return VIEW;
				}
				redirect.addFlashAttribute("flash",
						this.messages.getMessage("organisation.renamed", new Object[] { from.label() }, locale));
				return "redirect:/admin/organisation";
			}
			boolean changed = this.organisation.update(form.details(), form.version(), user.getUsername());
			redirect.addFlashAttribute("flash",
					this.messages.getMessage(changed ? "organisation.saved" : "organisation.unchanged", null, locale));
			return "redirect:/admin/organisation";
		}
		catch (OrganisationChangedException ex) {
			// Nothing saved: the form now shows what the other person saved.
			var current = ex.current();
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("form", OrganisationForm.of(current));
			model.addAttribute("settings", current);
			model.addAttribute("conflict",
					this.messages.getMessage("organisation.conflict",
							new Object[] { current.changedBy(),
									(current.changedAt() != null) ? this.formats.dateTime(current.changedAt()) : "" },
							locale));
			return VIEW;
		}
	}

	private static void checkRecipients(OrganisationForm form, BindingResult result) {
		if (result.hasFieldErrors("recipients")) {
			return;
		}
		var lines = OrganisationDetails.lines(form.recipients());
		if (lines.size() > OrganisationDetails.RECIPIENTS_MAX) {
			result.rejectValue("recipients", "organisation.recipients.tooMany",
					new Object[] { OrganisationDetails.RECIPIENTS_MAX, lines.size() }, null);
			return;
		}
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).length() > OrganisationDetails.RECIPIENT_MAX) {
				result.rejectValue("recipients", "organisation.recipients.tooLong",
						new Object[] { i + 1, OrganisationDetails.RECIPIENT_MAX }, null);
				return;
			}
		}
	}

}
