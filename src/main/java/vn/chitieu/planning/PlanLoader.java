package vn.chitieu.planning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.planning.definition.DefinitionException;
import vn.chitieu.planning.definition.DefinitionFile;
import vn.chitieu.planning.definition.DefinitionProblem;
import vn.chitieu.planning.definition.DefinitionReader;

/**
 * Loads definition files into the database: the built-in ones at start-up, and files the
 * Office imports. A file is loaded whole or not at all.
 */
@Service
public class PlanLoader {

	private static final Logger log = LoggerFactory.getLogger(PlanLoader.class);

	/** The shared catalog, always loaded first. */
	static final String CATALOG = "catalog.yaml";

	/** The owner of rules from plan-less files the Office imported. */
	static final String IMPORTED_RULES = "import";

	private final MetricRepository metrics;

	private final MetricRuleRepository rules;

	private final PlanRepository plans;

	private final MetricCatalog catalog;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final PlanningProperties properties;

	private final PlanVersions drafts;

	PlanLoader(MetricRepository metrics, MetricRuleRepository rules, PlanRepository plans, MetricCatalog catalog,
			AuditLog audit, TransactionTemplate transaction, PlanningProperties properties,
			@org.springframework.context.annotation.Lazy PlanVersions drafts) {
		this.drafts = drafts;
		this.metrics = metrics;
		this.rules = rules;
		this.plans = plans;
		this.catalog = catalog;
		this.audit = audit;
		this.transaction = transaction;
		this.properties = properties;
	}

