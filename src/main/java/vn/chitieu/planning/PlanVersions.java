package vn.chitieu.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.planning.Plans.LoadedPlan;
import vn.chitieu.planning.definition.DefinitionException;
import vn.chitieu.planning.definition.DefinitionFile;
import vn.chitieu.planning.definition.DefinitionProblem;
import vn.chitieu.planning.definition.PlanText;
import vn.chitieu.planning.definition.PlanText.Header;
import vn.chitieu.planning.definition.PlanText.IndicatorFields;
import vn.chitieu.planning.definition.PlanText.Reading;

/**
 * The versions of a plan: drafts the Office writes (in the browser editor, from an
 * imported file, later from a workbook), publishing one, discarding one, and the earlier
 * versions kept readable. Every step is audited.
 * <p>
 * A draft is used by nothing but the Office's pages; publishing it makes it the version
 * the dashboards, the API, the reports and the forms use. The metrics it brings join the
 * catalog when it is published, and appear on the forms from the school year the Office
 * chooses then.
 */
@Service
@Transactional(readOnly = true)
public class PlanVersions {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final PlanRepository plans;

	private final PlanLoader loader;

	private final MetricCatalog catalog;

	private final SchoolYears years;

	private final AuditLog audit;

	private final JdbcTemplate jdbc;

