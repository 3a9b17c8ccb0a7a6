package vn.chitieu.security.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.Role;
import vn.chitieu.security.UserFilter;
import vn.chitieu.security.Users;

/**
 * The administrator's list of users, with its filters, and resetting a forgotten
 * password.
 */
@Controller
class UserListController {

	private final Users users;

	private final OrgUnits units;

	private final MessageSource messages;

	UserListController(Users users, OrgUnits units, MessageSource messages) {
		this.users = users;
		this.units = units;
		this.messages = messages;
	}

	/**
	 * The users, filtered by role, unit, state ({@code active} or {@code disabled}) and
	 * whether they have ever logged in.
	 */
	@GetMapping("/admin/users")
	String users(@RequestParam(required = false) Role role, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "false") boolean neverLoggedIn,
			Model model) {
		Boolean enabled = switch ((state != null) ? state : "") {
			case "active" -> Boolean.TRUE;
			case "disabled" -> Boolean.FALSE;
			default -> null;
		};
		var filter = new UserFilter(role, unit, enabled, neverLoggedIn);
		model.addAttribute("users", this.users.search(filter));
		model.addAttribute("filter", filter);
		model.addAttribute("state", (enabled == null) ? "" : state);
		model.addAttribute("roles", Role.values());
		model.addAttribute("schools", this.units.schools());
		model.addAttribute("wards", this.units.wards());
		model.addAttribute("unitNames", this.units.names());
		return "security/users";
	}

	/**
	 * Gives the user a one-time password, shown to the administrator once (a flash
	 * attribute, never logged or stored in clear); the user must change it at login.
	 */
	@PostMapping("/admin/users/{id}/password-reset")
	String resetPassword(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, Locale locale,
			RedirectAttributes redirect) {
		var reset = this.users.resetPassword(id, admin.getUsername())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		redirect.addFlashAttribute("reset", this.messages.getMessage("users.resetDone",
				new Object[] { reset.username(), reset.oneTimePassword() }, locale));
		return "redirect:/admin/users";
	}

}
