package vn.chitieu.planning.definition;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.Ownership;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.planning.ChecklistItem;
import vn.chitieu.planning.Direction;
import vn.chitieu.planning.Flaw;
import vn.chitieu.planning.IndicatorDefinition;
import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.planning.IndicatorUnit;
import vn.chitieu.planning.Measure;
import vn.chitieu.planning.MeasureKind;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricRule;
import vn.chitieu.planning.MetricSections;
import vn.chitieu.planning.PlanDefinition;
import vn.chitieu.planning.Scope;
import vn.chitieu.planning.Target;
import vn.chitieu.planning.TargetShape;
import vn.chitieu.planning.ValueType;
import vn.chitieu.planning.expression.Expr;
import vn.chitieu.planning.expression.Expr.Ref;
import vn.chitieu.planning.expression.ExpressionException;
import vn.chitieu.planning.expression.ExpressionParser;

/**
 * Reads one definition file: a catalog of metrics and rules, or a plan with its
 * indicators (and any metrics of its own). Everything is checked; a file with any problem
 * is refused as a whole with every problem found, each naming its line.
 */
public final class DefinitionReader {

	/**
	 * The format this reader understands, the value of the file's {@code format:} key.
	 */
	public static final String FORMAT = "chitieu/1";

	/** Definition files larger than this are refused before parsing. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	private static final String CODE_PATTERN = "[a-z][a-z0-9_]{0,59}";

	/**
	 * A plan's code: at most 40 characters, so that a plan's and an indicator's codes
	 * together name a target in the audit trail (100 characters).
	 */
	private static final String PLAN_CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";

	private static final String INDICATOR_CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";

	private final Function<String, Optional<Metric>> knownMetrics;

	/**
	 * @param knownMetrics the metrics already defined elsewhere (the catalog), by code
	 */
	public DefinitionReader(Function<String, Optional<Metric>> knownMetrics) {
		this.knownMetrics = knownMetrics;
	}

	/**
	 * Reads and checks a definition file.
	 * @param source the file's name, used in messages
	 * @param bytes its content
	 * @return what it defines
	 * @throws DefinitionException listing every problem found
	 */
	public DefinitionFile read(String source, byte[] bytes) {
		var problems = new Problems(source);
		if (bytes.length > MAX_BYTES) {
			problems.add(0, "definition.error.tooLarge", MAX_BYTES / 1024);
			problems.throwIfAny();
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(0, "definition.error.notUtf8");
			problems.throwIfAny();
			throw new IllegalStateException(ex);
		}
		var root = parse(text, problems);
		problems.throwIfAny();
		var file = new FileReader(source, problems).read(new Y(root, problems), checksum(bytes));
		problems.throwIfAny();
		return file;
	}

	private static Node parse(String text, Problems problems) {
		var options = new LoaderOptions();
		options.setMaxAliasesForCollections(20);
		options.setAllowRecursiveKeys(false);
		options.setNestingDepthLimit(40);
		options.setCodePointLimit(MAX_BYTES);
		var yaml = new Yaml(new SafeConstructor(options));
		try {
			var root = yaml.compose(new StringReader(text));
			if (root == null) {
				problems.add(0, "definition.error.empty");
			}
			return root;
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			problems.add(line, "definition.error.syntax", String.valueOf(ex.getProblem()));
		}
		catch (YAMLException ex) {
			problems.add(0, "definition.error.syntax", String.valueOf(ex.getMessage()));
		}
		return null;
	}