	PlanVersions(PlanRepository plans, PlanLoader loader, MetricCatalog catalog, SchoolYears years, AuditLog audit,
			JdbcTemplate jdbc) {
		this.plans = plans;
		this.loader = loader;
		this.catalog = catalog;
		this.years = years;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	// ------------------------------------------------------------------ reading

	/**
	 * @param code a plan's code
	 * @return every version of the plan, the newest first
	 */
	public List<PlanSummary> versions(String code) {
		return this.plans.findByCodeOrderByNumberDesc(code).stream().map(PlanEntity::toSummary).toList();
	}

	/**
	 * @param code a plan's code
	 * @param number a version's number
	 * @return that version, whatever its state
	 */
	public Optional<LoadedPlan> version(String code, int number) {
		return this.plans.findByCodeAndNumber(code, number).map((p) -> new LoadedPlan(p.toSummary(), p.toDefinition()));
	}

	/**
	 * A version as a whole definition file: the plan, the metrics and the cross-field
	 * rules it defines (a draft's waiting ones), under the name of the file it came from,
	 * for the plan workbook.
	 * @param code a plan's code
	 * @param number a version's number
	 * @return that version, whatever its state
	 */
	public Optional<DefinitionFile> file(String code, int number) {
		return this.plans.findByCodeAndNumber(code, number).map((p) -> {
			var source = p.getSource();
			var metrics = new LinkedHashMap<String, Metric>();
			this.catalog.all()
				.stream()
				.filter((m) -> m.source().equals(source))
				.forEach((m) -> metrics.put(m.code(), m));
			List<MetricRule> rules = null;
			if (p.getStatus() == PlanStatus.DRAFT) {
				pendingMetrics(p).forEach((m) -> metrics.put(m.code(), m));
				rules = pendingRules(p);
			}
			if (rules == null) {
				rules = this.catalog.rules()
					.stream()
					.map(MetricCatalog.CompiledRule::rule)
					.filter((r) -> r.source().equals(source))
					.toList();
			}
			var own = metrics.values().stream().sorted(java.util.Comparator.comparingInt(Metric::position)).toList();
			var sorted = rules.stream().sorted(java.util.Comparator.comparingInt(MetricRule::position)).toList();
			return new DefinitionFile(source, p.getChecksum(), own, sorted, p.toDefinition());
		});
	}

	/**
	 * @param code a plan's code
	 * @return its draft, if it has one
	 */
	public Optional<LoadedPlan> draft(String code) {
		return this.plans.findByCodeAndStatus(code, PlanStatus.DRAFT)
			.map((p) -> new LoadedPlan(p.toSummary(), p.toDefinition()));
	}

	/**
	 * @return every draft (of new plans and of published ones)
	 */
	public List<PlanSummary> drafts() {
		return this.plans.findAllByStatusOrderByTargetYearDescCodeAsc(PlanStatus.DRAFT)
			.stream()
			.map(PlanEntity::toSummary)
			.toList();
	}

	/**
	 * The metrics a draft may use: the catalog's and those the draft brings.
	 * @param code the plan's code
	 * @return the lookup
	 */
	public Function<String, Optional<Metric>> knownMetrics(String code) {
		var pending = new HashMap<String, Metric>();
		this.plans.findByCodeAndStatus(code, PlanStatus.DRAFT)
			.ifPresent((d) -> pendingMetrics(d).forEach((m) -> pending.put(m.code(), m)));
		return (metric) -> Optional.ofNullable(pending.get(metric)).or(() -> this.catalog.find(metric));
	}

	/**
	 * What publishing a plan's draft would do to the forms: the metrics it reads that its
	 * published version does not, and from which school year they are asked.
	 * @param code the plan's code
	 * @return the new metrics, empty when there is no draft
	 */
	public Optional<Publication> publication(String code) {
		var draft = this.plans.findByCodeAndStatus(code, PlanStatus.DRAFT).orElse(null);
		if (draft == null) {
			return Optional.empty();
		}
		var known = knownMetrics(code);
		var metrics = new ArrayList<Metric>();
		for (var m : newMetrics(draft)) {
			known.apply(m).ifPresent(metrics::add);
		}
		var open = openYear();
		var next = this.years.next().orElse(null);
		return Optional.of(new Publication(draft.toSummary(), metrics, next, open.orElse(null)));
	}

	// ------------------------------------------------------------------ drafts

	/**
	 * Starts a new draft from a plan's published version (one draft at a time: an
	 * existing draft is returned as it is).
	 * @param code the plan's code
	 * @param fromNumber the published version the Office saw
	 * @param actor who
	 * @return the draft
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public PlanSummary startDraft(String code, int fromNumber, String actor) {
		var existing = this.plans.findByCodeAndStatus(code, PlanStatus.DRAFT);
		if (existing.isPresent()) {
			return existing.get().toSummary();
		}
		var published = this.plans.findByCodeAndStatus(code, PlanStatus.PUBLISHED)
			.orElseThrow(() -> new PlanDraftException("plans.error.noPlan", code));
		if (published.getNumber() != fromNumber) {
			throw new PlanDraftException("plans.error.staleVersion", fromNumber, published.getNumber());
		}
		var now = Instant.now();
		var draft = new PlanEntity(code, nextNumber(code), PlanStatus.DRAFT, actor, now);
		draft.update(published.toDefinition(), published.getSource(), published.getChecksum(), now);
		this.plans.saveAndFlush(draft);
		this.audit.record(actor, AuditRecord.of("PLAN_DRAFT_STARTED", "plan", code)
			.withChange("version", String.valueOf(published.getNumber()), String.valueOf(draft.getNumber())));
		return draft.toSummary();
	}

	/**
	 * Starts a new plan as a draft with no indicator yet.
	 * @param header its header
	 * @param actor who
	 * @return the draft, or the problems by field (nothing stored)
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public Saved createPlan(Header header, String actor) {
		var reading = PlanText.read(header, List.of(), this.catalog::find, true);
		if (!reading.ok()) {
			return new Saved(null, reading);
		}
		var plan = reading.plan();
		if (this.plans.existsByCode(plan.code())) {
			return new Saved(null, problem(-1, "code", "plans.error.codeTaken", plan.code()));
		}
		var now = Instant.now();
		var draft = new PlanEntity(plan.code(), 1, PlanStatus.DRAFT, actor, now);
		draft.update(plan, "editor", "editor", now);
		this.plans.saveAndFlush(draft);
		this.audit.record(actor,
				AuditRecord.of("PLAN_DRAFT_STARTED", "plan", plan.code()).withChange("version", null, "1"));
		return new Saved(draft.toSummary(), reading);
	}

	/**
	 * Changes a draft's header. The whole draft is read again (its targets' years must
	 * fit the new period).
	 * @param code the plan's code
	 * @param number the draft's number
	 * @param revision the draft's revision the Office saw
	 * @param header the header
	 * @param actor who
	 * @return the draft, or the problems by field (nothing stored)
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public Saved saveHeader(String code, int number, int revision, Header header, String actor) {
		var draft = draftToChange(code, number, revision);
		var before = draft.toDefinition();
		if (!code.equals(header.code())) {
			return new Saved(null, problem(-1, "code", "plans.error.codeFixed", code));
		}
		var fields = before.indicators().stream().map((i) -> IndicatorFields.of(i, before)).toList();
		var reading = PlanText.read(header, fields, knownMetrics(code), true);
		if (!reading.ok()) {
			return new Saved(null, reading);
		}
		return store(draft, before, reading.plan(), actor, "PLAN_DRAFT_HEADER_CHANGED", code);
	}

	/**
	 * Adds an indicator to a draft or changes one, read by the definition file's reader.
	 * @param code the plan's code
	 * @param number the draft's number
	 * @param revision the draft's revision the Office saw
	 * @param originalCode the indicator's code before the change, null to add one
	 * @param fields the indicator
	 * @param actor who
	 * @return the draft, or the problems of the indicator by field (nothing stored)
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public Saved saveIndicator(String code, int number, int revision, String originalCode, IndicatorFields fields,
			String actor) {
		var draft = draftToChange(code, number, revision);
		var before = draft.toDefinition();
		var reading = checkIndicator(code, before, fields);
		if (!reading.ok()) {
			return new Saved(null, reading);
		}
		var indicator = reading.plan().indicators().get(0);
		var indicators = new ArrayList<>(before.indicators());
		int at = -1;
		for (int i = 0; i < indicators.size(); i++) {
			if (indicators.get(i).code().equals(originalCode)) {
				at = i;
			}
			else if (indicators.get(i).code().equals(indicator.code())) {
				return new Saved(null, problem(0, "code", "definition.error.duplicateIndicator", indicator.code(), ""));
			}
		}
		if (originalCode != null && at < 0) {
			throw new PlanDraftException("plans.error.noIndicator", originalCode);
		}
		if (at < 0) {
			indicators.add(indicator);
		}
		else {
			indicators.set(at, indicator);
		}
		var after = withIndicators(before, indicators);
		return store(draft, before, after, actor, (at < 0) ? "INDICATOR_ADDED" : "INDICATOR_CHANGED",
				code + "/" + indicator.code());
	}

	/**
	 * Reads one indicator of a draft without storing anything (the editor's immediate
	 * check and preview).
	 * @param code the plan's code
	 * @param header the draft's header
	 * @param fields the indicator
	 * @return the plan's header with that one indicator, or the problems by field
	 */
	public Reading checkIndicator(String code, PlanDefinition header, IndicatorFields fields) {
		return PlanText.read(Header.of(header), List.of(fields), knownMetrics(code), false);
	}

	/**
	 * Removes an indicator from a draft.
	 * @param code the plan's code
	 * @param number the draft's number
	 * @param revision the draft's revision the Office saw
	 * @param indicatorCode the indicator
	 * @param actor who
	 * @return the draft
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public PlanSummary removeIndicator(String code, int number, int revision, String indicatorCode, String actor) {
		var draft = draftToChange(code, number, revision);
		var before = draft.toDefinition();
		var indicators = new ArrayList<>(before.indicators());
		if (!indicators.removeIf((i) -> i.code().equals(indicatorCode))) {
			throw new PlanDraftException("plans.error.noIndicator", indicatorCode);
		}
		return store(draft, before, withIndicators(before, indicators), actor, "INDICATOR_REMOVED",
				code + "/" + indicatorCode)
			.summary();
	}

	/**
	 * Replaces a draft's whole definition (for a workbook or a file edited elsewhere).
	 * @param code the plan's code
	 * @param number the draft's number
	 * @param revision the draft's revision the Office saw
	 * @param plan the new definition, already read and checked
	 * @param actor who
	 * @return the draft
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public PlanSummary saveDraft(String code, int number, int revision, PlanDefinition plan, String actor) {
		var draft = draftToChange(code, number, revision);
		if (!plan.code().equals(code)) {
			throw new PlanDraftException("plans.error.codeFixed", code);
		}
		return store(draft, draft.toDefinition(), plan, actor, "PLAN_DRAFT_CHANGED", code).summary();
	}

	/**
	 * Throws a draft away; the published version stays as it was.
	 * @param code the plan's code
	 * @param number the draft's number
	 * @param actor who
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public void discard(String code, int number, String actor) {
		var draft = this.plans.findByCodeAndStatus(code, PlanStatus.DRAFT)
			.filter((d) -> d.getNumber() == number)
			.orElseThrow(() -> new PlanDraftException("plans.error.noDraft", code));
		this.plans.delete(draft);
		this.plans.flush();
		this.audit.record(actor, AuditRecord.of("PLAN_DRAFT_DISCARDED", "plan", code)
			.withChange("version", String.valueOf(number), null));
	}

	/**
	 * Publishes a plan's draft: it becomes the version everything uses, the version it
	 * replaces stays readable, the metrics it brings join the catalog, and the metrics it
	 * reads that the replaced version did not are asked on the forms from the next school
	 * year opened, or from the open one when the Office says so.
	 * @param code the plan's code
	 * @param number the draft's number
	 * @param fromOpenYear whether the new metrics are asked in the open school year too
	 * @param actor who
	 * @return the published version
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICE')")
	public PlanSummary publish(String code, int number, boolean fromOpenYear, String actor) {
		var draft = this.plans.findByCodeAndStatus(code, PlanStatus.DRAFT)
			.filter((d) -> d.getNumber() == number)
			.orElseThrow(() -> new PlanDraftException("plans.error.noDraft", code));
		var definition = draft.toDefinition();
		if (definition.indicators().isEmpty()) {
			throw new PlanDraftException("definition.error.noIndicators");
		}
		var audits = new ArrayList<AuditRecord>();
		var newMetrics = newMetrics(draft);
		this.loader.storeMetrics(pendingMetrics(draft), draft.getSource(), audits);
		var rules = pendingRules(draft);
		if (rules != null) {
			this.loader.storeRules(rules, "plan:" + code, draft.getSource());
		}
		for (var metric : Plans.metricsOf(definition)) {
			if (this.catalog.load().metrics().get(metric) == null) {
				throw new PlanDraftException("definition.error.unknownMetric", metric);
			}
		}
		var published = this.plans.findByCodeAndStatus(code, PlanStatus.PUBLISHED);
		var now = Instant.now();
		published.ifPresent((p) -> {
			audits.addAll(PlanLoader.targetChanges(p.toDefinition(), definition));
			p.archive();
			this.plans.saveAndFlush(p);
		});
		draft.publish(actor, now);
		this.plans.saveAndFlush(draft);
		var from = fromOpenYear ? openYear().or(this.years::next) : this.years.next();
		for (var metric : newMetrics) {
			if (from.isPresent()) {
				this.jdbc.update("""
						insert into plan_metric_start (plan_code, metric_code, from_year) values (?, ?, ?)
						on conflict (plan_code, metric_code) do update set from_year = excluded.from_year""", code,
						metric, from.get().startYear());
			}
			audits.add(AuditRecord.of("METRIC_ON_FORMS", "metric", metric)
				.withChange("from", null, from.map(SchoolYear::label).orElse(null))
				.withDetail(code));
		}
		audits.add(AuditRecord.of("PLAN_PUBLISHED", "plan", code)
			.withChange("version", published.map((p) -> String.valueOf(p.getNumber())).orElse(null),
					String.valueOf(number)));
		this.audit.record(actor, audits);
		afterCommit(this.catalog::refresh);
		return draft.toSummary();
	}

	// ------------------------------------------------------------------ for the loader

	/**
	 * A plan from an imported file, kept as the plan's draft: its metrics and rules wait
	 * on it until it is published.
	 */
	@Transactional
	PlanLoader.LoadResult draftFromFile(DefinitionFile file, boolean replace, String actor) {
		var plan = file.plan();
		var code = plan.code();
		var versions = this.plans.findByCodeOrderByNumberDesc(code);
		var same = versions.stream()
			.filter((v) -> v.getStatus() != PlanStatus.ARCHIVED && v.getChecksum().equals(file.checksum()))
			.findFirst();
		if (same.isPresent()) {
			return new PlanLoader.LoadResult(file.source(), code, PlanLoader.LoadResult.Outcome.UNCHANGED,
					plan.indicators().size(), file.metrics().size(), same.get().getNumber());
		}
		var current = versions.stream().filter((v) -> v.getStatus() != PlanStatus.ARCHIVED).findFirst();
		if (current.isPresent() && !replace) {
			throw new DefinitionException(List.of(new DefinitionProblem(file.source(), 0, "definition.error.planExists",
					List.of(code, current.get().getSource()))));
		}
		this.loader.checkRules(file.rules(), "plan:" + code, file.source());
		var pending = file.metrics()
			.stream()
			.filter((m) -> !this.catalog.find(m.code()).map((known) -> known.equals(m)).orElse(false))
			.toList();
		var now = Instant.now();
		var draft = this.plans.findByCodeAndStatus(code, PlanStatus.DRAFT)
			.orElseGet(() -> new PlanEntity(code, nextNumber(code), PlanStatus.DRAFT, actor, now));
		var before = draft.getIndicators().isEmpty() ? null : draft.toDefinition();
		draft.update(plan, file.source(), file.checksum(), now);
		draft.setPending(JSON.writeValueAsString(pending), JSON.writeValueAsString(file.rules()));
		this.plans.saveAndFlush(draft);
		var audits = new ArrayList<AuditRecord>();
		if (before != null) {
			audits.addAll(PlanLoader.targetChanges(before, plan));
		}
		audits.add(AuditRecord.of("PLAN_DRAFTED", "plan", code)
			.withChange("version", null, String.valueOf(draft.getNumber()))
			.withDetail(file.source() + " sha256:" + file.checksum()));
		this.audit.record(actor, audits);
		return new PlanLoader.LoadResult(file.source(), code, PlanLoader.LoadResult.Outcome.DRAFTED,
				plan.indicators().size(), file.metrics().size(), draft.getNumber());
	}

	// ------------------------------------------------------------------ helpers

	private Saved store(PlanEntity draft, PlanDefinition before, PlanDefinition after, String actor, String action,
			String entity) {
		draft.update(after, draft.getSource(), draft.getChecksum(), Instant.now());
		this.plans.saveAndFlush(draft);
		var audits = new ArrayList<AuditRecord>();
		audits.addAll(PlanLoader.targetChanges(before, after));
		audits.add(AuditRecord.of(action, "plan", entity).withDetail("version " + draft.getNumber()));
		this.audit.record(actor, audits);
		return new Saved(draft.toSummary(), new Reading(after, List.of()));
	}

	private PlanEntity draftToChange(String code, int number, int revision) {
		var draft = this.plans.findByCodeAndStatus(code, PlanStatus.DRAFT)
			.filter((d) -> d.getNumber() == number)
			.orElseThrow(() -> new PlanDraftException("plans.error.noDraft", code));
		if (draft.getVersion() != revision) {
			throw new PlanDraftException("plans.error.stale");
		}
		return draft;
	}

	private int nextNumber(String code) {
		var versions = this.plans.findByCodeOrderByNumberDesc(code);
		return versions.isEmpty() ? 1 : versions.get(0).getNumber() + 1;
	}

	private List<String> newMetrics(PlanEntity draft) {
		var wanted = new LinkedHashSet<>(Plans.metricsOf(draft.toDefinition()));
		this.plans.findByCodeAndStatus(draft.getCode(), PlanStatus.PUBLISHED)
			.ifPresent((p) -> wanted.removeAll(Plans.metricsOf(p.toDefinition())));
		return List.copyOf(wanted);
	}

	private Optional<SchoolYear> openYear() {
		return this.years.all().stream().filter((y) -> y.open()).reduce((a, b) -> b).map((y) -> y.year());
	}

	private static List<Metric> pendingMetrics(PlanEntity draft) {
		return (draft.getPendingMetrics() != null)
				? JSON.readValue(draft.getPendingMetrics(), new TypeReference<List<Metric>>() {
				}) : List.of();
	}

	private static List<MetricRule> pendingRules(PlanEntity draft) {
		return (draft.getPendingRules() != null)
				? JSON.readValue(draft.getPendingRules(), new TypeReference<List<MetricRule>>() {
				}) : null;
	}

	private static PlanDefinition withIndicators(PlanDefinition plan, List<IndicatorDefinition> indicators) {
		return new PlanDefinition(plan.code(), plan.documentNumber(), plan.titleVi(), plan.titleEn(), plan.issuer(),
				plan.issued(), plan.baselineYear(), plan.targetYear(), indicators);
	}

	private static Reading problem(int indicator, String field, String key, Object... args) {
		return new Reading(null,
				List.of(new PlanText.FieldProblem(indicator, field, new DefinitionProblem("", 0, key, List.of(args)))));
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	/**
	 * What a change to a draft gave.
	 *
	 * @param summary the draft after the change, null when nothing was stored
	 * @param reading the plan read, or the problems by field
	 */
	public record Saved(PlanSummary summary, Reading reading) {

		public boolean ok() {
			return this.summary != null;
		}

	}

	/**
	 * What publishing a draft would do.
	 *
	 * @param draft the draft
	 * @param newMetrics the metrics it reads that the published version does not
	 * @param nextYear the next school year to be opened (the default start of the new
	 * metrics), null when there is no school year
	 * @param openYear the school year open now, if any
	 */
	public record Publication(PlanSummary draft, List<Metric> newMetrics, SchoolYear nextYear, SchoolYear openYear) {
	}

}
