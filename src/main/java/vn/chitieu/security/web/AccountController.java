package vn.chitieu.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.Users;

/**
 * A user changes their own password.
 */
@Controller
class AccountController {

	private static final String VIEW = "security/password";

	private final Users users;

	AccountController(Users users) {
		this.users = users;
	}

	@GetMapping("/account/password")
	String initPasswordForm(Model model) {
		model.addAttribute("form", PasswordForm.empty());
		return VIEW;
	}

	@PostMapping("/account/password")
	String processPasswordForm(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !result.hasFieldErrors("confirmation")
				&& !form.newPassword().equals(form.confirmation())) {
			result.rejectValue("confirmation", "password.mismatch");
		}
		if (result.hasErrors()) {
			return VIEW;
		}
		if (!this.users.changePassword(user.getUsername(), form.currentPassword(), form.newPassword())) {
			result.rejectValue("currentPassword", "password.wrong");
			return VIEW;
		}
		// Log out so the next login carries the new state (and a fresh session).
		new SecurityContextLogoutHandler().logout(request, null,
				SecurityContextHolder.getContext().getAuthentication());
		redirect.addAttribute("changed", "");
		return "redirect:/login";
	}

}
