package vn.chitieu.planning.definition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricRule;
import vn.chitieu.planning.PlanDefinition;

/**
 * A plan as the text fields a person edits (the browser editor, later the workbook): the
 * header and each indicator, the measure and target written as in the definition file.
 * The fields are put together into a definition file and read by the very same
 * {@link DefinitionReader} that reads the files, each problem it finds traced back to the
 * field it came from.
 */
public final class PlanText {

	/** The field of a problem that belongs to the indicator as a whole. */
	public static final String WHOLE = "whole";

	private PlanText() {
	}

	/**
	 * A plan's header as text.
	 *
	 * @param code its code
	 * @param documentNumber the document's number, may be blank
	 * @param titleVi its title
	 * @param titleEn its title in English
	 * @param issuer who issued it
	 * @param issued when (year-month-day), may be blank
	 * @param baselineYear e.g. 2025-2026
	 * @param targetYear e.g. 2029-2030
	 */
	public record Header(String code, String documentNumber, String titleVi, String titleEn, String issuer,
			String issued, String baselineYear, String targetYear) {

		public static Header of(PlanDefinition plan) {
			return new Header(plan.code(), plan.documentNumber(), plan.titleVi(), plan.titleEn(), plan.issuer(),
					(plan.issued() != null) ? plan.issued().toString() : null, plan.baselineYear().label(),
					plan.targetYear().label());
		}

	}

	/**
	 * An indicator as text.
	 *
	 * @param code its code
	 * @param level MN, TH, THCS or all
	 * @param clause the plan's section
	 * @param quote the plan's own words
	 * @param nameVi its name
	 * @param nameEn its name in English
	 * @param unit percent, schools…
	 * @param measure the measure as in the file
	 * @param target the target as in the file (without milestones), or a list of targets
	 * @param milestones the single target's milestones, e.g. {@code 2026-2027: 40}
	 * @param flawVi the plan's flaw, may be blank
	 * @param flawEn the same in English
	 * @param readingVi the reading used
	 * @param readingEn the same in English
	 * @param alternative the flaw's other computation as in the file (kept as it was)
	 */
	public record IndicatorFields(String code, String level, String clause, String quote, String nameVi, String nameEn,
			String unit, String measure, String target, String milestones, String flawVi, String flawEn,
			String readingVi, String readingEn, String alternative) {

		public static IndicatorFields of(IndicatorDefinition indicator, PlanDefinition plan) {
			var level = indicator.level();
			String target;
			String milestones = null;
			if (indicator.targets().size() == 1) {
				var only = indicator.targets().get(0);
				target = DefinitionWriter.target(only, level, plan.targetYear(), false);
				milestones = only.milestones().isEmpty() ? null : DefinitionWriter.milestones(only.milestones());
			}
			else {
				var lines = new ArrayList<String>();
				for (var t : indicator.targets()) {
					lines.add("- " + DefinitionWriter.target(t, level, plan.targetYear(), true));
				}
				target = String.join("\n", lines);
			}
			var flaw = indicator.flaw();
			String alternative = null;
			if (flaw != null && flaw.alternative() != null) {
				alternative = "alternative: " + DefinitionWriter.measure(flaw.alternative(), level) + "\n"
						+ "alternative_vi: " + DefinitionWriter.quote(flaw.alternativeVi()) + "\n" + "alternative_en: "
						+ DefinitionWriter.quote(flaw.alternativeEn());
			}
			return new IndicatorFields(indicator.code(), level.name(), indicator.clause(), indicator.quote(),
					indicator.nameVi(), indicator.nameEn(), indicator.unit().name().toLowerCase(Locale.ROOT),
					DefinitionWriter.measure(indicator.measure(), level), target, milestones,
					(flaw != null) ? flaw.vi() : null, (flaw != null) ? flaw.en() : null,
					(flaw != null) ? flaw.readingVi() : null, (flaw != null) ? flaw.readingEn() : null, alternative);
		}

		boolean hasFlaw() {
			return !blank(this.flawVi) || !blank(this.flawEn) || !blank(this.readingVi) || !blank(this.readingEn);
		}

	}

