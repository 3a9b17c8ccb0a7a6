package vn.chitieu.orgunit.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.ReorganisationException;
import vn.chitieu.orgunit.ReorganisationPlan;
import vn.chitieu.orgunit.ReorganisationPreview;
import vn.chitieu.orgunit.Reorganisations;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.orgunit.Ward;

/**
 * Reorganising wards from a school year (/admin/units/reorganise), for the Office and the
 * administrator: the Office types the year, the decision, the new wards and where each
 * old ward goes, sees everything that will change (and places the schools of split
 * wards), then confirms. A refused plan is shown again with every reason and changes
 * nothing.
 */
@Controller
class ReorganisationController {

	static final String VIEW = "orgunit/reorganise";

	/** Rows for new wards on the form. */
	static final int NEW_ROWS = 8;

	/** The most new wards read from one form. */
	static final int MAX_NEW = 60;

	private final Reorganisations reorganisations;

	private final OrgUnits units;

	private final SchoolYears years;

	private final MessageSource messages;

	ReorganisationController(Reorganisations reorganisations, OrgUnits units, SchoolYears years,
			MessageSource messages) {
		this.reorganisations = reorganisations;
		this.units = units;
		this.years = years;
		this.messages = messages;
	}

	@GetMapping("/admin/units/reorganise")
	String initForm(Model model) {
		return page(Map.of(), model);
	}

	@PostMapping("/admin/units/reorganise")
	String processForm(@RequestParam MultiValueMap<String, String> params, Principal user, Locale locale, Model model,
			RedirectAttributes redirect) {
		var values = values(params);
		var plan = plan(values);
		boolean confirm = "confirm".equals(values.get("action"));
		try {
			var preview = this.reorganisations.preview(plan);
			var digest = digest(plan, preview);
			if (confirm && digest.equals(values.get("previewed"))) {
				this.reorganisations.apply(plan, user.getName());
				redirect.addFlashAttribute("flash",
						this.messages.getMessage("reorg.done", new Object[] { preview.effective().label(),
								preview.newWards().size(), preview.oldWards().size(), preview.schools().size() },
								locale));
				return "redirect:/wards";
			}
			if (confirm) {
				// Changed since the preview (or no preview seen): show what it will do
				// now.
				model.addAttribute("changedSincePreview", true);
			}
			model.addAttribute("preview", preview);
			model.addAttribute("previewed", digest);
			values.putAll(schoolChoices(preview));
		}
		catch (ReorganisationException ex) {
			var errors = new LinkedHashMap<String, List<String>>();
			var global = new ArrayList<String>();
			for (var p : ex.problems()) {
				var text = this.messages.getMessage(p.key(), p.args().toArray(), locale);
				if (p.field() == null) {
					global.add(text);
				}
				else {
					errors.computeIfAbsent(p.field(), (k) -> new ArrayList<>()).add(text);
				}
			}
			model.addAttribute("errors", errors);
			model.addAttribute("problems", ex.problems().size());
			model.addAttribute("globalErrors", global);
			model.addAttribute("partial", ex.partial());
			if (ex.partial() != null) {
				values.putAll(schoolChoices(ex.partial()));
			}
		}
		return page(values, model);
	}

	private String page(Map<String, String> values, Model model) {
		model.addAttribute("values", values);
		var latest = this.years.states().stream().map((s) -> s.year()).max(SchoolYear::compareTo);
		var choices = new ArrayList<SchoolYear>();
		latest.ifPresent((y) -> {
			choices.add(y);
			choices.add(y.next());
		});
		model.addAttribute("yearChoices", choices);
		List<Ward> wards = this.units.wards().stream().filter((w) -> !w.closed()).toList();
		model.addAttribute("wards", wards);
		int filled = 0;
		for (int i = 0; i < MAX_NEW; i++) {
			if (!values.getOrDefault("newCode" + i, "").isBlank()
					|| !values.getOrDefault("newName" + i, "").isBlank()) {
				filled = i + 1;
			}
		}
		model.addAttribute("newRows", Math.max(NEW_ROWS, filled + 2));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return VIEW;
	}

	/** The form's values by name, the first of each (blank ones kept, to show back). */
	private static Map<String, String> values(MultiValueMap<String, String> params) {
		var values = new HashMap<String, String>();
		params.forEach((name, list) -> {
			if (name.length() <= 60 && list != null && !list.isEmpty() && list.get(0) != null) {
				values.put(name, list.get(0));
			}
		});
		return values;
	}

	static ReorganisationPlan plan(Map<String, String> values) {
		Integer year = null;
		try {
			year = Integer.valueOf(values.getOrDefault("effectiveYear", "").strip());
		}
		catch (NumberFormatException ex) {
			// Left null: refused with the reason.
		}
		var newWards = new ArrayList<ReorganisationPlan.NewWard>();
		for (int i = 0; i < MAX_NEW; i++) {
			newWards.add(new ReorganisationPlan.NewWard(values.getOrDefault("newCode" + i, ""),
					values.getOrDefault("newName" + i, "")));
		}
		var successors = new TreeMap<Long, List<String>>();
		var schools = new TreeMap<Long, String>();
		values.forEach((name, value) -> {
			if (name.startsWith("successor.")) {
				id(name.substring(10)).ifPresent((id) -> successors.put(id,
						List.of(value.strip().split("[,;\\s]+")).stream().filter((c) -> !c.isBlank()).toList()));
			}
			else if (name.startsWith("school.")) {
				id(name.substring(7)).ifPresent((id) -> schools.put(id, value));
			}
		});
		return new ReorganisationPlan(year, values.get("reference"), values.get("note"), newWards, successors, schools);
	}

	private static java.util.Optional<Long> id(String text) {
		try {
			return java.util.Optional.of(Long.valueOf(text));
		}
		catch (NumberFormatException ex) {
			return java.util.Optional.empty();
		}
	}

	/** The ward each school of an old ward goes to, as the form shows it. */
	private static Map<String, String> schoolChoices(ReorganisationPreview preview) {
		var values = new HashMap<String, String>();
		for (var move : preview.schools()) {
			values.put("school." + move.school().id(), (move.toCode() != null) ? move.toCode() : "");
		}
		return values;
	}

	/**
	 * A fingerprint of what the preview showed, so that a confirmation applies exactly
	 * what was seen.
	 */
	static String digest(ReorganisationPlan plan, ReorganisationPreview preview) {
		var text = preview.effective() + "|" + preview.reference() + "|" + preview.note() + "|" + preview.newWards()
				+ "|" + preview.oldWards().stream().map((o) -> o.ward().id() + ">" + o.into()).toList() + "|"
				+ preview.schools().stream().map((m) -> m.school().id() + ">" + m.toCode()).toList();
		try {
			var sha = java.security.MessageDigest.getInstance("SHA-256");
			return java.util.HexFormat.of()
				.formatHex(sha.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