	/**
	 * Loads the definition files shipped with the application, then those of the
	 * configured directory. Files whose plan is already loaded from the same content are
	 * left alone, so that targets edited by the Office are kept until a new version of
	 * the file ships.
	 * @return what happened to each file
	 * @throws DefinitionException if a file is invalid
	 */
	public List<LoadResult> loadAll() throws IOException {
		var files = new ArrayList<NamedContent>();
		var resolver = new PathMatchingResourcePatternResolver();
		Resource[] resources = resolver.getResources("classpath:plans/*.yaml");
		for (Resource resource : resources) {
			try (InputStream in = resource.getInputStream()) {
				files
					.add(new NamedContent(resource.getFilename(), in.readNBytes(DefinitionReader.MAX_BYTES + 1), true));
			}
		}
		files.sort(
				Comparator.comparing((NamedContent f) -> !f.name().equals(CATALOG)).thenComparing(NamedContent::name));
		var directory = this.properties.directoryPath().orElse(null);
		if (directory != null && !Files.isDirectory(directory)) {
			throw new IllegalStateException("CHITIEU_PLANS_DIR is not a directory: " + directory.toAbsolutePath());
		}
		if (directory != null) {
			try (var stream = Files.list(directory)) {
				for (Path path : stream.filter((p) -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
					.sorted()
					.toList()) {
					files.add(new NamedContent(path.getFileName().toString(), Files.readAllBytes(path), false));
				}
			}
		}
		var results = new ArrayList<LoadResult>();
		for (var file : files) {
			results.add(load(file.name(), file.bytes(), true, AuditLog.SYSTEM, file.shipped(), true));
		}
		return results;
	}

	/**
	 * Reads, checks and stores one definition file the Office imports: a plan becomes a
	 * draft, to be published from its page; a file of metrics and rules only is stored at
	 * once.
	 * @param source the file name
	 * @param bytes its content
	 * @param replace whether a plan already loaded under the same code may be replaced
	 * @param actor who loads it
	 * @return what happened
	 * @throws DefinitionException if the file is invalid or would replace a plan without
	 * {@code replace}
	 */
	public LoadResult load(String source, byte[] bytes, boolean replace, String actor) {
		return load(source, bytes, replace, actor, false, false);
	}

	private LoadResult load(String source, byte[] bytes, boolean replace, String actor, boolean shipped,
			boolean direct) {
		var result = this.transaction.execute((status) -> {
			var reader = new DefinitionReader(this::knownMetric);
			DefinitionFile file = reader.read(source, bytes);
			return store(file, replace, actor, shipped, direct);
		});
		this.catalog.refresh();
		log.info("Definition file {}: {}", source, result);
		return result;
	}

	private Optional<Metric> knownMetric(String code) {
		return this.metrics.findById(code).map(MetricEntity::toMetric);
	}

	/**
	 * Stores a file: a plan the Office imports becomes a draft (its new metrics and rules
	 * wait on it until it is published); the shipped files and those of the configured
	 * directory are published at once.
	 */
	private LoadResult store(DefinitionFile file, boolean replace, String actor, boolean shipped, boolean direct) {
		if (file.plan() != null && !direct) {
			return this.drafts.draftFromFile(file, replace, actor);
		}
		var audits = new ArrayList<AuditRecord>();
		int metricsChanged = storeMetrics(file.metrics(), file.source(), audits);
		storeRules(file.rules(), ruleOwner(file, shipped), file.source());
		var outcome = LoadResult.Outcome.UNCHANGED;
		String planCode = null;
		int indicators = 0;
		int number = 0;
		if (file.plan() != null) {
			var plan = file.plan();
			planCode = plan.code();
			indicators = plan.indicators().size();
			var versions = this.plans.findByCodeOrderByNumberDesc(plan.code());
			var published = versions.stream().filter((v) -> v.getStatus() == PlanStatus.PUBLISHED).findFirst();
			var same = versions.stream().filter((v) -> v.getChecksum().equals(file.checksum())).findFirst();
			if (same.isPresent()) {
				// This content was loaded before: what the Office did since is kept.
				outcome = LoadResult.Outcome.UNCHANGED;
				number = same.get().getNumber();
			}
			else {
				if (published.isPresent() && !replace) {
					throw new DefinitionException(List.of(new DefinitionProblem(file.source(), 0,
							"definition.error.planExists", List.of(plan.code(), published.get().getSource()))));
				}
				number = versions.isEmpty() ? 1 : versions.get(0).getNumber() + 1;
				var now = Instant.now();
				published.ifPresent((p) -> {
					audits.addAll(targetChanges(p.toDefinition(), plan));
					p.archive();
					this.plans.saveAndFlush(p);
				});
				var entity = new PlanEntity(plan.code(), number, PlanStatus.PUBLISHED, actor, now);
				entity.update(plan, file.source(), file.checksum(), now);
				this.plans.save(entity);
				outcome = published.isPresent() ? LoadResult.Outcome.UPDATED : LoadResult.Outcome.LOADED;
				audits.add(AuditRecord.of(published.isPresent() ? "PLAN_REPLACED" : "PLAN_LOADED", "plan", plan.code())
					.withChange("version", published.map((p) -> String.valueOf(p.getNumber())).orElse(null),
							String.valueOf(number))
					.withDetail(file.source() + " sha256:" + file.checksum()));
			}
		}
		else if (metricsChanged > 0) {
			outcome = LoadResult.Outcome.LOADED;
		}
		if (!audits.isEmpty()) {
			this.audit.record(actor, audits);
		}
		return new LoadResult(file.source(), planCode, outcome, indicators, file.metrics().size(), number);
	}

	/** Every target that a new version of a plan adds, removes or changes. */
	static List<AuditRecord> targetChanges(PlanDefinition before, PlanDefinition after) {
		var records = new ArrayList<AuditRecord>();
		var codes = new java.util.LinkedHashSet<String>();
		before.indicators().forEach((i) -> codes.add(i.code()));
		after.indicators().forEach((i) -> codes.add(i.code()));
		for (var code : codes) {
			var old = targets(before, code);
			var now = targets(after, code);
			for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
				var a = (i < old.size()) ? old.get(i) : null;
				var b = (i < now.size()) ? now.get(i) : null;
				if (!java.util.Objects.equals(a, b)) {
					records.add(AuditRecord.of("TARGET_CHANGED", "target", after.code() + "/" + code + "#" + (i + 1))
						.withChange(code, a, b));
				}
			}
		}
		return records;
	}

	private static List<String> targets(PlanDefinition plan, String indicatorCode) {
		return plan.indicators()
			.stream()
			.filter((i) -> i.code().equals(indicatorCode))
			.flatMap((i) -> i.targets().stream())
			.map(PlanLoader::describe)
			.toList();
	}

