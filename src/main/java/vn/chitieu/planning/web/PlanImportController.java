package vn.chitieu.planning.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.planning.PlanLoader;
import vn.chitieu.planning.definition.DefinitionException;
import vn.chitieu.planning.definition.DefinitionProblem;
import vn.chitieu.planning.definition.DefinitionReader;
import vn.chitieu.planning.definition.DefinitionReader.MessageRef;
import vn.chitieu.platform.FileNames;
import vn.chitieu.platform.Meters;
import vn.chitieu.platform.UploadSlots;

/**
 * The Office imports a plan definition file (docs/plan-format.md). A file with any
 * problem changes nothing and every problem is listed with its line.
 */
@Controller
class PlanImportController {

	private static final String VIEW = "planning/import";

	/** The longest file name kept (the {@code source} columns hold 200 characters). */
	static final int MAX_NAME = 200;

	private final PlanLoader loader;

	private final MessageSource messages;

	private final UploadSlots uploads;

	PlanImportController(PlanLoader loader, MessageSource messages, UploadSlots uploads) {
		this.uploads = uploads;
		this.loader = loader;
		this.messages = messages;
	}

	@GetMapping("/plans/import")
	String initImportForm() {
		return VIEW;
	}

	@PostMapping("/plans/import")
	String processImportForm(@RequestParam("file") MultipartFile file,
			@RequestParam(name = "replace", defaultValue = "false") boolean replace,
			@AuthenticationPrincipal UserDetails user, Model model, Locale locale, RedirectAttributes redirect)
			throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("problems", List.of(this.messages.getMessage("import.error.noFile", null, locale)));
			return VIEW;
		}
		var name = fileName(file.getOriginalFilename());
		if (file.getSize() > DefinitionReader.MAX_BYTES) {
			Meters.upload("plan", "too_large");
			model.addAttribute("problems", List.of(this.messages.getMessage("definition.error.tooLarge",
					new Object[] { DefinitionReader.MAX_BYTES / 1024 }, locale)));
			return VIEW;
		}
		try {
			var bytes = file.getBytes();
			var result = this.uploads.read(() -> this.loader.load(name, bytes, replace, user.getUsername()));
			Meters.upload("plan", "none");
			redirect.addFlashAttribute("flash", this.messages.getMessage("import.done." + result.outcome().name(),
					new Object[] { name, result.planCode(), result.indicators(), result.metrics(), result.version() },
					locale));
			if (result.outcome() == PlanLoader.LoadResult.Outcome.DRAFTED) {
				// A plan from a file is a draft: the Office checks it, then publishes it.
				return "redirect:/plans/" + result.planCode() + "/draft";
			}
			return (result.planCode() != null) ? "redirect:/plans/" + result.planCode() : "redirect:/plans";
		}
		catch (DefinitionException ex) {
			Meters.upload("plan", "invalid");
			model.addAttribute("fileName", name);
			model.addAttribute("problems", ex.problems().stream().map((p) -> describe(p, locale)).toList());
			return VIEW;
		}
		catch (UploadSlots.Busy ex) {
			Meters.upload("plan", "busy");
			model.addAttribute("problems", List.of(this.messages.getMessage(UploadSlots.Busy.MESSAGE, null, locale)));
			return VIEW;
		}
	}

	/**
	 * The uploaded file's name as it can be stored and shown (the {@code source} columns
	 * hold {@value #MAX_NAME} characters).
	 */
	static String fileName(String original) {
		return FileNames.clean(original, "plan.yaml", MAX_NAME);
	}

	private String describe(DefinitionProblem problem, Locale locale) {
		var args = problem.args().stream().map((a) -> resolve(a, locale)).toArray();
		var text = this.messages.getMessage(problem.key(), args, locale);
		return (problem.line() > 0)
				? this.messages.getMessage("import.line", new Object[] { problem.line(), text }, locale) : text;
	}

	private Object resolve(Object arg, Locale locale) {
		if (arg instanceof MessageRef ref) {
			return this.messages.getMessage(ref.key(),
					Arrays.stream(ref.args()).map((a) -> resolve(a, locale)).toArray(), locale);
		}
		return arg;
	}

}