	private static String checksum(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The reading of one file; holds the metrics it defines while its indicators are
	 * read.
	 */
	private final class FileReader {

		private final String source;

		private final Problems problems;

		private final Map<String, Metric> ownMetrics = new LinkedHashMap<>();

		private SchoolYear baseline;

		private SchoolYear targetYear;

		FileReader(String source, Problems problems) {
			this.source = source;
			this.problems = problems;
		}

		DefinitionFile read(Y root, String checksum) {
			var entries = root.map(List.of("format", "plan", "metrics", "rules", "indicators")).orElse(Map.of());
			if (!this.problems.isEmpty()) {
				return null;
			}
			var format = entries.get("format");
			if (format == null) {
				root.problem("definition.error.missingKey", "format");
			}
			else {
				format.text()
					.filter((f) -> !f.equals(FORMAT))
					.ifPresent((f) -> format.problem("definition.error.format", f, FORMAT));
			}
			var metrics = new ArrayList<Metric>();
			if (entries.containsKey("metrics")) {
				entries.get("metrics").list().ifPresent((items) -> {
					for (int i = 0; i < items.size(); i++) {
						readMetric(items.get(i), i).ifPresent((m) -> {
							metrics.add(m);
							this.ownMetrics.put(m.code(), m);
						});
					}
				});
			}
			var rules = new ArrayList<MetricRule>();
			if (entries.containsKey("rules")) {
				entries.get("rules").list().ifPresent((items) -> {
					var codes = new HashSet<String>();
					for (int i = 0; i < items.size(); i++) {
						readRule(items.get(i), i, codes).ifPresent(rules::add);
					}
				});
			}
			PlanDefinition plan = null;
			if (entries.containsKey("plan")) {
				plan = readPlan(entries.get("plan"), entries.get("indicators"), root);
			}
			else if (entries.containsKey("indicators")) {
				entries.get("indicators").problem("definition.error.indicatorsWithoutPlan");
			}
			else if (metrics.isEmpty() && rules.isEmpty()) {
				root.problem("definition.error.nothingDefined");
			}
			return new DefinitionFile(this.source, checksum, metrics, rules, plan);
		}

		// ---------------------------------------------------------------- metrics

		private Optional<Metric> readMetric(Y node, int index) {
			var m = node
				.map(List.of("code", "name_vi", "name_en", "reported_by", "type", "unit_vi", "unit_en", "min", "max",
						"levels", "section", "help_vi", "help_en", "plausible_change", "plausible_spread"))
				.orElse(null);
			if (m == null) {
				return Optional.empty();
			}
			int before = this.problems.size();
			var code = required(node, m, "code").flatMap((y) -> code(y, CODE_PATTERN)).orElse(null);
			if (code != null) {
				if (this.ownMetrics.containsKey(code)) {
					m.get("code").problem("definition.error.duplicateMetric", code);
				}
				else {
					DefinitionReader.this.knownMetrics.apply(code)
						.filter((existing) -> !existing.source().equals(this.source))
						.ifPresent((existing) -> m.get("code")
							.problem("definition.error.metricDefinedElsewhere", code, existing.source()));
				}
			}
			var nameVi = required(node, m, "name_vi").flatMap((y) -> y.text(300)).orElse(null);
			var nameEn = required(node, m, "name_en").flatMap((y) -> y.text(300)).orElse(null);
			var reportedBy = required(node, m, "reported_by").flatMap((y) -> y.word(UnitKind.class)).orElse(null);
			var type = required(node, m, "type").flatMap((y) -> y.word(ValueType.class)).orElse(null);
			var unitVi = optionalText(m, "unit_vi", 40);
			var unitEn = optionalText(m, "unit_en", 40);
			var min = optionalNumber(m, "min");
			var max = optionalNumber(m, "max");
			var plausibleChange = optionalNumber(m, "plausible_change");
			var plausibleSpread = optionalNumber(m, "plausible_spread");
			if (plausibleChange != null && plausibleChange.signum() <= 0) {
				m.get("plausible_change").problem("definition.error.plausibleChange", plausibleChange.toPlainString());
			}
			if (plausibleSpread != null && plausibleSpread.compareTo(BigDecimal.ONE) <= 0) {
				m.get("plausible_spread").problem("definition.error.plausibleSpread", plausibleSpread.toPlainString());
			}
			var section = required(node, m, "section").flatMap(Y::text).orElse(null);
			Set<EducationLevel> levels = EnumSet.noneOf(EducationLevel.class);
			if (m.containsKey("levels")) {
				levels = levels(m.get("levels"));
				if (reportedBy != null && reportedBy != UnitKind.SCHOOL) {
					m.get("levels").problem("definition.error.levelsOnlyForSchools");
				}
			}
			else if (reportedBy == UnitKind.SCHOOL) {
				node.problem("definition.error.missingKey", "levels");
			}
			if (section != null && reportedBy != null && !MetricSections.allowed(reportedBy).contains(section)) {
				m.get("section")
					.problem("definition.error.notOneOf", section,
							String.join(", ", MetricSections.allowed(reportedBy)));
			}
			if (type != null) {
				if (type == ValueType.LEVEL && max == null) {
					node.problem("definition.error.levelNeedsMax");
				}
				if (type.isInteger()) {
					for (var bound : new BigDecimal[] { min, max }) {
						if (bound != null && bound.stripTrailingZeros().scale() > 0) {
							node.problem("definition.error.integerBounds", bound.toPlainString());
						}
					}
				}
				if (type == ValueType.YES_NO && (min != null || max != null)) {
					node.problem("definition.error.yesNoBounds");
				}
				if (type == ValueType.PERCENT) {
					min = (min != null) ? min : BigDecimal.ZERO;
					max = (max != null) ? max : BigDecimal.valueOf(100);
				}
				if (type == ValueType.YES_NO) {
					min = BigDecimal.ZERO;
					max = BigDecimal.ONE;
				}
				if (min == null) {
					min = BigDecimal.ZERO;
				}
			}
			if (min != null && max != null && min.compareTo(max) > 0) {
				node.problem("definition.error.minAboveMax", min.toPlainString(), max.toPlainString());
			}
			if (this.problems.size() > before) {
				return Optional.empty();
			}
			return Optional.of(new Metric(code, nameVi, nameEn, reportedBy, type, unitVi, unitEn, min, max, levels,
					section, index, optionalText(m, "help_vi"), optionalText(m, "help_en"), this.source,
					plausibleChange, plausibleSpread));
		}

		private Optional<Metric> metric(String code) {
			var own = this.ownMetrics.get(code);
			return (own != null) ? Optional.of(own) : DefinitionReader.this.knownMetrics.apply(code);
		}

		// ---------------------------------------------------------------- rules

		private Optional<MetricRule> readRule(Y node, int index, Set<String> codes) {
			var m = node.map(List.of("code", "check", "message_vi", "message_en")).orElse(null);
			if (m == null) {
				return Optional.empty();
			}
			int before = this.problems.size();
			var code = required(node, m, "code").flatMap((y) -> code(y, CODE_PATTERN)).orElse(null);
			if (code != null && !codes.add(code)) {
				m.get("code").problem("definition.error.duplicateRule", code);
			}
			var check = required(node, m, "check").flatMap(Y::text).orElse(null);
			if (check != null) {
				var y = m.get("check");
				expression(y, check).ifPresent((expr) -> {
					if (!expr.isCondition()) {
						y.problem("definition.error.ruleNotCondition", check);
					}
					UnitKind kind = null;
					for (Ref ref : expr.refs()) {
						if (ref.district()) {
							y.problem("definition.error.ruleDistrict", ref.toString());
							continue;
						}
						var metric = metric(ref.code());
						if (metric.isEmpty()) {
							y.problem("definition.error.unknownMetric", ref.code());
						}
						else if (kind == null) {
							kind = metric.get().reportedBy();
						}
						else if (kind != metric.get().reportedBy()) {
							y.problem("definition.error.ruleMixesUnits", check);
						}
					}
				});
			}
			var messageVi = optionalText(m, "message_vi");
			var messageEn = optionalText(m, "message_en");
			if ((messageVi == null) != (messageEn == null)) {
				node.problem("definition.error.messageBothLanguages");
			}
			if (this.problems.size() > before) {
				return Optional.empty();
			}
			return Optional.of(new MetricRule(code, check, messageVi, messageEn, index, this.source));
		}

		// ---------------------------------------------------------------- plan

		private PlanDefinition readPlan(Y planNode, Y indicatorsNode, Y root) {
			var m = planNode.map(List.of("code", "document_number", "title_vi", "title_en", "issuer", "issued",
					"baseline_year", "target_year"))
				.orElse(null);
			if (m == null) {
				return null;
			}
			var code = required(planNode, m, "code").flatMap((y) -> code(y, PLAN_CODE_PATTERN)).orElse(null);
			var titleVi = required(planNode, m, "title_vi").flatMap(Y::text).orElse(null);
			var titleEn = required(planNode, m, "title_en").flatMap(Y::text).orElse(null);
			var issuer = required(planNode, m, "issuer").flatMap((y) -> y.text(200)).orElse(null);
			LocalDate issued = null;
			if (m.containsKey("issued")) {
				var y = m.get("issued");
				issued = y.text().flatMap((t) -> {
					try {
						return Optional.of(LocalDate.parse(t));
					}
					catch (DateTimeParseException ex) {
						y.problem("definition.error.date", t);
						return Optional.empty();
					}
				}).orElse(null);
			}
			this.baseline = required(planNode, m, "baseline_year").flatMap(this::schoolYear).orElse(null);
			this.targetYear = required(planNode, m, "target_year").flatMap(this::schoolYear).orElse(null);
			if (this.baseline != null && this.targetYear != null && !this.targetYear.isAfter(this.baseline)) {
				m.get("target_year")
					.problem("definition.error.targetBeforeBaseline", this.targetYear.label(), this.baseline.label());
			}
			var indicators = new ArrayList<IndicatorDefinition>();
			if (indicatorsNode == null) {
				root.problem("definition.error.missingKey", "indicators");
			}
			else {
				indicatorsNode.list().ifPresent((items) -> {
					if (items.isEmpty()) {
						indicatorsNode.problem("definition.error.noIndicators");
					}
					var codes = new HashMap<String, Integer>();
					for (Y item : items) {
						readIndicator(item, codes).ifPresent(indicators::add);
					}
				});
			}
			return new PlanDefinition(code, optionalText(m, "document_number", 60), titleVi, titleEn, issuer, issued,
					this.baseline, this.targetYear, indicators);
		}

		// ---------------------------------------------------------------- indicators

		private Optional<IndicatorDefinition> readIndicator(Y node, Map<String, Integer> codes) {
			var m = node
				.map(List.of("code", "level", "clause", "quote", "name_vi", "name_en", "unit", "measure", "target",
						"targets", "direction", "flaw"))
				.orElse(null);
			if (m == null) {
				return Optional.empty();
			}
			int before = this.problems.size();
			var code = required(node, m, "code").flatMap((y) -> code(y, INDICATOR_CODE_PATTERN)).orElse(null);
			if (code != null) {
				var previous = codes.putIfAbsent(code, node.line());
				if (previous != null) {
					m.get("code").problem("definition.error.duplicateIndicator", code, previous);
				}
			}
			var level = required(node, m, "level").flatMap((y) -> y.word(IndicatorLevel.class)).orElse(null);
			var clause = required(node, m, "clause").flatMap((y) -> y.text(40)).orElse(null);
			var quote = required(node, m, "quote").flatMap(Y::text).orElse(null);
			var nameVi = required(node, m, "name_vi").flatMap(Y::text).orElse(null);
			var nameEn = required(node, m, "name_en").flatMap(Y::text).orElse(null);
			var unit = required(node, m, "unit").flatMap((y) -> y.word(IndicatorUnit.class)).orElse(null);
			Measure measure = null;
			if (level != null) {
				measure = required(node, m, "measure").flatMap((y) -> readMeasure(y, level)).orElse(null);
			}
			if (measure != null && unit != null) {
				checkUnit(m.get("unit"), measure, unit);
			}
			var targets = new ArrayList<Target>();
			if (m.containsKey("target") == m.containsKey("targets")) {
				node.problem("definition.error.targetOrTargets");
			}
			else if (measure != null && level != null) {
				var targetNodes = m.containsKey("target") ? Optional.of(List.of(m.get("target")))
						: m.get("targets").list();
				for (Y t : targetNodes.orElse(List.of())) {
					readTarget(t, measure, level).ifPresent(targets::add);
				}
				if (m.containsKey("targets") && targetNodes.map(List::isEmpty).orElse(false)) {
					m.get("targets").problem("definition.error.noTargets");
				}
			}
			Direction direction = targets.isEmpty() ? null : targets.get(0).shape().direction();
			if (m.containsKey("direction")) {
				var y = m.get("direction");
				var declared = y.word(Direction.class).orElse(null);
				if (declared != null && direction != null && declared != direction) {
					y.problem("definition.error.direction", declared.name().toLowerCase(java.util.Locale.ROOT),
							direction.name().toLowerCase(java.util.Locale.ROOT));
				}
			}
			Flaw flaw = (m.containsKey("flaw") && level != null) ? readFlaw(m.get("flaw"), level).orElse(null) : null;
			if (this.problems.size() > before) {
				return Optional.empty();
			}
			return Optional.of(new IndicatorDefinition(code, level, clause, quote, nameVi, nameEn, unit, measure,
					direction, targets, flaw));
		}

		private void checkUnit(Y node, Measure measure, IndicatorUnit unit) {
			boolean ok = switch (measure.kind()) {
				case RATIO, SHARE -> unit == IndicatorUnit.PERCENT;
				case AVERAGE -> unit == IndicatorUnit.CHILDREN_PER_CLASS || unit == IndicatorUnit.PUPILS_PER_CLASS;
				case COUNT ->
					unit == ((measure.scope().unit() == UnitKind.WARD) ? IndicatorUnit.WARDS : IndicatorUnit.SCHOOLS);
				case CHECKLIST -> unit == IndicatorUnit.SCHOOLS;
				case SUM, DISTRICT -> unit != IndicatorUnit.WARDS && unit != IndicatorUnit.SCHOOLS;
			};
			if (!ok) {
				node.problem("definition.error.unitForKind", unit.name().toLowerCase(java.util.Locale.ROOT),
						measure.kind().name().toLowerCase(java.util.Locale.ROOT));
			}
		}

		private Optional<Flaw> readFlaw(Y node, IndicatorLevel level) {
			var m = node
				.map(List.of("vi", "en", "reading_vi", "reading_en", "alternative", "alternative_vi", "alternative_en"))
				.orElse(null);
			if (m == null) {
				return Optional.empty();
			}
			var vi = required(node, m, "vi").flatMap(Y::text).orElse(null);
			var en = required(node, m, "en").flatMap(Y::text).orElse(null);
			var readingVi = required(node, m, "reading_vi").flatMap(Y::text).orElse(null);
			var readingEn = required(node, m, "reading_en").flatMap(Y::text).orElse(null);
			Measure alternative = null;
			String alternativeVi = null;
			String alternativeEn = null;
			if (m.containsKey("alternative")) {
				alternative = readMeasure(m.get("alternative"), level).orElse(null);
				alternativeVi = required(node, m, "alternative_vi").flatMap(Y::text).orElse(null);
				alternativeEn = required(node, m, "alternative_en").flatMap(Y::text).orElse(null);
			}
			return Optional.of(new Flaw(vi, en, readingVi, readingEn, alternative, alternativeVi, alternativeEn));
		}

		// ---------------------------------------------------------------- measures

		private Optional<Measure> readMeasure(Y node, IndicatorLevel level) {
			var m = node
				.map(List.of("kind", "numerator", "denominator", "condition", "among", "value", "items", "levels",
						"ownership", "new_only", "over"))
				.orElse(null);
			if (m == null) {
				return Optional.empty();
			}
			int before = this.problems.size();
			var kind = required(node, m, "kind").flatMap((y) -> y.word(MeasureKind.class)).orElse(null);
			if (kind == null) {
				return Optional.empty();
			}
			var allowedKeys = switch (kind) {
				case RATIO, AVERAGE -> Set.of("numerator", "denominator");
				case SUM -> Set.of("value");
				case SHARE -> Set.of("condition", "among");
				case COUNT -> Set.of("condition", "over");
				case CHECKLIST -> Set.of("condition", "items");
				case DISTRICT -> Set.of("value");
			};
			for (var key : List.of("numerator", "denominator", "condition", "among", "value", "items", "over")) {
				if (m.containsKey(key) && !allowedKeys.contains(key)) {
					m.get(key)
						.problem("definition.error.keyNotForKind", key, kind.name().toLowerCase(java.util.Locale.ROOT));
				}
			}
			Set<EducationLevel> levels = m.containsKey("levels") ? levels(m.get("levels"))
					: level.educationLevel().map(EnumSet::of).orElse(EnumSet.noneOf(EducationLevel.class));
			if (m.containsKey("levels") && level != IndicatorLevel.ALL) {
				var expected = level.educationLevel().orElseThrow();
				if (!levels.equals(EnumSet.of(expected))) {
					m.get("levels").problem("definition.error.levelsDisagree", level.name());
				}
			}
			Ownership ownership = m.containsKey("ownership") ? m.get("ownership").word(Ownership.class).orElse(null)
					: null;
			boolean newOnly = m.containsKey("new_only") && m.get("new_only").bool().orElse(false);
			UnitKind over = m.containsKey("over") ? m.get("over").word(UnitKind.class).orElse(null) : null;
			if (over == UnitKind.DISTRICT) {
				m.get("over").problem("definition.error.overDistrict");
			}
			String numerator = null;
			String denominator = null;
			String condition = null;
			String among = null;
			String value = null;
			var items = new ArrayList<ChecklistItem>();
			UnitKind unit = null;
			switch (kind) {
				case RATIO, AVERAGE -> {
					numerator = required(node, m, "numerator").flatMap(Y::text).orElse(null);
					denominator = required(node, m, "denominator").flatMap(Y::text).orElse(null);
					var numeratorUnit = (numerator != null) ? sumOfMetrics(m.get("numerator"), numerator, levels)
							: null;
					var denominatorUnit = (denominator != null)
							? sumOfMetrics(m.get("denominator"), denominator, levels) : null;
					if (numeratorUnit != null && denominatorUnit != null && numeratorUnit != denominatorUnit
							&& !(numeratorUnit == UnitKind.SCHOOL && denominatorUnit == UnitKind.WARD)) {
						m.get("numerator").problem("definition.error.ratioUnits");
					}
					unit = numeratorUnit;
				}
				case SUM -> {
					value = required(node, m, "value").flatMap(Y::text).orElse(null);
					unit = (value != null) ? sumOfMetrics(m.get("value"), value, levels) : null;
				}
				case SHARE, COUNT, CHECKLIST -> {
					if (m.containsKey("condition")) {
						condition = m.get("condition").text().orElse(null);
						unit = (condition != null) ? condition(m.get("condition"), condition, levels) : null;
					}
					else if (kind != MeasureKind.COUNT) {
						node.problem("definition.error.missingKey", "condition");
					}
					if (m.containsKey("among") && kind == MeasureKind.SHARE) {
						among = m.get("among").text().orElse(null);
						var amongUnit = (among != null) ? condition(m.get("among"), among, levels) : null;
						if (amongUnit != null && unit != null && amongUnit != unit) {
							m.get("among").problem("definition.error.conditionMixesUnits", among);
						}
					}
					if (kind == MeasureKind.CHECKLIST) {
						unit = UnitKind.SCHOOL;
						if (m.containsKey("items")) {
							readItems(m.get("items"), levels, items);
						}
						else {
							node.problem("definition.error.missingKey", "items");
						}
					}
					if (over != null) {
						if (unit != null && unit != over) {
							m.get("over").problem("definition.error.overDisagrees");
						}
						unit = over;
					}
					if (unit == null) {
						unit = UnitKind.SCHOOL;
					}
				}
				case DISTRICT -> {
					value = required(node, m, "value").flatMap(Y::text).orElse(null);
					if (value != null) {
						districtValue(m.get("value"), value);
					}
					unit = UnitKind.DISTRICT;
				}
			}
			if (unit != UnitKind.SCHOOL && (ownership != null || newOnly || m.containsKey("levels"))) {
				node.problem("definition.error.schoolFiltersOnly");
			}
			if (newOnly && this.baseline == null) {
				m.get("new_only").problem("definition.error.newOnlyNeedsBaseline");
			}
			if (this.problems.size() > before) {
				return Optional.empty();
			}
			var scope = new Scope(unit, (unit == UnitKind.SCHOOL) ? levels : Set.of(), ownership, newOnly);
			return Optional.of(switch (kind) {
				case RATIO -> new Measure.Ratio(scope, numerator, denominator);
				case AVERAGE -> new Measure.Average(scope, numerator, denominator);
				case SUM -> new Measure.Sum(scope, value);
				case SHARE -> new Measure.Share(scope, condition, among);
				case COUNT -> new Measure.Count(scope, condition);
				case CHECKLIST -> new Measure.Checklist(scope, condition, items);
				case DISTRICT -> new Measure.District(scope, value);
			});
		}

		private void readItems(Y node, Set<EducationLevel> levels, List<ChecklistItem> items) {
			var list = node.list().orElse(List.of());
			if (list.isEmpty()) {
				node.problem("definition.error.noItems");
			}
			var schools = new HashSet<String>();
			for (Y item : list) {
				var m = item.map(List.of("school", "name", "condition")).orElse(null);
				if (m == null) {
					continue;
				}
				var school = required(item, m, "school").flatMap(Y::text).orElse(null);
				var name = required(item, m, "name").flatMap(Y::text).orElse(null);
				if (school != null && !schools.add(school)) {
					m.get("school").problem("definition.error.duplicateItem", school);
				}
				String condition = null;
				if (m.containsKey("condition")) {
					condition = m.get("condition").text().orElse(null);
					if (condition != null) {
						condition(m.get("condition"), condition, levels);
					}
				}
				items.add(new ChecklistItem(school, name, condition));
			}
		}

		/**
		 * Checks a plain sum of metrics reported by one kind of unit.
		 * @return that kind of unit, or null after reporting a problem
		 */
		private UnitKind sumOfMetrics(Y node, String text, Set<EducationLevel> levels) {
			var expr = expression(node, text).orElse(null);
			if (expr == null) {
				return null;
			}
			var refs = expr.sumOfMetrics().orElse(null);
			if (refs == null) {
				node.problem("definition.error.notSum", text);
				return null;
			}
			UnitKind unit = null;
			for (Ref ref : refs) {
				var metric = metricFor(node, ref, levels).orElse(null);
				if (metric == null) {
					return null;
				}
				if (metric.type() == ValueType.YES_NO || metric.type() == ValueType.LEVEL) {
					node.problem("definition.error.sumOfStatus", ref.code());
					return null;
				}
				if (unit != null && unit != metric.reportedBy()) {
					node.problem("definition.error.sumMixesUnits", text);
					return null;
				}
				unit = metric.reportedBy();
			}
			return unit;
		}

		/**
		 * Checks a condition on the units in scope; district figures may serve as
		 * benchmarks.
		 * @return the kind of unit it is evaluated on, or null if it reads only district
		 * figures or has a problem
		 */
		private UnitKind condition(Y node, String text, Set<EducationLevel> levels) {
			var expr = expression(node, text).orElse(null);
			if (expr == null) {
				return null;
			}
			UnitKind unit = null;
			boolean ok = true;
			for (Ref ref : expr.refs()) {
				var metric = metricFor(node, ref, levels).orElse(null);
				if (metric == null) {
					ok = false;
					continue;
				}
				if (!ref.district()) {
					if (unit != null && unit != metric.reportedBy()) {
						node.problem("definition.error.conditionMixesUnits", text);
						ok = false;
					}
					unit = metric.reportedBy();
				}
			}
			if (!expr.isCondition()) {
				if (expr instanceof Ref ref && !ref.district()) {
					var metric = metric(ref.code()).orElse(null);
					if (metric != null && metric.type() != ValueType.YES_NO) {
						node.problem("definition.error.bareMetricNotYesNo", ref.code());
						ok = false;
					}
				}
				else {
					node.problem("definition.error.notCondition", text);
					ok = false;
				}
			}
			return ok ? unit : null;
		}

		private void districtValue(Y node, String text) {
			var expr = expression(node, text).orElse(null);
			if (expr == null) {
				return;
			}
			if (expr.isCondition()) {
				node.problem("definition.error.notNumberExpression", text);
			}
			for (Ref ref : expr.refs()) {
				if (!ref.district()) {
					node.problem("definition.error.districtOnly", ref.code());
				}
				else {
					metricFor(node, ref, Set.of());
				}
			}
		}

		/** Looks a referenced metric up and checks it fits where it is used. */
		private Optional<Metric> metricFor(Y node, Ref ref, Set<EducationLevel> levels) {
			var metric = metric(ref.code());
			if (metric.isEmpty()) {
				node.problem("definition.error.unknownMetric", ref.code());
				return Optional.empty();
			}
			var found = metric.get();
			if (ref.district() != (found.reportedBy() == UnitKind.DISTRICT)) {
				node.problem(ref.district() ? "definition.error.notDistrictMetric" : "definition.error.districtPrefix",
						ref.code());
				return Optional.empty();
			}
			if (found.reportedBy() == UnitKind.SCHOOL) {
				var inScope = levels.isEmpty() ? EnumSet.allOf(EducationLevel.class) : levels;
				if (inScope.stream().noneMatch(found::appliesTo)) {
					node.problem("definition.error.metricNotForLevels", ref.code(), inScope.toString());
					return Optional.empty();
				}
			}
			return metric;
		}

		private Optional<Expr> expression(Y node, String text) {
			try {
				return Optional.of(ExpressionParser.parse(text));
			}
			catch (ExpressionException ex) {
				var args = new ArrayList<>(ex.args());
				node.problem("definition.error.expression", text, ex.column(),
						new MessageRef(ex.key(), args.toArray()));
				return Optional.empty();
			}
		}

		// ---------------------------------------------------------------- targets

		private Optional<Target> readTarget(Y node, Measure indicatorMeasure, IndicatorLevel level) {
			var shapes = Map.of("at_least", TargetShape.AT_LEAST, "above", TargetShape.ABOVE, "exactly",
					TargetShape.EXACTLY, "at_most", TargetShape.AT_MOST, "below", TargetShape.BELOW, "between",
					TargetShape.BETWEEN, "above_benchmark", TargetShape.ABOVE_BENCHMARK, "checklist",
					TargetShape.CHECKLIST);
			var keys = new ArrayList<>(shapes.keySet());
			keys.addAll(List.of("increment", "year", "milestones", "measure", "text_vi", "text_en"));
			var m = node.map(keys).orElse(null);
			if (m == null) {
				return Optional.empty();
			}
			int before = this.problems.size();
			var given = shapes.keySet().stream().filter(m::containsKey).sorted().toList();
			if (given.size() != 1) {
				node.problem("definition.error.oneShape",
						String.join(", ", shapes.keySet().stream().sorted().toList()));
				return Optional.empty();
			}
			var shapeKey = given.get(0);
			var shape = shapes.get(shapeKey);
			var shapeNode = m.get(shapeKey);
			Measure measure = m.containsKey("measure") ? readMeasure(m.get("measure"), level).orElse(null) : null;
			var effective = (measure != null) ? measure : indicatorMeasure;
			BigDecimal value = null;
			BigDecimal high = null;
			var benchmarks = new ArrayList<String>();
			switch (shape) {
				case BETWEEN -> {
					var bounds = shapeNode.list().orElse(List.of());
					if (bounds.size() != 2) {
						shapeNode.problem("definition.error.betweenTwo");
					}
					else {
						value = bounds.get(0).number().orElse(null);
						high = bounds.get(1).number().orElse(null);
						if (value != null && high != null && value.compareTo(high) > 0) {
							shapeNode.problem("definition.error.minAboveMax", value.toPlainString(),
									high.toPlainString());
						}
					}
				}
				case ABOVE_BENCHMARK -> {
					for (Y b : shapeNode.listOrOne().orElse(List.of())) {
						b.text().ifPresent((text) -> {
							var code = text.startsWith("district.") ? text.substring("district.".length()) : text;
							var metric = metric(code);
							if (metric.isEmpty()) {
								b.problem("definition.error.unknownMetric", code);
							}
							else if (metric.get().reportedBy() != UnitKind.DISTRICT) {
								b.problem("definition.error.notDistrictMetric", code);
							}
							else {
								benchmarks.add(code);
							}
						});
					}
					int length = String.join(",", benchmarks).length();
					if (length > 300) {
						shapeNode.problem("definition.error.tooLong", length, 300);
					}
				}
				case CHECKLIST -> {
					shapeNode.text()
						.filter((t) -> !t.equals("all"))
						.ifPresent((t) -> shapeNode.problem("definition.error.checklistAll", t));
					if (effective.kind() != MeasureKind.CHECKLIST) {
						shapeNode.problem("definition.error.checklistNeedsChecklist");
					}
				}
				default -> value = shapeNode.number().orElse(null);
			}
			if (shape != TargetShape.CHECKLIST && effective.kind() == MeasureKind.CHECKLIST
					&& shape != TargetShape.AT_LEAST) {
				shapeNode.problem("definition.error.checklistShape");
			}
			boolean increment = m.containsKey("increment") && m.get("increment").bool().orElse(false);
			if (increment && !(effective.kind() == MeasureKind.COUNT || effective.kind() == MeasureKind.SUM
					|| effective.kind() == MeasureKind.DISTRICT)) {
				m.get("increment").problem("definition.error.incrementKind");
			}
			if (increment && (shape == TargetShape.ABOVE_BENCHMARK || shape == TargetShape.CHECKLIST)) {
				m.get("increment").problem("definition.error.incrementShape");
			}
			if (value != null && effective.kind() != null
					&& (effective.kind() == MeasureKind.RATIO || effective.kind() == MeasureKind.SHARE)
					&& (value.signum() < 0 || (high != null ? high : value).compareTo(BigDecimal.valueOf(1000)) > 0)) {
				shapeNode.problem("definition.error.percentRange", value.toPlainString());
			}
			var year = m.containsKey("year") ? schoolYear(m.get("year")).orElse(null) : this.targetYear;
			if (year != null && m.containsKey("year") && this.baseline != null && this.targetYear != null
					&& (!year.isAfter(this.baseline) || year.isAfter(this.targetYear))) {
				m.get("year")
					.problem("definition.error.yearOutsidePlan", year.label(), this.baseline.label(),
							this.targetYear.label());
			}
			var milestones = new TreeMap<SchoolYear, BigDecimal>();
			if (m.containsKey("milestones")) {
				var ms = m.get("milestones");
				if (shape == TargetShape.BETWEEN || shape == TargetShape.ABOVE_BENCHMARK
						|| shape == TargetShape.CHECKLIST || increment) {
					ms.problem("definition.error.milestonesShape");
				}
				ms.entries().ifPresent((entries) -> entries.forEach((label, v) -> {
					SchoolYear y;
					try {
						y = SchoolYear.parse(label);
					}
					catch (IllegalArgumentException ex) {
						v.problem("definition.error.schoolYear", label);
						return;
					}
					v.number().ifPresent((n) -> milestones.put(y, n));
					if (this.baseline != null && year != null && (!y.isAfter(this.baseline) || !y.isBefore(year))) {
						v.problem("definition.error.milestoneYear", label);
					}
				}));
			}
			var textVi = optionalText(m, "text_vi");
			var textEn = optionalText(m, "text_en");
			if ((textVi == null) != (textEn == null)) {
				node.problem("definition.error.textBothLanguages");
			}
			if (this.problems.size() > before) {
				return Optional.empty();
			}
			return Optional
				.of(new Target(shape, value, high, benchmarks, increment, year, milestones, measure, textVi, textEn));
		}

		// ---------------------------------------------------------------- helpers

		private Optional<Y> required(Y node, Map<String, Y> m, String key) {
			var value = m.get(key);
			if (value == null || value.isNull()) {
				node.problem("definition.error.missingKey", key);
				return Optional.empty();
			}
			return Optional.of(value);
		}

		private String optionalText(Map<String, Y> m, String key) {
			var value = m.get(key);
			return (value == null || value.isNull()) ? null : value.text().orElse(null);
		}

		private String optionalText(Map<String, Y> m, String key, int maxLength) {
			var value = m.get(key);
			return (value == null || value.isNull()) ? null : value.text(maxLength).orElse(null);
		}

		private BigDecimal optionalNumber(Map<String, Y> m, String key) {
			var value = m.get(key);
			return (value == null || value.isNull()) ? null : value.number().orElse(null);
		}

		private Optional<String> code(Y node, String pattern) {
			int maxLength = pattern.equals(CODE_PATTERN) ? 60 : 40;
			return node.text(maxLength).filter((code) -> {
				if (!code.matches(pattern)) {
					node.problem("definition.error.code", code);
					return false;
				}
				return true;
			});
		}

		private Optional<SchoolYear> schoolYear(Y node) {
			return node.text().flatMap((text) -> {
				try {
					return Optional.of(SchoolYear.parse(text));
				}
				catch (IllegalArgumentException ex) {
					node.problem("definition.error.schoolYear", text);
					return Optional.empty();
				}
			});
		}

		private Set<EducationLevel> levels(Y node) {
			var levels = EnumSet.noneOf(EducationLevel.class);
			for (Y item : node.listOrOne().orElse(List.of())) {
				item.word(EducationLevel.class).ifPresent((level) -> {
					if (!levels.add(level)) {
						item.problem("definition.error.duplicateLevel", level.name());
					}
				});
			}
			return levels;
		}

	}

	/**
	 * A message argument that is itself a message (the expression error inside a
	 * definition problem).
	 *
	 * @param key the message key
	 * @param args its arguments
	 */
	public record MessageRef(String key, Object[] args) {

		@Override
		public String toString() {
			return this.key + java.util.Arrays.toString(this.args);
		}

	}

}
