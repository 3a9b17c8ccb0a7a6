package vn.chitieu.security.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.LoginProperties;
import vn.chitieu.security.Users;

/**
 * A user changes their own password. The session they change it in goes on (with a new
 * id); their other sessions end.
 */
@Controller
class AccountController {

	private static final String VIEW = "security/password";

	private final Users users;

	private final UserDetailsService userDetails;

	private final MessageSource messages;

	private final long lockoutMinutes;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountController(Users users, UserDetailsService userDetails, MessageSource messages, LoginProperties login) {
		this.users = users;
		this.userDetails = userDetails;
		this.messages = messages;
		this.lockoutMinutes = Math.max(1, login.lockout().toMinutes());
	}

	@GetMapping("/account/password")
	String initPasswordForm(Model model) {
		model.addAttribute("form", PasswordForm.empty());
		return VIEW;
	}

	@PostMapping("/account/password")
	String processPasswordForm(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !result.hasFieldErrors("confirmation")
				&& !form.newPassword().equals(form.confirmation())) {
			result.rejectValue("confirmation", "password.mismatch");
		}
		if (result.hasErrors()) {
			return VIEW;
		}
		switch (this.users.changePassword(user.getUsername(), form.currentPassword(), form.newPassword(),
				request.getRemoteAddr())) {
			case LOCKED -> {
				result.rejectValue("currentPassword", "password.locked", new Object[] { this.lockoutMinutes }, null);
				return VIEW;
			}
			case WRONG_PASSWORD -> {
				result.rejectValue("currentPassword", "password.wrong");
				return VIEW;
			}
			case CHANGED -> {
				keepSession(user, request, response);
				redirect.addFlashAttribute("flash", this.messages.getMessage("password.changed", null, locale));
				return "redirect:/";
			}
		}
		throw new IllegalStateException();
	}

	/**
	 * Puts the user, as they now are (new password, nothing more to change), in this
	 * session under a new id; the other sessions of the user end at their next request.
	 */
	private void keepSession(CurrentUser before, HttpServletRequest request, HttpServletResponse response) {
		var now = (CurrentUser) this.userDetails.loadUserByUsername(before.getUsername());
		now.eraseCredentials();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		this.contexts.saveContext(context, request, response);
	}

}
