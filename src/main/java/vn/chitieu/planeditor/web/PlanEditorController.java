package vn.chitieu.planeditor.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.IndicatorUnit;
import vn.chitieu.planning.MeasureDescriber;
import vn.chitieu.planning.PlanDefinition;
import vn.chitieu.planning.PlanDraftException;
import vn.chitieu.planning.PlanVersions;
import vn.chitieu.planning.Plans;
import vn.chitieu.planning.Plans.LoadedPlan;
import vn.chitieu.planning.definition.DefinitionProblem;
import vn.chitieu.planning.definition.DefinitionReader.MessageRef;
import vn.chitieu.planning.definition.PlanText;
import vn.chitieu.planning.definition.PlanText.Header;
import vn.chitieu.planning.definition.PlanText.IndicatorFields;
import vn.chitieu.progress.IndicatorProgress;
import vn.chitieu.progress.Progress;

/**
 * The Office writes and edits plan drafts in the browser: a new plan's header, each
 * indicator (checked by the definition file's own reader, each problem beside its field),
 * a preview of the values an indicator would have on the figures already entered, then
 * publishing or discarding the draft.
 */
@Controller
class PlanEditorController {

	private static final String DRAFT = "planeditor/draft";

	private static final String INDICATOR = "planeditor/indicator";

	private static final String NEW = "planeditor/new";

	private final PlanVersions versions;

	private final Progress progress;

	private final MeasureDescriber describer;

	private final MessageSource messages;

	PlanEditorController(PlanVersions versions, Progress progress, MeasureDescriber describer, MessageSource messages) {
		this.versions = versions;
		this.progress = progress;
		this.describer = describer;
		this.messages = messages;
	}

	@ModelAttribute("levels")
	List<String> levels() {
		return Arrays.stream(IndicatorLevel.values()).map(Enum::name).toList();
	}

	@ModelAttribute("units")
	List<String> units() {
		return Arrays.stream(IndicatorUnit.values()).map((u) -> u.name().toLowerCase(Locale.ROOT)).toList();
	}

	// ------------------------------------------------------------------ a new plan

	@GetMapping("/plans/new")
	String initNewPlanForm(Model model) {
		model.addAttribute("header", HeaderForm.empty());
		model.addAttribute("errors", Map.of());
		return NEW;
	}

	@PostMapping("/plans/new")
	String processNewPlanForm(@ModelAttribute("header") HeaderForm header, @AuthenticationPrincipal UserDetails user,
			Model model, Locale locale, RedirectAttributes redirect) {
		var saved = this.versions.createPlan(header.toHeader(), user.getUsername());
		if (!saved.ok()) {
			model.addAttribute("errors", errors(saved.reading(), -1, locale));
			return NEW;
		}
		redirect.addFlashAttribute("flash", msg("editor.created", locale, saved.summary().code()));
		return "redirect:/plans/" + saved.summary().code() + "/draft";
	}

	// ------------------------------------------------------------------ the draft

	@PostMapping("/plans/{code}/draft/start")
	String startDraft(@PathVariable String code, @RequestParam int from, @AuthenticationPrincipal UserDetails user,
			Locale locale, RedirectAttributes redirect) {
		var draft = this.versions.startDraft(code, from, user.getUsername());
		redirect.addFlashAttribute("flash", msg("editor.started", locale, draft.number()));
		return "redirect:/plans/" + code + "/draft";
	}

	@GetMapping("/plans/{code}/draft")
	String draft(@PathVariable String code, Model model) {
		var draft = draftOf(code);
		model.addAttribute("header", HeaderForm.of(Header.of(draft.definition())));
		model.addAttribute("errors", Map.of());
		return showDraft(draft, model);
	}

	@PostMapping("/plans/{code}/draft/header")
	String processHeaderForm(@PathVariable String code, @RequestParam int number, @RequestParam int revision,
			@ModelAttribute("header") HeaderForm header, @AuthenticationPrincipal UserDetails user, Model model,
			Locale locale, RedirectAttributes redirect) {
		var saved = this.versions.saveHeader(code, number, revision, header.toHeader(), user.getUsername());
		if (!saved.ok()) {
			model.addAttribute("errors", errors(saved.reading(), -1, locale));
			return showDraft(draftOf(code), model);
		}
		redirect.addFlashAttribute("flash", msg("editor.saved", locale));
		return "redirect:/plans/" + code + "/draft";
	}

