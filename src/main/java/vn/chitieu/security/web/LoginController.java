package vn.chitieu.security.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.chitieu.security.LoginProperties;

/**
 * The login page.
 */
@Controller
class LoginController {

	private final long lockoutMinutes;

	private final long sessionMinutes;

	LoginController(LoginProperties login, @Value("${server.servlet.session.timeout:30m}") Duration session) {
		this.lockoutMinutes = Math.max(1, login.lockout().toMinutes());
		this.sessionMinutes = Math.max(1, session.toMinutes());
	}

	@GetMapping("/login")
	String login(Authentication authentication, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		model.addAttribute("lockoutMinutes", this.lockoutMinutes);
		model.addAttribute("sessionMinutes", this.sessionMinutes);
		return "security/login";
	}

}
