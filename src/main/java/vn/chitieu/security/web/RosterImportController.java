package vn.chitieu.security.web;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.chitieu.platform.FileNames;
import vn.chitieu.platform.UploadSlots;
import vn.chitieu.platform.sheets.PendingImports;
import vn.chitieu.platform.sheets.SheetException;
import vn.chitieu.platform.sheets.SheetMessages;
import vn.chitieu.security.AccountSlip;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.RosterImport;
import vn.chitieu.security.RosterImports;

/**
 * Users created in bulk from an .xlsx roster (/admin/users/import), by the administrator:
 * template, upload, every problem or a preview, confirm, then a printable sheet of
 * account slips. The roster read is kept in the session between the preview and the
 * confirmation; the slips are kept only until they are shown, once: the one-time
 * passwords are never shown again (they can be reset from the users page).
 */
@Controller
class RosterImportController {

	private static final String VIEW = "security/roster-import";

	private static final String SLIPS = "security/account-slips";

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The session attribute holding the slips not yet shown. */
	static final String UNSHOWN = RosterImportController.class.getName() + ".slips";

	private final PendingImports<RosterImport, List<RosterImports.Account>> pendings = new PendingImports<>(
			RosterImport.class);

	private final RosterImports imports;

	private final UploadSlots uploads;

	private final MessageSource messages;

	private final String baseUrl;

	RosterImportController(RosterImports imports, UploadSlots uploads, MessageSource messages,
			@Value("${chitieu.base-url:}") String baseUrl) {
		this.imports = imports;
		this.uploads = uploads;
		this.messages = messages;
		this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
	}

	@GetMapping("/admin/users/import")
	String initImportForm() {
		return VIEW;
	}

	@GetMapping("/admin/users/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("chitieu-nguoi-dung.xlsx").build().toString())
			.body(this.imports.template());
	}

	@PostMapping("/admin/users/import/upload")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session, Model model,
			Locale locale) throws IOException {
		this.pendings.clear(session);
		if (file == null || (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()))) {
			model.addAttribute("problems", List.of(message("roster.noFile", locale)));
			return VIEW;
		}
		var name = FileNames.clean(file.getOriginalFilename(), "roster.xlsx", 100);
		model.addAttribute("fileName", name);
		try {
			var bytes = file.getBytes();
			var roster = this.uploads.read(() -> this.imports.read(name, bytes));
			var token = this.pendings.start(session, roster, this.imports.preview(roster));
			return "redirect:/admin/users/import/" + token;
		}
		catch (SheetException ex) {
			model.addAttribute("problems", SheetMessages.render(ex.problems(), this.messages, locale));
		}
		catch (UploadSlots.Busy ex) {
			model.addAttribute("problems", List.of(message(UploadSlots.Busy.MESSAGE, locale)));
		}
		return VIEW;
	}

	@GetMapping("/admin/users/import/{token}")
	String preview(@PathVariable String token, HttpSession session, Model model, Locale locale,
			RedirectAttributes redirect) {
		var found = this.pendings.find(session, token);
		if (found.isEmpty()) {
			redirect.addFlashAttribute("problem", message("roster.expired", locale));
			return "redirect:/admin/users/import";
		}
		model.addAttribute("token", token);
		model.addAttribute("fileName", found.get().file().fileName());
		model.addAttribute("accounts", found.get().preview());
		return VIEW;
	}

	@PostMapping("/admin/users/import/{token}/confirm")
	String confirm(@PathVariable String token, HttpSession session, @AuthenticationPrincipal CurrentUser admin,
			Model model, Locale locale, RedirectAttributes redirect) {
		var found = this.pendings.find(session, token);
		if (found.isEmpty()) {
			redirect.addFlashAttribute("problem", message("roster.expired", locale));
			return "redirect:/admin/users/import";
		}
		var roster = found.get().file();
		this.pendings.clear(session);
		try {
			var slips = this.imports.apply(roster, admin.getUsername());
			var slipsToken = UUID.randomUUID().toString();
			session.setAttribute(UNSHOWN, new Unshown(slipsToken, slips));
			return "redirect:/admin/users/import/slips/" + slipsToken;
		}
		catch (SheetException ex) {
			model.addAttribute("fileName", roster.fileName());
			model.addAttribute("problems", SheetMessages.render(ex.problems(), this.messages, locale));
			return VIEW;
		}
		catch (DataIntegrityViolationException | IllegalArgumentException ex) {
			// A login was taken between the check and the save: nobody was created.
			model.addAttribute("fileName", roster.fileName());
			model.addAttribute("problems", List.of(message("roster.changedMeanwhile", locale)));
			return VIEW;
		}
	}

	@PostMapping("/admin/users/import/{token}/cancel")
	String cancel(@PathVariable String token, HttpSession session, Locale locale, RedirectAttributes redirect) {
		if (this.pendings.find(session, token).isPresent()) {
			this.pendings.clear(session);
		}
		redirect.addFlashAttribute("flash", message("roster.cancelled", locale));
		return "redirect:/admin/users/import";
	}

	@GetMapping("/admin/users/import/slips/{token}")
	String slips(@PathVariable String token, HttpSession session, Model model, HttpServletResponse response) {
		// Neither the browser nor a proxy keeps a copy of the passwords.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (session.getAttribute(UNSHOWN) instanceof Unshown unshown && unshown.token().equals(token)) {
			session.removeAttribute(UNSHOWN);
			model.addAttribute("slips", unshown.slips());
			model.addAttribute("address", address());
		}
		return SLIPS;
	}

	/** The address to open, as the users will type it. */
	private String address() {
		var base = StringUtils.hasText(this.baseUrl) ? this.baseUrl
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return base + "/login";
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/**
	 * Slips made but not shown yet.
	 *
	 * @param token what the page must name
	 * @param slips the slips
	 */
	record Unshown(String token, List<AccountSlip> slips) implements Serializable {

		@Override
		public String toString() {
			return "Unshown[" + this.slips.size() + " slips]";
		}

	}

}
