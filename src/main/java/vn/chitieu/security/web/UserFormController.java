package vn.chitieu.security.web;

import java.util.Locale;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.Role;
import vn.chitieu.security.UserChangedException;
import vn.chitieu.security.UserSummary;
import vn.chitieu.security.Users;

/**
 * The administrator's pages that create a user, change one, and disable or enable one.
 */
@Controller
class UserFormController {

	private static final String VIEW = "security/user-form";

	private final Users users;

	private final OrgUnits units;

	private final MessageSource messages;

	UserFormController(Users users, OrgUnits units, MessageSource messages) {
		this.users = users;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping("/admin/users/new")
	String initCreationForm(Model model) {
		model.addAttribute("form", UserForm.empty());
		return form(model, null);
	}

	@PostMapping("/admin/users/new")
	String processCreationForm(@Valid @ModelAttribute("form") UserForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser admin, Model model, Locale locale, RedirectAttributes redirect) {
		checkUsername(form, result);
		checkUnit(form, result);
		if (result.hasErrors()) {
			return form(model, null);
		}
		var created = this.users.createWithOneTimePassword(form.username(), form.profile(), admin.getUsername());
		redirect.addFlashAttribute("reset", this.messages.getMessage("users.created",
				new Object[] { created.username(), created.oneTimePassword() }, locale));
		return "redirect:/admin/users";
	}

	@GetMapping("/admin/users/{id}")
	String initUpdateForm(@PathVariable long id, Model model) {
		var user = user(id);
		model.addAttribute("form", UserForm.of(user));
		return form(model, user);
	}

	@PostMapping("/admin/users/{id}")
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser admin, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		var user = user(id);
		checkUnit(form, result);
		if (form.version() == null) {
			result.rejectValue("version", "users.stale");
		}
		if (result.hasErrors()) {
			return form(model, user);
		}
		try {
			boolean changed = this.users.update(id, form.profile(), form.version(), admin.getUsername());
			redirect.addFlashAttribute("flash", this.messages.getMessage(changed ? "users.saved" : "users.unchanged",
					new Object[] { user.username() }, locale));
			return "redirect:/admin/users";
		}
		catch (UserChangedException | ObjectOptimisticLockingFailureException ex) {
			// Nothing saved: the form now shows the user as the other person left them.
			var current = user(id);
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("form", UserForm.of(current));
			model.addAttribute("conflict",
					this.messages.getMessage("users.conflict", new Object[] { current.username() }, locale));
			return form(model, current);
		}
	}

	@PostMapping("/admin/users/{id}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, Locale locale,
			RedirectAttributes redirect) {
		var user = user(id);
		if (user.username().equals(admin.getUsername())) {
			redirect.addFlashAttribute("error", this.messages.getMessage("users.cannotDisableSelf", null, locale));
			return "redirect:/admin/users";
		}
		setEnabled(user, false, admin, locale, redirect);
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/enable")
	String enable(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, Locale locale,
			RedirectAttributes redirect) {
		setEnabled(user(id), true, admin, locale, redirect);
		return "redirect:/admin/users";
	}

	private void setEnabled(UserSummary user, boolean enabled, CurrentUser admin, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.users.setEnabled(user.id(), enabled, admin.getUsername());
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("flash", this.messages.getMessage(
				enabled ? "users.enabledDone" : "users.disabledDone", new Object[] { user.username() }, locale));
	}

	private UserSummary user(long id) {
		return this.users.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(Model model, UserSummary user) {
		model.addAttribute("user", user);
		model.addAttribute("roles", Role.values());
		model.addAttribute("schools", this.units.schools());
		model.addAttribute("wards", this.units.wards());
		return VIEW;
	}

	private void checkUsername(UserForm form, BindingResult result) {
		if (result.hasFieldErrors("username")) {
			return;
		}
		var username = form.username();
		if (username == null || username.isBlank()) {
			result.rejectValue("username", "users.username.required");
		}
		else if (!Users.isWellFormed(username)) {
			result.rejectValue("username", "users.username.format");
		}
		else if (this.users.isTaken(username)) {
			result.rejectValue("username", "users.username.taken", new Object[] { username.toLowerCase(Locale.ROOT) },
					null);
		}
	}

	/**
	 * A school for a SCHOOL user, a ward for a WARD user, nothing for the other roles.
	 */
	private void checkUnit(UserForm form, BindingResult result) {
		if (form.role() == null) {
			return;
		}
		if (!form.role().isUnitBound()) {
			if (form.unitId() != null) {
				result.rejectValue("unitId", "users.unit.forbidden");
			}
			return;
		}
		if (form.unitId() == null) {
			result.rejectValue("unitId", "users.unit.required." + form.role().name());
			return;
		}
		var kind = (form.role() == Role.SCHOOL) ? UnitKind.SCHOOL : UnitKind.WARD;
		var unit = this.units.unit(form.unitId());
		if (unit.isEmpty() || unit.get().kind() != kind) {
			result.rejectValue("unitId", "users.unit.required." + form.role().name());
		}
	}

}
