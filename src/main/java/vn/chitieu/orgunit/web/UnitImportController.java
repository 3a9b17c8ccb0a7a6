package vn.chitieu.orgunit.web;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.orgunit.UnitImport;
import vn.chitieu.orgunit.UnitImportChangedException;
import vn.chitieu.orgunit.UnitImportPreview;
import vn.chitieu.orgunit.UnitImports;
import vn.chitieu.platform.FileNames;
import vn.chitieu.platform.UploadSlots;
import vn.chitieu.platform.sheets.PendingImports;
import vn.chitieu.platform.sheets.PendingImports.Pending;
import vn.chitieu.platform.sheets.SheetException;
import vn.chitieu.platform.sheets.SheetMessages;

/**
 * Wards and schools from an .xlsx (/admin/units/import), for the Office and the
 * administrator: download the template prefilled with the district, upload it back, see
 * every problem or a preview of what will change, confirm. The file read is kept in the
 * session between the preview and the confirmation, and checked again against the
 * database when confirmed: the browser only posts back a token.
 */
@Controller
class UnitImportController {

	private static final String VIEW = "orgunit/import";

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final PendingImports<UnitImport, UnitImportPreview> pendings = new PendingImports<>(UnitImport.class);

	private final UnitImports imports;

	private final UploadSlots uploads;

	private final MessageSource messages;

	UnitImportController(UnitImports imports, UploadSlots uploads, MessageSource messages) {
		this.imports = imports;
		this.uploads = uploads;
		this.messages = messages;
	}

	@GetMapping("/admin/units/import")
	String initImportForm() {
		return VIEW;
	}

	@GetMapping("/admin/units/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("chitieu-phuong-truong.xlsx").build().toString())
			.body(this.imports.template());
	}

	@PostMapping("/admin/units/import/upload")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session, Model model,
			Locale locale) throws IOException {
		this.pendings.clear(session);
		if (file == null || (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()))) {
			model.addAttribute("problems", List.of(message("unitImport.noFile", locale)));
			return VIEW;
		}
		var name = FileNames.clean(file.getOriginalFilename(), "units.xlsx", 100);
		model.addAttribute("fileName", name);
		try {
			var bytes = file.getBytes();
			var read = this.uploads.read(() -> this.imports.read(name, bytes));
			var token = this.pendings.start(session, read, this.imports.preview(read));
			return "redirect:/admin/units/import/" + token;
		}
		catch (SheetException ex) {
			model.addAttribute("problems", SheetMessages.render(ex.problems(), this.messages, locale));
		}
		catch (UploadSlots.Busy ex) {
			model.addAttribute("problems", List.of(message(UploadSlots.Busy.MESSAGE, locale)));
		}
		return VIEW;
	}

	@GetMapping("/admin/units/import/{token}")
	String preview(@PathVariable String token, HttpSession session, Model model, Locale locale,
			RedirectAttributes redirect) {
		var found = this.pendings.find(session, token);
		if (found.isEmpty()) {
			redirect.addFlashAttribute("problem", message("unitImport.expired", locale));
			return "redirect:/admin/units/import";
		}
		var pending = found.get();
		model.addAttribute("token", token);
		model.addAttribute("fileName", pending.file().fileName());
		model.addAttribute("preview", pending.preview());
		return VIEW;
	}

	@PostMapping("/admin/units/import/{token}/confirm")
	String confirm(@PathVariable String token, HttpSession session, Principal user, Model model, Locale locale,
			RedirectAttributes redirect) {
		var found = this.pendings.find(session, token);
		if (found.isEmpty()) {
			redirect.addFlashAttribute("problem", message("unitImport.expired", locale));
			return "redirect:/admin/units/import";
		}
		var pending = found.get();
		try {
			var done = this.imports.apply(pending.file(), pending.preview(), user.getName());
			this.pendings.clear(session);
			redirect.addFlashAttribute("flash",
					message("unitImport.done", locale, done.added().size(), done.changed().size()));
			return "redirect:/schools";
		}
		catch (UnitImportChangedException ex) {
			this.pendings.replace(session, pending, ex.preview());
			redirect.addFlashAttribute("problem", message("unitImport.changedMeanwhile", locale));
			return "redirect:/admin/units/import/" + token;
		}
		catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
			// Someone saved a unit between the check and the save: nothing of the file
			// was saved; the preview is made again from what is saved now.
			return recheck(pending, session, redirect, locale);
		}
		catch (SheetException ex) {
			this.pendings.clear(session);
			model.addAttribute("fileName", pending.file().fileName());
			model.addAttribute("problems", SheetMessages.render(ex.problems(), this.messages, locale));
			return VIEW;
		}
	}

	@PostMapping("/admin/units/import/{token}/cancel")
	String cancel(@PathVariable String token, HttpSession session, Locale locale, RedirectAttributes redirect) {
		if (this.pendings.find(session, token).isPresent()) {
			this.pendings.clear(session);
		}
		redirect.addFlashAttribute("flash", message("unitImport.cancelled", locale));
		return "redirect:/admin/units/import";
	}

	private String recheck(Pending<UnitImport, UnitImportPreview> pending, HttpSession session,
			RedirectAttributes redirect, Locale locale) {
		try {
			this.pendings.replace(session, pending, this.imports.preview(pending.file()));
			redirect.addFlashAttribute("problem", message("unitImport.changedMeanwhile", locale));
			return "redirect:/admin/units/import/" + pending.token();
		}
		catch (SheetException ex) {
			this.pendings.clear(session);
			redirect.addFlashAttribute("problem", message("unitImport.changedMeanwhile", locale));
			return "redirect:/admin/units/import";
		}
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