	/**
	 * A problem traced to a field.
	 *
	 * @param indicator the indicator's place in the list, -1 for the header
	 * @param field the field's name (a component of {@link Header} or
	 * {@link IndicatorFields}, or {@link #WHOLE})
	 * @param problem what the reader said
	 */
	public record FieldProblem(int indicator, String field, DefinitionProblem problem, Part part) {

		/**
		 * A problem of the header (indicator -1) or of an indicator.
		 * @param indicator the indicator's place, -1 for the header
		 * @param field the field
		 * @param problem what the reader said
		 */
		public FieldProblem(int indicator, String field, DefinitionProblem problem) {
			this(indicator, field, problem, (indicator < 0) ? Part.HEADER : Part.INDICATOR);
		}

	}

	/** The part of a plan a field belongs to. */
	public enum Part {

		/** The plan's header; the index is -1. */
		HEADER,
		/** An indicator, by its place in the list. */
		INDICATOR,
		/** A metric the plan defines, by its place in the list. */
		METRIC,
		/** A cross-field rule the plan defines, by its place in the list. */
		RULE

	}

	/**
	 * A metric a plan defines, as text (docs/plan-format.md, "Metrics").
	 *
	 * @param code its code
	 * @param nameVi its name
	 * @param nameEn its name in English
	 * @param reportedBy school, ward or district
	 * @param levels the levels of the schools that report it, e.g. {@code MN, TH}
	 * @param type count, decimal, percent, yes_no or level
	 * @param section where it goes in the form
	 * @param min the smallest value, may be blank
	 * @param max the largest value, may be blank
	 * @param unitVi its unit, may be blank
	 * @param unitEn the same in English
	 * @param helpVi a hint, may be blank
	 * @param helpEn the same in English
	 */
	public record MetricFields(String code, String nameVi, String nameEn, String reportedBy, String levels, String type,
			String section, String min, String max, String unitVi, String unitEn, String helpVi, String helpEn) {

		public static MetricFields of(Metric metric) {
			boolean yesNo = metric.type() == vn.chitieu.planning.ValueType.YES_NO;
			return new MetricFields(metric.code(), metric.nameVi(), metric.nameEn(),
					metric.reportedBy().name().toLowerCase(Locale.ROOT),
					metric.levels().stream().sorted().map(Enum::name).collect(Collectors.joining(", ")),
					metric.type().name().toLowerCase(Locale.ROOT), metric.section(),
					(yesNo || metric.min() == null) ? null : metric.min().toPlainString(),
					(yesNo || metric.max() == null) ? null : metric.max().toPlainString(), metric.unitVi(),
					metric.unitEn(), metric.helpVi(), metric.helpEn());
		}

	}

	/**
	 * A cross-field rule a plan defines, as text.
	 *
	 * @param code its code
	 * @param check its condition
	 * @param messageVi its message, may be blank
	 * @param messageEn the same in English
	 */
	public record RuleFields(String code, String check, String messageVi, String messageEn) {

		public static RuleFields of(MetricRule rule) {
			return new RuleFields(rule.code(), rule.expression(), rule.messageVi(), rule.messageEn());
		}

	}

	/**
	 * A whole definition file put together from fields, each of its lines knowing the
	 * field it came from.
	 */
	public static final class Composed {

		private final Text text;

		private final byte[] bytes;

		private Composed(Text text) {
			this.text = text;
			this.bytes = String.join("\n", text.lines).concat("\n").getBytes(StandardCharsets.UTF_8);
		}

		/**
		 * @return the definition file, in the format of docs/plan-format.md
		 */
		public byte[] bytes() {
			return this.bytes.clone();
		}

