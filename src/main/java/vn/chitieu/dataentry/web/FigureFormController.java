package vn.chitieu.dataentry.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.dataentry.FigureForms;
import vn.chitieu.dataentry.FigureInput;
import vn.chitieu.dataentry.FigureKey;
import vn.chitieu.dataentry.FigureTemplates;
import vn.chitieu.dataentry.TemplateException;
import vn.chitieu.dataentry.ReportMessage;
import vn.chitieu.dataentry.ReportThread;
import vn.chitieu.dataentry.SaveMode;
import vn.chitieu.dataentry.SaveOutcome;
import vn.chitieu.dataentry.Submissions;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitRef;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.platform.FileNames;
import vn.chitieu.platform.Formats;
import vn.chitieu.platform.Meters;
import vn.chitieu.platform.UploadSlots;
import vn.chitieu.security.CurrentUser;

/**
 * The yearly forms: a school's, a ward's, the Office's own district figures, and the
 * Office's review of a submission.
 */
@Controller
class FigureFormController {

	static final String VIEW = "dataentry/form";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final FigureForms forms;

	private final OrgUnits units;

	private final Submissions submissions;

	private final MetricCatalog catalog;

	private final MessageSource messages;

	private final Formats formats;

	private final ViolationMessages texts;

	private final FigureTemplates templates;

	private final UploadSlots uploads;

	private final ReportThread thread;

