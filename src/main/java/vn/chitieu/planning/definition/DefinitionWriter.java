package vn.chitieu.planning.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.Measure;
import vn.chitieu.planning.Target;
import vn.chitieu.planning.TargetShape;

/**
 * Writes the parts of a definition back in the file format (docs/plan-format.md), in YAML
 * flow style, so that what {@link DefinitionReader} reads can be shown and edited as
 * text: reading what this writes gives the same measure or target again.
 */
public final class DefinitionWriter {

	private DefinitionWriter() {
	}

	/**
	 * A measure as the file writes it, e.g. {@code {kind: share, condition: "has_club"}}.
	 * @param measure the measure
	 * @param level the indicator's level (levels equal to its default are left out)
	 * @return the text
	 */
	public static String measure(Measure measure, IndicatorLevel level) {
		var parts = new ArrayList<String>();
		parts.add("kind: " + word(measure.kind()));
		switch (measure.kind()) {
			case RATIO -> {
				var ratio = (Measure.Ratio) measure;
				parts.add("numerator: " + quote(ratio.numerator()));
				parts.add("denominator: " + quote(ratio.denominator()));
			}
			case AVERAGE -> {
				var average = (Measure.Average) measure;
				parts.add("numerator: " + quote(average.numerator()));
				parts.add("denominator: " + quote(average.denominator()));
			}
			case SUM -> parts.add("value: " + quote(((Measure.Sum) measure).value()));
			case SHARE -> {
				var share = (Measure.Share) measure;
				parts.add("condition: " + quote(share.condition()));
				if (share.among() != null) {
					parts.add("among: " + quote(share.among()));
				}
			}
			case COUNT -> {
				var count = (Measure.Count) measure;
				if (count.condition() != null) {
					parts.add("condition: " + quote(count.condition()));
				}
				if (measure.scope().unit() == UnitKind.WARD) {
					parts.add("over: ward");
				}
			}
			case CHECKLIST -> {
				var checklist = (Measure.Checklist) measure;
				parts.add("condition: " + quote(checklist.condition()));
				parts.add("items: [" + checklist.items().stream().map((item) -> {
					var text = "{school: " + quote(item.school()) + ", name: " + quote(item.name());
					if (item.condition() != null) {
						text += ", condition: " + quote(item.condition());
					}
					return text + "}";
				}).collect(Collectors.joining(", ")) + "]");
			}
			case DISTRICT -> parts.add("value: " + quote(((Measure.District) measure).value()));
		}
		var scope = measure.scope();
		if (scope.unit() == UnitKind.SCHOOL && level == IndicatorLevel.ALL && !scope.levels().isEmpty()) {
			parts.add("levels: ["
					+ scope.levels().stream().sorted().map(EducationLevel::name).collect(Collectors.joining(", "))
					+ "]");
		}
		if (scope.ownership() != null) {
			parts.add("ownership: " + word(scope.ownership()));
		}
		if (scope.newOnly()) {
			parts.add("new_only: true");
		}
		return "{" + String.join(", ", parts) + "}";
	}

	/**
	 * A target as the file writes it, e.g. {@code {at_least: 65, milestones: {…}}}.
	 * @param target the target
	 * @param level the indicator's level
	 * @param planTargetYear the plan's target year (the default year, left out)
	 * @param withMilestones whether to write its milestones
	 * @return the text
	 */
	public static String target(Target target, IndicatorLevel level, SchoolYear planTargetYear,
			boolean withMilestones) {
		var parts = new ArrayList<String>();
		var shape = target.shape();
		var key = shape.name().toLowerCase(Locale.ROOT);
		if (shape == TargetShape.BETWEEN) {
			parts.add(key + ": [" + number(target.value()) + ", " + number(target.high()) + "]");
		}
		else if (shape == TargetShape.ABOVE_BENCHMARK) {
			parts.add(key + ": [" + String.join(", ", target.benchmarks()) + "]");
		}
		else if (shape == TargetShape.CHECKLIST) {
			parts.add(key + ": all");
		}
		else {
			parts.add(key + ": " + number(target.value()));
		}
		if (target.increment()) {
			parts.add("increment: true");
		}
		if (planTargetYear == null || !target.targetYear().equals(planTargetYear)) {
			parts.add("year: " + target.targetYear().label());
		}
		if (withMilestones && !target.milestones().isEmpty()) {
			parts.add("milestones: {" + milestones(target.milestones()) + "}");
		}
		if (target.measure() != null) {
			parts.add("measure: " + measure(target.measure(), level));
		}
		if (target.textVi() != null) {
			parts.add("text_vi: " + quote(target.textVi()));
		}
		if (target.textEn() != null) {
			parts.add("text_en: " + quote(target.textEn()));
		}
		return "{" + String.join(", ", parts) + "}";
	}

	/**
	 * Milestones as the file writes them inside braces, e.g.
	 * {@code 2022-2023: 40, 2023-2024: 45}.
	 * @param milestones the milestones
	 * @return the text
	 */
	public static String milestones(Map<SchoolYear, BigDecimal> milestones) {
		return milestones.entrySet()
			.stream()
			.map((e) -> e.getKey().label() + ": " + number(e.getValue()))
			.collect(Collectors.joining(", "));
	}

	/**
	 * A text as a double-quoted YAML scalar.
	 * @param text the text
	 * @return the scalar
	 */
	public static String quote(String text) {
		if (text == null) {
			return "null";
		}
		var out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '"' -> out.append("\\\"");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(c);
			}
		}
		return out.append('"').toString();
	}

	private static String number(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static String word(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
