package vn.chitieu.backup.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.backup.BackupFailedException;
import vn.chitieu.backup.BackupFile;
import vn.chitieu.backup.Backups;

/**
 * The administrator's backups page (/admin/backups): the backups kept, "Sao lưu ngay",
 * downloads, and how the last scheduled backup went.
 */
@Controller
class BackupController {

	private final Backups backups;

	private final MessageSource messages;

	BackupController(Backups backups, MessageSource messages) {
		this.backups = backups;
		this.messages = messages;
	}

	@GetMapping("/admin/backups")
	String list(Model model) {
		var files = this.backups.list();
		model.addAttribute("backups", files);
		model.addAttribute("latest", files.isEmpty() ? "" : files.get(0).name());
		model.addAttribute("directory", this.backups.directory().toString());
		model.addAttribute("keep", this.backups.keep());
		model.addAttribute("schedule", this.backups.schedule().orElse(null));
		model.addAttribute("lastScheduled", this.backups.lastScheduled().orElse(null));
		return "backup/backups";
	}

	/**
	 * Writes a backup now. {@code latest} is the newest backup the page showed: when a
	 * newer one appeared meanwhile (a second click, another administrator), none is
	 * written twice.
	 */
	@PostMapping("/admin/backups")
	String create(@RequestParam String latest, @AuthenticationPrincipal UserDetails user, Locale locale,
			RedirectAttributes redirect) {
		var files = this.backups.list();
		var newest = files.isEmpty() ? "" : files.get(0).name();
		if (!newest.equals(latest)) {
			redirect.addFlashAttribute("error",
					this.messages.getMessage("backups.alreadyMade", new Object[] { newest }, locale));
			return "redirect:/admin/backups";
		}
		try {
			BackupFile file = this.backups.create(user.getUsername());
			redirect.addFlashAttribute("done",
					this.messages.getMessage("backups.done", new Object[] { file.name() }, locale));
		}
		catch (BackupFailedException ex) {
			redirect.addFlashAttribute("error", this.messages.getMessage("backups.failed." + ex.reason().name(),
					new Object[] { ex.directory().toString(), ex.detail() }, locale));
		}
		return "redirect:/admin/backups";
	}

	@GetMapping("/admin/backups/{name}")
	ResponseEntity<Resource> download(@PathVariable String name, @AuthenticationPrincipal UserDetails user)
			throws IOException {
		var file = this.backups.file(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.backups.downloaded(name, user.getUsername());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.contentLength(Files.size(file))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(new FileSystemResource(file));
	}

}