		/**
		 * @return problems found while putting the file together (before reading it)
		 */
		public List<FieldProblem> problems() {
			return List.copyOf(this.text.extra);
		}

		/**
		 * @param problem a problem the reader found in {@link #bytes()}
		 * @return the field it came from ({@link #WHOLE} of the header when it concerns
		 * the whole file)
		 */
		public FieldProblem trace(DefinitionProblem problem) {
			return this.text.trace(problem);
		}

	}

	/**
	 * Puts a whole plan file together from its fields: the header, the indicators, the
	 * metrics and rules it defines.
	 * @param header the header
	 * @param indicators the indicators
	 * @param metrics the metrics it defines
	 * @param rules the rules it defines
	 * @return the file and the field of each line
	 */
	public static Composed compose(Header header, List<IndicatorFields> indicators, List<MetricFields> metrics,
			List<RuleFields> rules) {
		var text = new Text();
		writeHeader(text, header);
		if (!metrics.isEmpty()) {
			text.line(null, -1, "metrics:");
			for (int i = 0; i < metrics.size(); i++) {
				writeMetric(text, i, metrics.get(i));
			}
		}
		if (!rules.isEmpty()) {
			text.line(null, -1, "rules:");
			for (int i = 0; i < rules.size(); i++) {
				var r = rules.get(i);
				text.part(Part.RULE, "code", i, "  - code: " + q(r.code()));
				text.part(Part.RULE, "check", i, "    check: " + q(r.check()));
				if (!blank(r.messageVi())) {
					text.part(Part.RULE, "messageVi", i, "    message_vi: " + q(r.messageVi()));
				}
				if (!blank(r.messageEn())) {
					text.part(Part.RULE, "messageEn", i, "    message_en: " + q(r.messageEn()));
				}
			}
		}
		text.line(null, -1, "indicators:");
		if (indicators.isEmpty()) {
			text.line(null, -1, "  []");
		}
		for (int i = 0; i < indicators.size(); i++) {
			writeIndicator(text, i, indicators.get(i));
		}
		return new Composed(text);
	}

	private static void writeHeader(Text text, Header header) {
		text.line(null, -1, "format: " + DefinitionReader.FORMAT);
		text.line(null, -1, "plan:");
		text.line("code", -1, "  code: " + q(header.code()));
		if (!blank(header.documentNumber())) {
			text.line("documentNumber", -1, "  document_number: " + q(header.documentNumber()));
		}
		text.line("titleVi", -1, "  title_vi: " + q(header.titleVi()));
		text.line("titleEn", -1, "  title_en: " + q(header.titleEn()));
		text.line("issuer", -1, "  issuer: " + q(header.issuer()));
		if (!blank(header.issued())) {
			text.line("issued", -1, "  issued: " + q(header.issued()));
		}
		text.line("baselineYear", -1, "  baseline_year: " + q(header.baselineYear()));
		text.line("targetYear", -1, "  target_year: " + q(header.targetYear()));
	}

	private static void writeMetric(Text text, int i, MetricFields m) {
		text.part(Part.METRIC, "code", i, "  - code: " + q(m.code()));
		text.part(Part.METRIC, "nameVi", i, "    name_vi: " + q(m.nameVi()));
		text.part(Part.METRIC, "nameEn", i, "    name_en: " + q(m.nameEn()));
		text.part(Part.METRIC, "reportedBy", i, "    reported_by: " + q(m.reportedBy()));
		if (!blank(m.levels())) {
			var levels = java.util.Arrays.stream(m.levels().strip().split("[,;\\s]+"))
				.filter((l) -> !l.isBlank())
				.map(PlanText::q)
				.collect(Collectors.joining(", ", "[", "]"));
			text.part(Part.METRIC, "levels", i, "    levels: " + levels);
		}
		text.part(Part.METRIC, "type", i, "    type: " + q(m.type()));
		text.part(Part.METRIC, "section", i, "    section: " + q(m.section()));
		optional(text, Part.METRIC, i, "min", "min", m.min());
		optional(text, Part.METRIC, i, "max", "max", m.max());
		optional(text, Part.METRIC, i, "unitVi", "unit_vi", m.unitVi());
		optional(text, Part.METRIC, i, "unitEn", "unit_en", m.unitEn());
		optional(text, Part.METRIC, i, "helpVi", "help_vi", m.helpVi());
		optional(text, Part.METRIC, i, "helpEn", "help_en", m.helpEn());
	}

