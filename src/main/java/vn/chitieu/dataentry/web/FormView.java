package vn.chitieu.dataentry.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
import vn.chitieu.dataentry.NumberInput;
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
 */
record FormView(FigureForm form, List<SectionView> sections, List<String> messages, int filled, boolean errors) {

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
		for (var violation : violations) {
			var text = texts.describe(violation, locale);
			if (violation.keys().isEmpty()) {
				general.add(text);
			}
			for (var key : violation.keys()) {
				byField.computeIfAbsent(key, (k) -> new ArrayList<>()).add(text);
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
				var choice = state.keepMine().get(key);
				var contest = state.contested().contains(key) ? new Contest(mineShown(text, metric, messages, locale),
						shownOrNone(stored, metric, messages, locale),
						(choice == null) ? null : (choice ? "mine" : "theirs")) : null;
				fields.add(new FieldView(key.fieldName(), key.fieldName().replace('.', '-'), metric,
						metric.name(locale), metric.help(locale), metric.unit(locale), kind(metric), text,
						shown(stored, metric, messages, locale), "n" + key.fieldName().substring(1), note,
						shown(last, metric, messages, locale), byField.getOrDefault(key, List.of()),
						change(stored, last), options(metric, messages, locale), original, originalNote, contest));
			}
			var title = messages.getMessage("section." + section.section(), null, locale);
			if (multiLevel && section.level() != null) {
				title = messages.getMessage("level.name." + section.level().name(), null, locale) + " — " + title;
			}
			sections.add(new SectionView(title, fields));
		}
		if (errors && !byField.isEmpty()) {
			general.add(0, messages.getMessage("form.errorSummary", new Object[] { byField.size() }, locale));
		}
		return new FormView(form, sections, general, filled, errors);
	}

	/**
	 * The text of a stored value in its field: no grouping, the reader's decimal mark.
	 */
	static String input(BigDecimal value, Locale locale) {
		if (value == null) {
			return "";
		}
		var plain = value.stripTrailingZeros().toPlainString();
		return "vi".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
	}

	/** A value as read-only text: "Có", "Mức 2", "1.234 m²"; empty when there is none. */
	private static String shown(BigDecimal value, Metric metric, MessageSource messages, Locale locale) {
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

	/** The relative change from last year, when both exist and differ; 0 when equal. */
	private static BigDecimal change(BigDecimal value, BigDecimal last) {
		if (value == null || last == null) {
			return null;
		}
		if (last.signum() == 0) {
			return (value.signum() == 0) ? BigDecimal.ZERO : null;
		}
		return value.subtract(last)
			.multiply(BigDecimal.valueOf(100))
			.divide(last.abs(), MathContext.DECIMAL64)
			.setScale(1, RoundingMode.HALF_UP);
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
	 * @param change the change from last year in percent, null when not comparable
	 * @param options the choices of a yes/no or level field
	 * @param original the value the field was loaded with, sent back with the form
	 * @param originalNote the note it was loaded with
	 * @param contest when this user and another both changed it, the two values to choose
	 * from; else null
	 */
	record FieldView(String name, String id, Metric metric, String label, String help, String unit, String kind,
			String value, String shown, String noteName, String note, String lastYear, List<String> messages,
			BigDecimal change, List<Option> options, String original, String originalNote, Contest contest) {

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
		 * @return whether the value moved by a fifth or more since last year
		 */
		public boolean bigChange() {
			return this.change != null && this.change.abs().compareTo(BigDecimal.valueOf(20)) >= 0;
		}

		public boolean changed() {
			return this.change != null && this.change.signum() != 0;
		}

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
	 * A choice of a select.
	 *
	 * @param value its value
	 * @param label its label
	 */
	record Option(String value, String label) {
	}

}