	@PostMapping("/plans/{code}/draft/discard")
	String discard(@PathVariable String code, @RequestParam int number, @AuthenticationPrincipal UserDetails user,
			Locale locale, RedirectAttributes redirect) {
		this.versions.discard(code, number, user.getUsername());
		redirect.addFlashAttribute("flash", msg("editor.discarded", locale, number));
		return "redirect:/plans";
	}

	@GetMapping("/plans/{code}/draft/publish")
	String initPublishForm(@PathVariable String code, Model model) {
		var publication = this.versions.publication(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("publication", publication);
		model.addAttribute("plan", draftOf(code));
		return "planeditor/publish";
	}

	@PostMapping("/plans/{code}/draft/publish")
	String processPublishForm(@PathVariable String code, @RequestParam int number,
			@RequestParam(name = "fromOpenYear", defaultValue = "false") boolean fromOpenYear,
			@AuthenticationPrincipal UserDetails user, Locale locale, RedirectAttributes redirect) {
		var published = this.versions.publish(code, number, fromOpenYear, user.getUsername());
		redirect.addFlashAttribute("flash", msg("editor.published", locale, published.number()));
		return "redirect:/plans/" + code;
	}

	// ------------------------------------------------------------------ indicators

	@GetMapping("/plans/{code}/draft/indicators/new")
	String initNewIndicatorForm(@PathVariable String code, Model model) {
		var draft = draftOf(code);
		return showIndicator(draft, null, IndicatorForm.empty(), Map.of(), null, model);
	}

	@PostMapping("/plans/{code}/draft/indicators/new")
	String processNewIndicatorForm(@PathVariable String code, @RequestParam int number, @RequestParam int revision,
			@ModelAttribute("form") IndicatorForm form,
			@RequestParam(name = "action", defaultValue = "save") String action,
			@AuthenticationPrincipal UserDetails user, Model model, Locale locale, RedirectAttributes redirect) {
		return processIndicator(code, null, number, revision, form, action, user, model, locale, redirect);
	}

	@GetMapping("/plans/{code}/draft/indicators/{indicatorCode}")
	String initIndicatorForm(@PathVariable String code, @PathVariable String indicatorCode, Model model) {
		var draft = draftOf(code);
		var indicator = draft.indicator(indicatorCode)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var form = IndicatorForm.of(IndicatorFields.of(indicator, draft.definition()));
		return showIndicator(draft, indicatorCode, form, Map.of(), preview(draft.definition(), indicator), model);
	}

	@PostMapping("/plans/{code}/draft/indicators/{indicatorCode}")
	String processIndicatorForm(@PathVariable String code, @PathVariable String indicatorCode, @RequestParam int number,
			@RequestParam int revision, @ModelAttribute("form") IndicatorForm form,
			@RequestParam(name = "action", defaultValue = "save") String action,
			@AuthenticationPrincipal UserDetails user, Model model, Locale locale, RedirectAttributes redirect) {
		return processIndicator(code, indicatorCode, number, revision, form, action, user, model, locale, redirect);
	}

	/**
	 * Checks an indicator's measure and target while they are typed (htmx): the same
	 * reader as on saving, nothing stored; the problems go beside the two fields.
	 */
	@PostMapping("/plans/{code}/draft/indicators/live")
	String liveCheck(@PathVariable String code, @ModelAttribute("form") IndicatorForm form, Model model,
			Locale locale) {
		var draft = draftOf(code);
		var reading = this.versions.checkIndicator(code, draft.definition(), form.toFields());
		model.addAttribute("errors", reading.ok() ? Map.of() : errors(reading, 0, locale));
		return "planeditor/live :: live";
	}

	@PostMapping("/plans/{code}/draft/indicators/{indicatorCode}/remove")
	String removeIndicator(@PathVariable String code, @PathVariable String indicatorCode, @RequestParam int number,
			@RequestParam int revision, @AuthenticationPrincipal UserDetails user, Locale locale,
			RedirectAttributes redirect) {
		this.versions.removeIndicator(code, number, revision, indicatorCode, user.getUsername());
		redirect.addFlashAttribute("flash", msg("editor.removed", locale, indicatorCode));
		return "redirect:/plans/" + code + "/draft";
	}

	/**
	 * Checks (and previews) or saves an indicator: "check" stores nothing, "save" stores
	 * it when the reader finds no problem.
	 */
	private String processIndicator(String code, String original, int number, int revision, IndicatorForm form,
			String action, UserDetails user, Model model, Locale locale, RedirectAttributes redirect) {
		var draft = draftOf(code);
		var fields = form.toFields();
		if ("check".equals(action)) {
			var reading = this.versions.checkIndicator(code, draft.definition(), fields);
			if (!reading.ok()) {
				return showIndicator(draft, original, form, errors(reading, 0, locale), null, model);
			}
			model.addAttribute("checked", true);
			var indicator = reading.plan().indicators().get(0);
			return showIndicator(draft, original, form, Map.of(), preview(draft.definition(), indicator), model);
		}
		var saved = this.versions.saveIndicator(code, number, revision, original, fields, user.getUsername());
		if (!saved.ok()) {
			return showIndicator(draft, original, form, errors(saved.reading(), 0, locale), null, model);
		}
		redirect.addFlashAttribute("flash", msg("editor.saved", locale));
		return "redirect:/plans/" + code + "/draft/indicators/" + fields.code();
	}

	// ------------------------------------------------------------------ views

	private String showDraft(LoadedPlan draft, Model model) {
		model.addAttribute("plan", draft);
		var rows = new ArrayList<Row>();
		for (var indicator : draft.definition().indicators()) {
			rows.add(new Row(indicator,
					indicator.targets()
						.stream()
						.map((t) -> this.describer.target(t, indicator.unit(),
								org.springframework.context.i18n.LocaleContextHolder.getLocale()))
						.toList()));
		}
		model.addAttribute("rows", rows);
		return DRAFT;
	}

	private String showIndicator(LoadedPlan draft, String original, IndicatorForm form,
			Map<String, List<String>> errors, Preview preview, Model model) {
		model.addAttribute("plan", draft);
		model.addAttribute("original", original);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("preview", preview);
		return INDICATOR;
	}

	/**
	 * The indicator's value and status for each school year, when every metric it reads
	 * is in the catalog (a metric the draft brings has no figures yet).
	 */
	private Preview preview(PlanDefinition plan, IndicatorDefinition indicator) {
		var known = this.versions.knownMetrics("");
		boolean allKnown = Plans
			.metricsOf(new PlanDefinition(plan.code(), null, "", "", "", null, plan.baselineYear(), plan.targetYear(),
					List.of(indicator)))
			.stream()
			.allMatch((m) -> known.apply(m).isPresent());
		if (!allKnown) {
			return new Preview(indicator, null);
		}
		return new Preview(indicator, this.progress.preview(plan, indicator, false));
	}

	private Map<String, List<String>> errors(PlanText.Reading reading, int indicator, Locale locale) {
		var errors = new LinkedHashMap<String, List<String>>();
		for (var problem : reading.problems()) {
			var field = (problem.indicator() == indicator || problem.indicator() < 0 && indicator < 0) ? problem.field()
					: PlanText.WHOLE;
			if ("alternative".equals(field)) {
				// The flaw's other computation is carried unchanged, beside the flaw.
				field = "flawVi";
			}
			errors.computeIfAbsent(field, (f) -> new ArrayList<>()).add(describe(problem.problem(), locale));
		}
		return errors;
	}

	private String describe(DefinitionProblem problem, Locale locale) {
		var args = problem.args().stream().map((a) -> resolve(a, locale)).toArray();
		return this.messages.getMessage(problem.key(), args, locale);
	}

	private Object resolve(Object arg, Locale locale) {
		if (arg instanceof MessageRef ref) {
			return this.messages.getMessage(ref.key(),
					Arrays.stream(ref.args()).map((a) -> resolve(a, locale)).toArray(), locale);
		}
		return arg;
	}

	private LoadedPlan draftOf(String code) {
		return this.versions.draft(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	@ExceptionHandler(PlanDraftException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String refused(PlanDraftException ex, Model model, Locale locale) {
		model.addAttribute("message", this.messages.getMessage(ex.key(), ex.args(), locale));
		return "planeditor/refused";
	}

	/**
	 * An indicator in the draft's list.
	 *
	 * @param indicator the indicator
	 * @param targets its targets as short formulas
	 */
	record Row(IndicatorDefinition indicator, List<String> targets) {
	}

	/**
	 * What an indicator would show.
	 *
	 * @param indicator the indicator as read
	 * @param progress its values and statuses year by year, null when it reads metrics
	 * that have no figures yet
	 */
	record Preview(IndicatorDefinition indicator, IndicatorProgress progress) {
	}

}
