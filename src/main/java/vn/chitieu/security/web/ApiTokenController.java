package vn.chitieu.security.web;

import java.util.Locale;
import java.util.NoSuchElementException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.security.ApiTokens;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.Role;
import vn.chitieu.security.Users;

/**
 * The administrator's page of JSON API tokens (/admin/api-tokens): issuing one for a user
 * (the token is shown once, on the answer to the issuing request, and never stored) and
 * revoking one.
 */
@Controller
class ApiTokenController {

	private final ApiTokens tokens;

	private final Users users;

	private final MessageSource messages;

	ApiTokenController(ApiTokens tokens, Users users, MessageSource messages) {
		this.tokens = tokens;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/admin/api-tokens")
	String list(Model model) {
		return page(model);
	}

	@PostMapping("/admin/api-tokens")
	String issue(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String name,
			@AuthenticationPrincipal CurrentUser admin, Model model, Locale locale) {
		try {
			model.addAttribute("issued", this.tokens.issue(username, name, admin.getUsername()));
		}
		catch (NoSuchElementException ex) {
			model.addAttribute("error", message("apiTokens.unknownUser", locale, username));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", message("apiTokens.invalid." + ex.getMessage(), locale));
			model.addAttribute("name", name);
		}
		return page(model);
	}

	@PostMapping("/admin/api-tokens/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, Locale locale,
			RedirectAttributes redirect) {
		try {
			if (this.tokens.revoke(id, admin.getUsername())) {
				redirect.addFlashAttribute("flash", message("apiTokens.revoked", locale));
			}
			else {
				redirect.addFlashAttribute("error", message("apiTokens.alreadyRevoked", locale));
			}
		}
		catch (NoSuchElementException ex) {
			redirect.addFlashAttribute("error", message("apiTokens.unknown", locale));
		}
		return "redirect:/admin/api-tokens";
	}

	private String page(Model model) {
		model.addAttribute("tokens", this.tokens.all());
		model.addAttribute("users",
				this.users.all().stream().filter((u) -> u.enabled() && u.role() != Role.ADMIN).toList());
		return "security/api-tokens";
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
