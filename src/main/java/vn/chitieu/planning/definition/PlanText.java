package vn.chitieu.planning.definition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.Metric;
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
	public record FieldProblem(int indicator, String field, DefinitionProblem problem) {
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
					text.line("flawVi", i, "      " + line);
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

		final List<FieldProblem> extra = new ArrayList<>();

		void line(String field, int indicator, String line) {
			this.lines.add(line);
			this.fields.add(field);
			this.indicators.add(indicator);
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
			if ("code".equals(field) && indicator >= 0 && problem.key().equals("definition.error.missingKey")
					&& !problem.args().isEmpty()) {
				// A key missing from the indicator is reported on its first line.
				field = fieldOf(String.valueOf(problem.args().get(0)));
			}
			else if ("code".equals(field) && indicator >= 0
					&& problem.key().equals("definition.error.targetOrTargets")) {
				field = "target";
			}
			return new FieldProblem(indicator, (field != null) ? field : WHOLE, problem);
		}

		private static String fieldOf(String key) {
			return switch (key) {
				case "name_vi" -> "nameVi";
				case "name_en" -> "nameEn";
				case "target", "targets" -> "target";
				case "vi", "reading_vi" -> "flawVi";
				case "en", "reading_en" -> "flawEn";
				default -> key;
			};
		}

	}

}