	/** A target in a line, e.g. {@code AT_LEAST 65 by 2024-2025}. */
	private static String describe(Target target) {
		var text = new StringBuilder(target.shape().name());
		if (target.value() != null) {
			text.append(' ').append(target.value().stripTrailingZeros().toPlainString());
		}
		if (target.high() != null) {
			text.append("..").append(target.high().stripTrailingZeros().toPlainString());
		}
		if (!target.benchmarks().isEmpty()) {
			text.append(' ').append(target.benchmarks());
		}
		if (target.increment()) {
			text.append(" increment");
		}
		text.append(" by ").append(target.targetYear().label());
		target.milestones()
			.forEach((year, value) -> text.append(", ")
				.append(year.label())
				.append(": ")
				.append(value.stripTrailingZeros().toPlainString()));
		return text.toString();
	}

	int storeMetrics(List<Metric> defined, String source, List<AuditRecord> audits) {
		Map<String, MetricEntity> existing = new HashMap<>();
		this.metrics.findAllById(defined.stream().map(Metric::code).toList())
			.forEach((m) -> existing.put(m.getCode(), m));
		int changed = 0;
		for (Metric metric : defined) {
			var entity = existing.get(metric.code());
			if (entity != null && entity.toMetric().equals(metric)) {
				continue;
			}
			if (entity == null) {
				entity = new MetricEntity(metric.code());
				audits.add(AuditRecord.of("METRIC_DEFINED", "metric", metric.code()).withDetail(source));
			}
			else {
				audits.add(AuditRecord.of("METRIC_REDEFINED", "metric", metric.code()).withDetail(source));
			}
			entity.update(metric);
			this.metrics.save(entity);
			changed++;
		}
		return changed;
	}

	/**
	 * What a file's rules belong to: the plan it declares, the shipped catalog, or (for a
	 * plan-less file the Office imported) the shared set that imports only add to. Never
	 * the uploaded file's name, which anyone can choose.
	 */
	static String ruleOwner(DefinitionFile file, boolean shipped) {
		if (file.plan() != null) {
			return "plan:" + file.plan().code();
		}
		if (shipped) {
			return file.source().equals(CATALOG) ? "catalog" : "shipped:" + file.source();
		}
		return IMPORTED_RULES;
	}

	void storeRules(List<MetricRule> defined, String owner, String source) {
		checkRules(defined, owner, source);
		var wanted = defined.stream().map(MetricRule::code).toList();
		if (!owner.equals(IMPORTED_RULES)) {
			// A new version of a plan or of a shipped file replaces its own rules.
			for (var rule : this.rules.findByOwner(owner)) {
				if (!wanted.contains(rule.toRule().code())) {
					this.rules.delete(rule);
				}
			}
			this.rules.flush();
		}
		for (MetricRule rule : defined) {
			this.rules.save(new MetricRuleEntity(rule, owner));
		}
	}

	/** Refuses rules that something else already declares. */
	void checkRules(List<MetricRule> defined, String owner, String source) {
		for (MetricRule rule : defined) {
			this.rules.findById(rule.code())
				.filter((existing) -> !existing.getOwner().equals(owner))
				.ifPresent((existing) -> {
					throw new DefinitionException(List.of(new DefinitionProblem(source, 0,
							"definition.error.ruleDefinedElsewhere", List.of(rule.code(), existing.getSource()))));
				});
		}
	}

	private record NamedContent(String name, byte[] bytes, boolean shipped) {
	}

	/**
	 * What loading a file did.
	 *
	 * @param source the file
	 * @param planCode the plan it defines, or null
	 * @param outcome loaded, updated or unchanged
	 * @param indicators how many indicators it defines
	 * @param metrics how many metrics it defines
	 * @param version the number of the plan's version it made or matched, 0 without a
	 * plan
	 */
	public record LoadResult(String source, String planCode, Outcome outcome, int indicators, int metrics,
			int version) {

		/** What happened to the plan of a file. */
		public enum Outcome {

			/** Published as the plan's first version. */
			LOADED,
			/** Published as a new version. */
			UPDATED,
			/** Already loaded. */
			UNCHANGED,
			/** Kept as a draft, to be published by the Office. */
			DRAFTED

		}

	}

}