	private static void optional(Text text, Part part, int i, String field, String key, String value) {
		if (!blank(value)) {
			text.part(part, field, i, "    " + key + ": " + q(value));
		}
	}

	/**
	 * What reading the fields gave.
	 *
	 * @param plan the plan, null when there are problems
	 * @param problems every problem, by field
	 */
	public record Reading(PlanDefinition plan, List<FieldProblem> problems) {

		public boolean ok() {
			return this.problems.isEmpty();
		}

		public List<FieldProblem> of(int indicator, String field) {
			return this.problems.stream().filter((p) -> p.indicator() == indicator && p.field().equals(field)).toList();
		}

	}

	/**
	 * Reads a plan from its fields with the definition file's reader.
	 * @param header the header
	 * @param indicators the indicators
	 * @param knownMetrics the metrics that may be used, by code
	 * @param allowNoIndicator whether a plan without indicators is fine (a new draft)
	 * @return the plan, or the problems by field
	 */
	public static Reading read(Header header, List<IndicatorFields> indicators,
			Function<String, Optional<Metric>> knownMetrics, boolean allowNoIndicator) {
		var text = new Text();
		writeHeader(text, header);
		text.line(null, -1, "indicators:");
		boolean none = indicators.isEmpty();
		if (none) {
			// A draft may have no indicator yet: one placeholder keeps the reader going.
			text.line(null, -2, "  - {code: X, level: all, clause: x, quote: x, name_vi: x, name_en: x, unit: cases,"
					+ " measure: {kind: district, value: \"0\"}, target: {at_least: 0}}");
		}
		for (int i = 0; i < indicators.size(); i++) {
			writeIndicator(text, i, indicators.get(i));
		}
		var bytes = String.join("\n", text.lines).concat("\n").getBytes(StandardCharsets.UTF_8);
		try {
			var file = new DefinitionReader(knownMetrics).read(header.code() + ".yaml", bytes);
			if (!text.extra.isEmpty()) {
				return new Reading(null, List.copyOf(text.extra));
			}
			var plan = file.plan();
			if (none) {
				if (!allowNoIndicator) {
					return new Reading(null, List.of(new FieldProblem(-1, WHOLE,
							new DefinitionProblem(header.code(), 0, "definition.error.noIndicators", List.of()))));
				}
				plan = new PlanDefinition(plan.code(), plan.documentNumber(), plan.titleVi(), plan.titleEn(),
						plan.issuer(), plan.issued(), plan.baselineYear(), plan.targetYear(), List.of());
			}
			return new Reading(plan, List.of());
		}
		catch (DefinitionException ex) {
			var problems = new ArrayList<FieldProblem>(text.extra);
			for (var problem : ex.problems()) {
				problems.add(text.trace(problem));
			}
			return new Reading(null, problems);
		}
	}

