package vn.chitieu.dataentry.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;

import vn.chitieu.dataentry.FigureForm;
import vn.chitieu.dataentry.FigureKey;
import vn.chitieu.dataentry.FigureViolation;
import vn.chitieu.dataentry.FigureWarning;
import vn.chitieu.dataentry.Plausibility;
import vn.chitieu.dataentry.NumberInput;
import vn.chitieu.dataentry.YearChange;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.ValueType;
import vn.chitieu.platform.Formats;

/**
 * What the form template shows: every field with the text in it, last year's value, and
 * the messages about it, in the reader's language.
 *
 * @param form the form
 * @param sections the sections to show
 * @param messages problems not tied to one field, and the summary of field problems
 * @param filled how many fields hold a value
 * @param errors whether the messages are errors (a refused save) rather than warnings
 * @param msgNumber what the browser says of a value that is not a number
 * @param msgInteger what the browser says of a count with decimals
 */
record FormView(FigureForm form, List<SectionView> sections, List<String> messages, List<Problem> values,
		List<Problem> blanks, List<Problem> rules, List<Problem> unexplained, int filled, boolean errors,
		String msgNumber, String msgInteger) {

	/**
	 * Builds the view of a form.
	 * @param form the form
	 * @param state what to show over the stored figures (typed text, contested fields)
	 * @param violations the problems to show
	 * @param errors whether they are errors (true) or warnings on saved figures (false)
	 * @param texts how problems read
	 * @param messages the message source
	 * @param locale the reader's language
	 * @return the view
	 */
	static FormView of(FigureForm form, FormState state, List<FigureViolation> violations, boolean errors,
			ViolationMessages texts, MessageSource messages, Locale locale) {
		var byField = new HashMap<FigureKey, List<String>>();
		var general = new ArrayList<String>();
		var labels = new HashMap<FigureKey, String>();
		form.sections()
			.forEach((section) -> section.metrics()
				.forEach((metric) -> labels.put(section.key(metric), metric.name(locale))));
		var valueProblems = new ArrayList<Problem>();
		var blanks = new ArrayList<Problem>();
		var rules = new ArrayList<Problem>();
		var unexplained = new ArrayList<Problem>();
		for (var violation : violations) {
			var text = texts.describe(violation, locale);
			if (violation.keys().isEmpty()) {
				general.add(text);
			}
			for (var key : violation.keys()) {
				byField.computeIfAbsent(key, (k) -> new ArrayList<>()).add(text);
			}
			if (violation.keys().isEmpty()) {
				continue;
			}
			var first = violation.keys().get(0);
			var target = first.fieldName().replace('.', '-');
			var label = labels.getOrDefault(first, first.label());
			if (violation.rule() != null) {
				rules.add(new Problem(text, target));
			}
			else if (violation.key().equals("figure.error.required")) {
				blanks.add(new Problem(label, target));
			}
			else if (violation.key().equals("figure.error.unexplained")) {
				unexplained.add(new Problem(label, target + "-explanation"));
			}
			else {
				valueProblems.add(new Problem(label + ": " + text, target));
			}
		}
		boolean multiLevel = form.sections().stream().map((s) -> s.level()).distinct().count() > 1;
		var sections = new ArrayList<SectionView>();
		int filled = 0;
		for (var section : form.sections()) {
			var fields = new ArrayList<FieldView>();
			for (var metric : section.metrics()) {
				var key = section.key(metric);
				var stored = form.values().get(key);
				var text = (state.typed() != null && state.typed().containsKey(key))
						? Objects.requireNonNullElse(state.typed().get(key), "") : input(stored, locale);
				var note = (state.typedNotes() != null && state.typedNotes().containsKey(key))
						? state.typedNotes().get(key) : form.notes().get(key);
				var original = (state.originals() != null) ? Objects.requireNonNullElse(state.originals().get(key), "")
						: input(stored, locale);
				var originalNote = (state.originalNotes() != null)
						? Objects.requireNonNullElse(state.originalNotes().get(key), "")
						: Objects.requireNonNullElse(form.notes().get(key), "");
				var last = form.lastYear().get(key);
				if (!text.isBlank()) {
					filled++;
				}
				var change = YearChange.of(stored, last, metric.type());
				var warnings = form.warnings(key)
					.stream()
					.map((w) -> warning(w, metric, last, messages, locale))
					.toList();
				var explanation = (state.explanations() != null && state.explanations().containsKey(key))
						? state.explanations().get(key)
						: form.warnings(key)
							.stream()
							.map((w) -> w.explanation())
							.filter(Objects::nonNull)
							.findFirst()
							.orElse("");
				var choice = state.keepMine().get(key);
				var contest = state.contested().contains(key) ? new Contest(mineShown(text, metric, messages, locale),
						shownOrNone(stored, metric, messages, locale),
						(choice == null) ? null : (choice ? "mine" : "theirs")) : null;
				var id = key.fieldName().replace('.', '-');
				var help = metric.help(locale);
				var fieldMessages = byField.getOrDefault(key, List.of());
				fields.add(new FieldView(key.fieldName(), id, metric, metric.name(locale), help, metric.unit(locale),
						kind(metric), text, shown(stored, metric, messages, locale), "n" + key.fieldName().substring(1),
						note, shown(last, metric, messages, locale), fieldMessages, change,
						(change != null) ? change.text(messages, locale) : "", options(metric, messages, locale),
						original, originalNote, contest, warnings, explanation,
						shape(metric, id, help, fieldMessages, errors, messages, locale)));
			}
			var title = messages.getMessage("section." + section.section(), null, locale);
			if (multiLevel && section.level() != null) {
				title = messages.getMessage("level.name." + section.level().name(), null, locale) + " — " + title;
			}
			sections.add(new SectionView(title, fields));
		}
		return new FormView(form, sections, general, valueProblems, blanks, rules, unexplained, filled, errors,
				messages.getMessage("figure.error.notNumber", null, locale),
				messages.getMessage("figure.error.integer", null, locale));
	}

	/**
	 * What the template writes on a field's input, worked out here once rather than by
	 * expressions in the template for each of the form's fields: on the deadline day
	 * rendering the form was a quarter of a save's cost.
	 */
	private static Shape shape(Metric metric, String id, String help, List<String> fieldMessages, boolean errors,
			MessageSource messages, Locale locale) {
		boolean numeric = metric.type() != ValueType.YES_NO && metric.type() != ValueType.LEVEL;
		boolean invalid = !fieldMessages.isEmpty();
		return new Shape(numeric, (metric.type() == ValueType.COUNT) ? "numeric" : "decimal",
				(metric.min() != null) ? metric.min().toString() : null,
				(metric.max() != null) ? metric.max().toString() : null,
				messages.getMessage("figure.error.min", new Object[] { metric.min() }, locale),
				(metric.max() != null) ? messages.getMessage("figure.error.max", new Object[] { metric.max() }, locale)
						: "",
				id + "-msg" + ((help != null) ? " " + id + "-help" : ""), invalid ? "has-problem" : null,
				invalid ? (errors ? "is-invalid" : "is-warning") : null, invalid);
	}

	/**
	 * @return the figures that look implausible, one row for each reason, with the unit's
	 * explanation: what the reviewer looks at first
	 */
	public List<Flagged> plausibility() {
		var rows = new ArrayList<Flagged>();
		for (var section : this.sections) {
			for (var field : section.fields()) {
				for (var warning : field.warnings()) {
					rows.add(new Flagged(field.label(), field.id(), warning,
							Objects.requireNonNullElse(field.explanation(), "")));
				}
			}
		}
		return rows;
	}

	/**
	 * A figure that looks implausible, as the review lists it.
	 *
	 * @param label its name
	 * @param target the id of its field
	 * @param warning why it looks implausible
	 * @param explanation what the unit said, empty when nothing
	 */
	record Flagged(String label, String target, String warning, String explanation) {
	}

	/**
	 * @return whether there is anything to say above the form
	 */
	public boolean hasProblems() {
		return !this.messages.isEmpty() || !this.values.isEmpty() || !this.blanks.isEmpty() || !this.rules.isEmpty()
				|| !this.unexplained.isEmpty();
	}

	/**
	 * The text of a stored value in its field, as the reader writes it and as it is read
	 * back: in Vietnamese grouped by thousands ("14.773", "1.234,5"); in English not
	 * grouped ("1234.5"), a comma there being taken for a decimal mark.
	 */
	static String input(BigDecimal value, Locale locale) {
		if (value == null) {
			return "";
		}
		var stripped = value.stripTrailingZeros();
		if ("vi".equals(locale.getLanguage())) {
			return Formats.number(stripped, Math.max(0, stripped.scale()), locale);
		}
		return stripped.toPlainString();
	}

	/** A value as read-only text: "Có", "Mức 2", "1.234 m²"; empty when there is none. */
	static String shown(BigDecimal value, Metric metric, MessageSource messages, Locale locale) {
		if (value == null) {
			return "";
		}
		return switch (metric.type()) {
			case YES_NO -> messages.getMessage((value.signum() != 0) ? "form.yes" : "form.no", null, locale);
			case LEVEL -> messages.getMessage((value.signum() == 0) ? "form.levelZero" : "form.level",
					new Object[] { value.intValue() }, locale);
			default ->
				Formats.number(value, 4, locale) + ((metric.unit(locale) != null) ? " " + metric.unit(locale) : "");
		};
	}

	/** Why a figure looks implausible, in the reader's language. */
	static String warning(FigureWarning warning, Metric metric, BigDecimal last, MessageSource messages,
			Locale locale) {
		var kind = warning.warning().kind();
		if (kind == Plausibility.Kind.LAST_YEAR) {
			var change = YearChange.of(warning.value(), last, metric.type());
			return messages.getMessage("figure.plausible.LAST_YEAR",
					new Object[] { shown(last, metric, messages, locale),
							shown(warning.value(), metric, messages, locale),
							(change != null) ? change.text(messages, locale) : "" },
					locale);
		}
		return messages.getMessage("figure.plausible.PEERS",
				new Object[] { shown(warning.warning().reference(), metric, messages, locale) }, locale);
	}

	/** What a user typed, as read-only text when it reads as a number, else as typed. */
	private static String mineShown(String text, Metric metric, MessageSource messages, Locale locale) {
		var parsed = NumberInput.parse(text, metric.type());
		if (parsed.error() != null) {
			return text;
		}
		return shownOrNone(parsed.value(), metric, messages, locale);
	}

	private static String shownOrNone(BigDecimal value, Metric metric, MessageSource messages, Locale locale) {
		return (value != null) ? shown(value, metric, messages, locale)
				: messages.getMessage("form.notFilled", null, locale);
	}

	private static String kind(Metric metric) {
		return switch (metric.type()) {
			case YES_NO -> "yesno";
			case LEVEL -> "level";
			case COUNT -> "integer";
			default -> "decimal";
		};
	}

	private static List<Option> options(Metric metric, MessageSource messages, Locale locale) {
		var options = new ArrayList<Option>();
		if (metric.type() == ValueType.YES_NO) {
			options.add(new Option("1", messages.getMessage("form.yes", null, locale)));
			options.add(new Option("0", messages.getMessage("form.no", null, locale)));
		}
		else if (metric.type() == ValueType.LEVEL) {
			for (int level = metric.min().intValue(); level <= metric.max().intValue(); level++) {
				options.add(new Option(String.valueOf(level), messages
					.getMessage((level == 0) ? "form.levelZero" : "form.level", new Object[] { level }, locale)));
			}
		}
		return options;
	}

	/**
	 * @return who saved the figures last: after a conflict, the other person
	 */
	public String lastSavedBy() {
		return this.form.submission().map((s) -> s.updatedBy()).orElse("");
	}

	public boolean isDistrict() {
		return this.form.unit().kind() == UnitKind.DISTRICT;
	}

	/**
	 * A part of the form.
	 *
	 * @param title its title
	 * @param fields its fields
	 */
	record SectionView(String title, List<FieldView> fields) {
	}

	/**
	 * One field.
	 *
	 * @param name the parameter name
	 * @param id the element id
	 * @param metric the metric
	 * @param label its name
	 * @param help a hint, may be null
	 * @param unit its unit, may be null
	 * @param kind integer, decimal, yesno or level
	 * @param value the text in the field
	 * @param shown the saved value as read-only text
	 * @param noteName the parameter name of its evidence note
	 * @param note the evidence note
	 * @param lastYear last year's value, as shown
	 * @param messages problems with it
	 * @param change the change from last year, null when not comparable
	 * @param changeText the change as read ("+0,7 điểm %", "−99,9 %")
	 * @param options the choices of a yes/no or level field
	 * @param original the value the field was loaded with, sent back with the form
	 * @param originalNote the note it was loaded with
	 * @param contest when this user and another both changed it, the two values to choose
	 * from; else null
	 * @param warnings why its value looks implausible, if it does
	 * @param explanation the unit's explanation of it
	 * @param shape what its input carries
	 */
	record FieldView(String name, String id, Metric metric, String label, String help, String unit, String kind,
			String value, String shown, String noteName, String note, String lastYear, List<String> messages,
			YearChange change, String changeText, List<Option> options, String original, String originalNote,
			Contest contest, List<String> warnings, String explanation, Shape shape) {

		/**
		 * @return the parameter name of its explanation
		 */
		public String explanationName() {
			return "e" + this.name.substring(1);
		}

		/**
		 * @return the parameter name of the value the field was loaded with
		 */
		public String originalName() {
			return "o" + this.name.substring(1);
		}

		/**
		 * @return the parameter name of the note the field was loaded with
		 */
		public String originalNoteName() {
			return "p" + this.name.substring(1);
		}

		/**
		 * @return the parameter name marking the field as contested
		 */
		public String contestName() {
			return "k" + this.name.substring(1);
		}

		/**
		 * @return the parameter name of the choice of a contested field
		 */
		public String choiceName() {
			return "c" + this.name.substring(1);
		}

		/**
		 * @return whether the value moved enough to catch the eye since last year
		 */
		public boolean bigChange() {
			return this.change != null && this.change.big();
		}

		public boolean changed() {
			return this.change != null && this.change.changed();
		}

	}

	/**
	 * What a field's input carries, as the template writes it.
	 *
	 * @param numeric whether it is typed in (a count or a decimal), else chosen
	 * @param inputMode the keyboard a phone shows
	 * @param min the lowest value allowed, as text, null when none
	 * @param max the highest value allowed, as text, null when none
	 * @param msgMin what the browser says of a value below it
	 * @param msgMax what the browser says of a value above it, empty when there is no
	 * highest
	 * @param describedBy the ids of its messages and its hint
	 * @param rowClass the class of its row, null when all is well
	 * @param inputClass the class of its input, null when all is well
	 * @param invalid whether something is said against it
	 */
	record Shape(boolean numeric, String inputMode, String min, String max, String msgMin, String msgMax,
			String describedBy, String rowClass, String inputClass, boolean invalid) {
	}

	/**
	 * A field both this user and another changed, to value each.
	 *
	 * @param mine this user's value, as read-only text
	 * @param theirs the value the other person saved, as read-only text
	 * @param choice {@code mine}, {@code theirs}, or null before choosing
	 */
	record Contest(String mine, String theirs, String choice) {
	}

	/**
	 * A problem listed above the form, leading to its field.
	 *
	 * @param text what is wrong
	 * @param target the id of the field it leads to
	 */
	record Problem(String text, String target) {
	}

	/**
	 * A choice of a select.
	 *
	 * @param value its value
	 * @param label its label
	 */
	record Option(String value, String label) {
	}

}
