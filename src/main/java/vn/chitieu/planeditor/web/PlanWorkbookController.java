package vn.chitieu.planeditor.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.planeditor.PlanWorkbook;
import vn.chitieu.planeditor.PlanWorkbooks;
import vn.chitieu.planning.PlanLoader;
import vn.chitieu.planning.PlanVersions;
import vn.chitieu.planning.definition.DefinitionReader.MessageRef;
import vn.chitieu.platform.FileNames;
import vn.chitieu.platform.Meters;
import vn.chitieu.platform.UploadSlots;
import vn.chitieu.platform.sheets.SheetException;
import vn.chitieu.platform.sheets.SheetMessages;
import vn.chitieu.platform.sheets.SheetProblem;

/**
 * Plans as Excel workbooks: any version downloaded (a draft by the Office only), an empty
 * workbook for a new plan, and a workbook uploaded back by the Office, which becomes the
 * plan's draft or is refused whole with every problem by sheet, row and column.
 */
@Controller
class PlanWorkbookController {

	private static final String VIEW = "planeditor/workbook";

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final PlanWorkbooks workbooks;

	private final PlanVersions versions;

	private final UploadSlots uploads;

	private final MessageSource messages;

	PlanWorkbookController(PlanWorkbooks workbooks, PlanVersions versions, UploadSlots uploads,
			MessageSource messages) {
		this.workbooks = workbooks;
		this.versions = versions;
		this.uploads = uploads;
		this.messages = messages;
	}

	@GetMapping("/plans/import/workbook")
	String initUploadForm() {
		return VIEW;
	}

	@GetMapping("/plans/import/workbook/empty.xlsx")
	ResponseEntity<byte[]> empty() {
		return xlsx("ke-hoach-moi.xlsx", this.workbooks.empty());
	}

	@GetMapping("/plans/{code}/versions/{number}/workbook.xlsx")
	ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable int number, Authentication user) {
		var version = this.versions.version(code, number)
			.filter((p) -> !p.summary().isDraft() || isOffice(user))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var bytes = this.workbooks.download(code, number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var name = FileNames.clean(version.summary().code(), "plan", 60).replaceAll("[^A-Za-z0-9._-]", "_") + "-v"
				+ number + ".xlsx";
		return xlsx(name, bytes);
	}

	@PostMapping("/plans/import/workbook/upload")
	String processUploadForm(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "replace", defaultValue = "false") boolean replace,
			@AuthenticationPrincipal UserDetails user, Model model, Locale locale, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("problems", List.of(this.messages.getMessage("import.error.noFile", null, locale)));
			return VIEW;
		}
		var name = FileNames.clean(file.getOriginalFilename(), "plan.xlsx", 200);
		if (file.getSize() > PlanWorkbook.MAX_BYTES) {
			Meters.upload("plan", "too_large");
			model.addAttribute("fileName", name);
			model.addAttribute("problems", List.of(this.messages.getMessage("template.error.tooLarge",
					new Object[] { PlanWorkbook.MAX_BYTES / 1024 / 1024 }, locale)));
			return VIEW;
		}
		try {
			var bytes = file.getBytes();
			PlanLoader.LoadResult result = this.uploads
				.read(() -> this.workbooks.upload(name, bytes, replace, user.getUsername()));
			Meters.upload("plan", "none");
			redirect.addFlashAttribute("flash", this.messages.getMessage("import.done." + result.outcome().name(),
					new Object[] { name, result.planCode(), result.indicators(), result.metrics(), result.version() },
					locale));
			return "redirect:/plans/" + result.planCode() + "/draft";
		}
		catch (SheetException ex) {
			Meters.upload("plan", "invalid");
			model.addAttribute("fileName", name);
			model.addAttribute("problems", ex.problems().stream().map((p) -> render(p, locale)).toList());
			return VIEW;
		}
		catch (UploadSlots.Busy ex) {
			Meters.upload("plan", "busy");
			model.addAttribute("problems", List.of(this.messages.getMessage(UploadSlots.Busy.MESSAGE, null, locale)));
			return VIEW;
		}
	}

	private String render(SheetProblem problem, Locale locale) {
		var args = problem.args().stream().map((a) -> resolve(a, locale)).toList();
		var resolved = new SheetProblem(problem.sheet(), problem.row(), problem.column(), problem.header(),
				problem.key(), args);
		return SheetMessages.render(resolved, this.messages, locale);
	}

	private Object resolve(Object arg, Locale locale) {
		if (arg instanceof MessageRef ref) {
			return this.messages.getMessage(ref.key(),
					Arrays.stream(ref.args()).map((a) -> resolve(a, locale)).toArray(), locale);
		}
		if (arg instanceof PlanWorkbook.Described described) {
			return this.messages.getMessage(described.key(),
					Arrays.stream(described.args()).map((a) -> resolve(a, locale)).toArray(), locale);
		}
		return arg;
	}

	private static ResponseEntity<byte[]> xlsx(String name, byte[] bytes) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(bytes);
	}

	private static boolean isOffice(Authentication user) {
		return user != null && user.getAuthorities().stream().anyMatch((a) -> "ROLE_OFFICE".equals(a.getAuthority()));
	}

}