	private static void writeIndicator(Text text, int i, IndicatorFields f) {
		text.line("code", i, "  - code: " + q(f.code()));
		text.line("level", i, "    level: " + q(f.level()));
		text.line("clause", i, "    clause: " + q(f.clause()));
		text.line("quote", i, "    quote: " + q(f.quote()));
		text.line("nameVi", i, "    name_vi: " + q(f.nameVi()));
		text.line("nameEn", i, "    name_en: " + q(f.nameEn()));
		text.line("unit", i, "    unit: " + q(f.unit()));
		text.block("measure", i, "    measure:", f.measure());
		var target = (f.target() != null) ? f.target().strip() : "";
		boolean list = target.startsWith("-") || target.startsWith("[");
		if (list) {
			text.block("target", i, "    targets:", target);
			if (!blank(f.milestones())) {
				text.problem(i, "milestones", "definition.error.milestonesOneTarget");
			}
		}
		else {
			String withMilestones = target;
			if (!blank(f.milestones())) {
				var ms = "milestones: {" + f.milestones().strip().replace("\n", ", ") + "}";
				if (target.startsWith("{") && target.endsWith("}")) {
					var inner = target.substring(1, target.length() - 1).strip();
					withMilestones = "{" + (inner.isEmpty() ? "" : inner + ", ") + ms + "}";
				}
				else {
					withMilestones = target + "\n" + ms;
				}
			}
			text.block("target", i, "    target:", withMilestones);
		}
		if (f.hasFlaw()) {
			text.line("flawVi", i, "    flaw:");
			text.line("flawVi", i, "      vi: " + q(f.flawVi()));
			text.line("flawEn", i, "      en: " + q(f.flawEn()));
			text.line("readingVi", i, "      reading_vi: " + q(f.readingVi()));
			text.line("readingEn", i, "      reading_en: " + q(f.readingEn()));
			if (!blank(f.alternative())) {
				for (var line : f.alternative().split("\n")) {
					text.line("alternative", i, "      " + line);
				}
			}
		}
	}

	private static String q(String text) {
		return blank(text) ? "null" : DefinitionWriter.quote(text.strip());
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** The file being put together, with the field of each line. */
	private static final class Text {

		final List<String> lines = new ArrayList<>();

		final List<String> fields = new ArrayList<>();

		final List<Integer> indicators = new ArrayList<>();

		final List<Part> parts = new ArrayList<>();

		final List<FieldProblem> extra = new ArrayList<>();

		void line(String field, int indicator, String line) {
			part((indicator < 0) ? Part.HEADER : Part.INDICATOR, field, indicator, line);
		}

		void part(Part part, String field, int index, String line) {
			this.lines.add(line);
			this.fields.add(field);
			this.indicators.add(index);
			this.parts.add(part);
		}

		void block(String field, int indicator, String key, String value) {
			if (blank(value)) {
				line(field, indicator, key);
				return;
			}
			line(field, indicator, key);
			for (var part : value.replace("\t", "  ").replace("\r", "").split("\n")) {
				line(field, indicator, "      " + part);
			}
		}

		void problem(int indicator, String field, String key) {
			this.extra.add(new FieldProblem(indicator, field, new DefinitionProblem("", 0, key, List.of())));
		}

		FieldProblem trace(DefinitionProblem problem) {
			int index = problem.line() - 1;
			if (index < 0 || index >= this.lines.size()) {
				return new FieldProblem(-1, WHOLE, problem);
			}
			int indicator = this.indicators.get(index);
			var field = this.fields.get(index);
			var part = this.parts.get(index);
			if ("code".equals(field) && indicator >= 0 && problem.key().equals("definition.error.missingKey")
					&& !problem.args().isEmpty()) {
				// A key missing from the indicator (or metric) is reported on its first
				// line.
				field = fieldOf(String.valueOf(problem.args().get(0)));
			}
			else if ("code".equals(field) && indicator >= 0
					&& problem.key().equals("definition.error.targetOrTargets")) {
				field = "target";
			}
			return new FieldProblem(indicator, (field != null) ? field : WHOLE, problem, part);
		}

		private static String fieldOf(String key) {
			return switch (key) {
				case "name_vi" -> "nameVi";
				case "name_en" -> "nameEn";
				case "target", "targets" -> "target";
				case "vi", "reading_vi" -> "flawVi";
				case "en", "reading_en" -> "flawEn";
				case "reported_by" -> "reportedBy";
				default -> key;
			};
		}

	}

}