	FigureFormController(FigureForms forms, OrgUnits units, Submissions submissions, MetricCatalog catalog,
			MessageSource messages, Formats formats, ViolationMessages texts, FigureTemplates templates,
			UploadSlots uploads, ReportThread thread) {
		this.thread = thread;
		this.uploads = uploads;
		this.formats = formats;
		this.texts = texts;
		this.templates = templates;
		this.forms = forms;
		this.units = units;
		this.submissions = submissions;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping({ "/schools/{id}/figures/{year}", "/wards/{id}/figures/{year}" })
	String showUnitForm(@PathVariable long id, @PathVariable String year, @AuthenticationPrincipal CurrentUser user,
			Model model, Locale locale) {
		return show(id, year(year), user, model, locale);
	}

	@GetMapping("/district/figures/{year}")
	String showDistrictForm(@PathVariable String year, @AuthenticationPrincipal CurrentUser user, Model model,
			Locale locale) {
		return show(districtId(), year(year), user, model, locale);
	}

	@PostMapping({ "/schools/{id}/figures/{year}", "/wards/{id}/figures/{year}" })
	String saveUnitForm(@PathVariable long id, @PathVariable String year,
			@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user, Model model,
			Locale locale, RedirectAttributes redirect) {
		return save(id, year(year), params, user, model, locale, redirect);
	}

	@PostMapping("/district/figures/{year}")
	String saveDistrictForm(@PathVariable String year, @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale, RedirectAttributes redirect) {
		return save(districtId(), year(year), params, user, model, locale, redirect);
	}

	@PostMapping(path = { "/schools/{id}/figures/{year}/autosave", "/wards/{id}/figures/{year}/autosave" })
	@ResponseBody
	ResponseEntity<Map<String, Object>> autosaveUnitForm(@PathVariable long id, @PathVariable String year,
			@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user,
			Locale locale) {
		return autosave(id, year(year), params, user, locale);
	}

	@PostMapping(path = "/district/figures/{year}/autosave")
	@ResponseBody
	ResponseEntity<Map<String, Object>> autosaveDistrictForm(@PathVariable String year,
			@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user,
			Locale locale) {
		return autosave(districtId(), year(year), params, user, locale);
	}

	@PostMapping("/submissions/{id}/review")
	String review(@PathVariable long id, @RequestParam String decision,
			@RequestParam(required = false, defaultValue = "") String comment, @RequestParam int version,
			@RequestParam(required = false) String confirm, @RequestParam(required = false) String next,
			@AuthenticationPrincipal CurrentUser user, Locale locale, RedirectAttributes redirect) {
		if ("approve".equals(decision) && !"1".equals(confirm)) {
			// Approving locks the figures: the reviewer ticks that they have looked, with
			// or
			// without JavaScript.
			var submission = this.submissions.find(id)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			var unit = this.units.unit(submission.unitId()).orElseThrow();
			redirect.addFlashAttribute("problem", message("review.error.confirm", locale));
			return "redirect:" + formPath(unit, submission.year());
		}
		var outcome = switch (decision) {
			case "approve" -> this.forms.approve(user, id, version);
			case "return" -> this.forms.returnWith(user, id, version, comment);
			case "reopen" -> this.forms.reopen(user, id, version, comment);
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		};
		var submission = this.submissions.find(id).orElseThrow();
		var unit = this.units.unit(submission.unitId()).orElseThrow();
		if (outcome instanceof SaveOutcome.Invalid invalid) {
			var violation = invalid.violations().get(0);
			redirect.addFlashAttribute("problem", message(violation.key(), locale, violation.args().toArray()));
		}
		else if (outcome instanceof SaveOutcome.Conflict conflict) {
			redirect.addFlashAttribute("problem", message("review.conflict", locale, conflict.changedBy(),
					this.formats.dateTime(conflict.changedAt())));
		}
		else if (outcome instanceof SaveOutcome.Refused refused) {
			redirect.addFlashAttribute("problem", message(refused.reason(), locale));
		}
		else if ("approve".equals(decision) && next != null) {
			// On to the next report in the queue (the oldest sent first), or back to the
			// empty queue.
			var following = this.submissions.waitingForReview(submission.year())
				.stream()
				.filter((s) -> s.id() != id)
				.findFirst();
			if (following.isEmpty()) {
				redirect.addFlashAttribute("flash",
						message("review.done.approve", locale) + " " + message("review.queueEmpty", locale));
				return "redirect:/review?year=" + submission.year().label();
			}
			redirect.addFlashAttribute("flash", message("review.done.approveNext", locale, unit.name()));
			var nextUnit = this.units.unit(following.get().unitId()).orElseThrow();
			return "redirect:" + formPath(nextUnit, submission.year());
		}
		else {
			redirect.addFlashAttribute("flash", message("review.done." + decision, locale));
		}
		return "redirect:" + formPath(unit, submission.year());
	}

	@PostMapping({ "/schools/{id}/figures/{year}/messages", "/wards/{id}/figures/{year}/messages" })
	String reply(@PathVariable long id, @PathVariable String year,
			@RequestParam(required = false, defaultValue = "") String text, @AuthenticationPrincipal CurrentUser user,
			Locale locale, RedirectAttributes redirect) {
		var unit = this.units.unit(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var schoolYear = year(year);
		var problem = this.thread.reply(user, id, schoolYear, text);
		if (problem != null) {
			redirect.addFlashAttribute("threadProblem", message(problem, locale, ReportThread.MAX_LENGTH));
			redirect.addFlashAttribute("threadText", text);
		}
		else {
			redirect.addFlashAttribute("flash", message("thread.sent", locale));
		}
		return "redirect:" + formPath(unit, schoolYear) + "#thread";
	}

	@GetMapping({ "/schools/{id}/figures/{year}/template.xlsx", "/wards/{id}/figures/{year}/template.xlsx" })
	ResponseEntity<byte[]> template(@PathVariable long id, @PathVariable String year,
			@AuthenticationPrincipal CurrentUser user) {
		var schoolYear = year(year);
		var bytes = this.templates.template(user, id, schoolYear);
		var unit = this.units.unit(id).orElseThrow();
		var name = "chitieu-" + unit.code().toLowerCase(Locale.ROOT) + "-" + schoolYear.label() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(bytes);
	}

	@PostMapping({ "/schools/{id}/figures/{year}/upload", "/wards/{id}/figures/{year}/upload" })
	String upload(@PathVariable long id, @PathVariable String year, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, RedirectAttributes redirect) throws IOException {
		var schoolYear = year(year);
		var unit = this.units.unit(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			// Recorded in the audit trail (100 characters).
			var name = FileNames.clean(file.getOriginalFilename(), "upload.xlsx", 100);
			var bytes = file.getBytes();
			int changed = this.uploads.read(() -> this.templates.upload(user, id, schoolYear, name, bytes));
			Meters.upload("figures", "none");
			redirect.addFlashAttribute("flash", message("template.uploaded", locale, changed));
		}
		catch (TemplateException ex) {
			Meters.upload("figures", "invalid");
			redirect.addFlashAttribute("uploadProblems",
					ex.problems().stream().map((p) -> this.texts.describe(p, locale)).toList());
		}
		catch (UploadSlots.Busy ex) {
			Meters.upload("figures", "busy");
			redirect.addFlashAttribute("uploadProblems", List.of(message(UploadSlots.Busy.MESSAGE, locale)));
		}
		return "redirect:" + formPath(unit, schoolYear);
	}

	private String show(long unitId, SchoolYear year, CurrentUser user, Model model, Locale locale) {
		var form = this.forms.open(user, unitId, year);
		var view = FormView.of(form, FormState.LOADED, form.violations(), false, this.texts, this.messages, locale);
		return render(view, form.version(), user, model, locale);
	}

	private String save(long unitId, SchoolYear year, MultiValueMap<String, String> params, CurrentUser user,
			Model model, Locale locale, RedirectAttributes redirect) {
		var input = input(params);
		boolean submit = "submit".equals(params.getFirst("action"));
		var outcome = this.forms.save(user, unitId, year, input, submit ? SaveMode.SUBMIT : SaveMode.DRAFT);
		var unit = this.units.unit(unitId).orElseThrow();
		if (outcome instanceof SaveOutcome.Saved saved) {
			redirect.addFlashAttribute("flash",
					message(submit ? "form.submitted" : "form.saved", locale, saved.changed()));
			return "redirect:" + formPath(unit, year);
		}
		if (outcome instanceof SaveOutcome.Refused refused) {
			redirect.addFlashAttribute("problem", message(refused.reason(), locale));
			return "redirect:" + formPath(unit, year);
		}
		var form = this.forms.open(user, unitId, year);
		if (outcome instanceof SaveOutcome.Conflict conflict) {
			// The figures as they now stand, with this user's own changes over them; the
			// form now counts as loaded with the figures as they stand, so that saving it
			// writes only this user's changes.
			// The explanations this user typed go along, with the warnings of the figures
			// as the page shows them, so that saving it stores them.
			var state = new FormState(conflict.mine(), conflict.mineNotes(), null, null, conflict.contested(), Map.of(),
					input.explanations());
			var view = FormView.of(form.withWarnings(conflict.warnings()), state, List.of(), true, this.texts,
					this.messages, locale);
			model.addAttribute("conflict", conflict);
			model.addAttribute("conflictChanges", conflict.changes()
				.stream()
				.map((c) -> new ChangeView(
						this.catalog.find(c.figure().metric()).map((m) -> m.name(locale)).orElse(c.figure().metric()),
						c.oldValue(), c.newValue(), c.by(), c.at()))
				.toList());
			return render(view, form.version(), user, model, locale);
		}
		var invalid = (SaveOutcome.Invalid) outcome;
		// Shown again as typed, still counting as loaded with what it was loaded with.
		var state = new FormState(input.raw(), input.notes(), input.original(),
				input.tracked() ? input.originalNotes() : null, input.contested(), input.keepMine(),
				input.explanations());
		var view = FormView.of(form.withWarnings(invalid.warnings()), state, invalid.violations(), true, this.texts,
				this.messages, locale);
		return render(view, input.version(), user, model, locale);
	}

	/**
	 * Saves, as a draft, the fields the browser sends as the user leaves them: the same
	 * save as the form's, with the same checks and the same refusal when someone else
	 * saved since the form was loaded. The browser then carries the new version, so that
	 * its next save (autosave or full) counts as made on it. A conflict is answered with
	 * 409 and nothing saved: the browser then sends the whole form, whose answer is the
	 * merge page of a full save.
	 */
	private ResponseEntity<Map<String, Object>> autosave(long unitId, SchoolYear year,
			MultiValueMap<String, String> params, CurrentUser user, Locale locale) {
		var input = input(params);
		var outcome = this.forms.autosave(user, unitId, year, input);
		var body = new LinkedHashMap<String, Object>();
		if (outcome instanceof SaveOutcome.Saved saved) {
			var now = Instant.now();
			body.put("status", "saved");
			body.put("version", saved.version());
			body.put("openedAt", now.toEpochMilli());
			body.put("message", message("form.autosaved", locale, this.formats.time(now)));
			// What looks implausible in the figures just saved, so that the page asks for
			// an explanation at once, as it would after a reload.
			var form = this.forms.open(user, unitId, year);
			var warnings = new LinkedHashMap<String, List<String>>();
			for (var key : input.raw().keySet()) {
				this.catalog.find(key.metric())
					.ifPresent((metric) -> warnings.put(key.fieldName(), form.warnings(key)
						.stream()
						.map((w) -> FormView.warning(w, metric, form.lastYear().get(key), this.messages, locale))
						.toList()));
			}
			body.put("warnings", warnings);
			body.put("explanationLabel", message("form.explanation", locale));
			return ResponseEntity.ok(body);
		}
		if (outcome instanceof SaveOutcome.Invalid invalid) {
			var fields = new LinkedHashMap<String, List<String>>();
			for (var violation : invalid.violations()) {
				var text = this.texts.describe(violation, locale);
				for (var key : violation.keys()) {
					fields.computeIfAbsent(key.fieldName(), (k) -> new ArrayList<>()).add(text);
				}
			}
			body.put("status", "invalid");
			body.put("fields", fields);
			body.put("message", message("form.autosaveInvalid", locale));
			body.put("version", input.version());
			return ResponseEntity.status(422).body(body);
		}
		if (outcome instanceof SaveOutcome.Conflict) {
			body.put("status", "conflict");
			return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
		}
		body.put("status", "refused");
		body.put("message", message(((SaveOutcome.Refused) outcome).reason(), locale));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	/**
	 * Reads a posted form: {@code f.} the text of each field, {@code n.} its note,
	 * {@code o.} and {@code p.} the value and note it held when the form was loaded,
	 * {@code k.} a field shown side by side after a conflict, {@code c.} the choice made
	 * for it ({@code mine} or {@code theirs}).
	 */
	private static FigureInput input(MultiValueMap<String, String> params) {
		var raw = new HashMap<FigureKey, String>();
		var notes = new HashMap<FigureKey, String>();
		var original = new HashMap<FigureKey, String>();
		var originalNotes = new HashMap<FigureKey, String>();
		var contested = new HashSet<FigureKey>();
		var keepMine = new HashMap<FigureKey, Boolean>();
		var explanations = new HashMap<FigureKey, String>();
		params.forEach((name, values) -> {
			if (name.length() < 3 || name.charAt(1) != '.' || values.isEmpty() || values.get(0) == null) {
				return;
			}
			var key = FigureKey.fromFieldName("f" + name.substring(1));
			if (key == null) {
				return;
			}
			var value = values.get(0);
			switch (name.charAt(0)) {
				case 'f' -> raw.put(key, value);
				case 'n' -> notes.put(key, value);
				case 'o' -> original.put(key, value);
				case 'p' -> originalNotes.put(key, value);
				case 'k' -> contested.add(key);
				case 'e' -> explanations.put(key, value);
				case 'c' -> {
					if (value.equals("mine") || value.equals("theirs")) {
						keepMine.put(key, value.equals("mine"));
					}
				}
				default -> {
				}
			}
		});
		boolean tracked = params.keySet().stream().anyMatch((name) -> name.startsWith("o."));
		return new FigureInput(raw, notes, integer(params.getFirst("version"), -2),
				Instant.ofEpochMilli(integer(params.getFirst("openedAt"), 0L)), tracked ? original : null,
				originalNotes, contested, keepMine, explanations);
	}

	private String render(FormView view, int version, CurrentUser user, Model model, Locale locale) {
		var submission = view.form().submission();
		if (view.form().reviewable()) {
			model.addAttribute("summary", this.forms.summary(view.form(), locale));
		}
		model.addAttribute("thread",
				submission.map((s) -> this.thread.messages(user, s.id())).orElse(List.<ReportMessage>of()));
		model.addAttribute("canReply", submission.map((s) -> this.thread.canReply(user, s.id())).orElse(false));
		model.addAttribute("view", view);
		model.addAttribute("form", view.form());
		model.addAttribute("version", version);
		model.addAttribute("openedAt", Instant.now().toEpochMilli());
		model.addAttribute("formPath", formPath(view.form().unit(), view.form().year().year()));
		return VIEW;
	}

	static String formPath(UnitRef unit, SchoolYear year) {
		return switch (unit.kind()) {
			case SCHOOL -> "/schools/" + unit.id() + "/figures/" + year.label();
			case WARD -> "/wards/" + unit.id() + "/figures/" + year.label();
			case DISTRICT -> "/district/figures/" + year.label();
		};
	}

	private long districtId() {
		return this.units.district().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).id();
	}

	private static SchoolYear year(String label) {
		try {
			return SchoolYear.parse(label);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static int integer(String text, int otherwise) {
		try {
			return (text != null) ? Integer.parseInt(text.strip()) : otherwise;
		}
		catch (NumberFormatException ex) {
			return otherwise;
		}
	}

	private static long integer(String text, long otherwise) {
		try {
			return (text != null) ? Long.parseLong(text.strip()) : otherwise;
		}
		catch (NumberFormatException ex) {
			return otherwise;
		}
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/**
	 * A figure someone else changed, as the conflict panel shows it.
	 *
	 * @param label the figure's name
	 * @param oldValue before
	 * @param newValue after
	 * @param by who
	 * @param at when
	 */
	record ChangeView(String label, String oldValue, String newValue, String by, Instant at) {
	}

}
