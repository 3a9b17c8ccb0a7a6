package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import vn.chitieu.audit.AuditFilter;
import vn.chitieu.audit.AuditLog;
import vn.chitieu.audit.AuditRecord;
import vn.chitieu.orgunit.EducationLevel;
import vn.chitieu.orgunit.OrgUnits;
import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.orgunit.SchoolYearStatus;
import vn.chitieu.orgunit.SchoolYears;
import vn.chitieu.orgunit.UnitKind;
import vn.chitieu.orgunit.UnitRef;
import vn.chitieu.planning.Metric;
import vn.chitieu.planning.MetricCatalog;
import vn.chitieu.planning.MetricSections;
import vn.chitieu.planning.Plans;
import vn.chitieu.security.CurrentUser;
import vn.chitieu.security.UnitAccess;

/**
 * The yearly forms of schools, wards and the Office: what each shows, saving drafts,
 * submitting, and the Office's review. Who may do what is checked here, whatever the
 * request carries: a school or ward user reaches only its own unit.
 */
@Service
public class FigureForms {

	/** The audit action of a figure's change. */
	public static final String FIGURE_CHANGED = "FIGURE_CHANGED";

	/** The audit action of a submission's change of status. */
	public static final String STATUS_CHANGED = "STATUS_CHANGED";

	private static final int MAX_NOTE = 1000;

	private static final int MAX_EXPLANATION = 500;

	private final OrgUnits units;

	private final SchoolYears years;

	private final Plans plans;

	private final MetricCatalog catalog;

	private final Submissions submissions;

	private final SubmissionRepository repository;

	private final FigureStore store;

	private final AuditLog audit;

	private final UnitAccess access;

	private final ReportThread thread;

	FigureForms(OrgUnits units, SchoolYears years, Plans plans, MetricCatalog catalog, Submissions submissions,
			SubmissionRepository repository, FigureStore store, AuditLog audit, UnitAccess access,
			ReportThread thread) {
		this.thread = thread;
		this.units = units;
		this.years = years;
		this.plans = plans;
		this.catalog = catalog;
		this.submissions = submissions;
		this.repository = repository;
		this.store = store;
		this.audit = audit;
		this.access = access;
	}

	/**
	 * A unit's form for a school year.
	 * @param user who asks
	 * @param unitId the unit
	 * @param year the school year
	 * @return the form
	 * @throws AccessDeniedException if the user may not see the unit
	 */
	@Transactional(readOnly = true)
	public FigureForm open(CurrentUser user, long unitId, SchoolYear year) {
		this.access.checkRead(user, unitId);
		var unit = unit(unitId);
		var yearStatus = this.years.find(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var sections = sections(unit, year);
		var submission = this.submissions.find(unitId, year);
		if (submission.isEmpty() && !this.units.isInScope(unitId, year)) {
			// No form for a year the unit does not count for: a ward before it was formed
			// or after it was merged, a school before it opened or after it closed.
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		var stored = submission.map((s) -> this.store.load(s.id())).orElse(Map.of());
		var values = new LinkedHashMap<FigureKey, BigDecimal>();
		var notes = new LinkedHashMap<FigureKey, String>();
		stored.forEach((key, figure) -> {
			values.put(key, figure.value());
			if (figure.note() != null) {
				notes.put(key, figure.note());
			}
		});
		var lastYear = new LinkedHashMap<FigureKey, BigDecimal>();
		this.submissions.find(unitId, year.previous())
			.ifPresent((s) -> this.store.load(s.id()).forEach((key, figure) -> lastYear.put(key, figure.value())));
		boolean editable = isEditable(user, unit, yearStatus, submission.map(SubmissionSummary::status));
		boolean reviewable = isReviewable(user, unit, yearStatus, submission.map(SubmissionSummary::status));
		var violations = check(unit, sections, values, notes, false);
		var explanations = submission.map((s) -> this.store.explanations(s.id())).orElse(Map.of());
		var warnings = plausibility(unit, year, sections, values, lastYear, explanations);
		return new FigureForm(unit, this.units.school(unitId), yearStatus, submission, sections, values, notes,
				lastYear, editable, reviewable, violations, warnings);
	}

	/**
	 * Saves what a user typed as a draft, or submits it. Nothing is saved unless every
	 * value can be read and lies within its bounds; a submission also needs every figure
	 * and every cross-field rule satisfied.
	 * @param user who saves
	 * @param unitId the unit
	 * @param year the school year
	 * @param input what was typed
	 * @param mode a draft, an uploaded file, or a submission
	 * @return what became of it
	 * @throws AccessDeniedException if the user may not enter this unit's figures
	 */
	@Transactional
	public SaveOutcome save(CurrentUser user, long unitId, SchoolYear year, FigureInput input, SaveMode mode) {
		boolean submit = mode == SaveMode.SUBMIT;
		var unit = writableUnit(user, unitId);
		var yearStatus = this.years.find(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!yearStatus.open()) {
			return new SaveOutcome.Refused("figure.refused.yearClosed");
		}
		if (!this.units.isInScope(unitId, year)) {
			return new SaveOutcome.Refused("figure.refused.notInScope");
		}
		this.store.lockReport(unitId, year.startYear());
		var submission = this.repository.lockByUnitAndYear(unitId, year.startYear());
		var stored = submission.map((s) -> this.store.load(s.getId())).orElse(Map.of());
		var sections = sections(unit, year);
		int version = submission.map(Submission::getVersion).orElse(-1);
		if (version != input.version() && submission.isEmpty()) {
			// The form says it was opened on a report that does not exist (a forged or
			// broken request): nothing to compare with, nothing is saved.
			return new SaveOutcome.Refused("figure.refused.stale");
		}
		if (version != input.version()
				&& !(mode == SaveMode.UPLOAD && onlyOwnChangesSince(user, unitId, year, input))) {
			var current = submission.orElseThrow();
			var conflict = conflict(current, sections, input, stored, changesSince(unitId, year, input.openedAt()));
			return conflict.withWarnings(mergedWarnings(unit, year, sections, stored, conflict, input, current));
		}
		boolean district = unit.kind() == UnitKind.DISTRICT;
		if (submission.isPresent() && !district && !submission.get().getStatus().isEditable()) {
			return new SaveOutcome.Refused("figure.refused." + submission.get().getStatus().name());
		}
		var edits = edits(sections, input, stored);
		var problems = new ArrayList<>(
				allProblems(edits.violations(), check(unit, sections, edits.values(), edits.notes(), submit), mode));
		var explanations = new HashMap<FigureKey, String>(
				submission.map((s) -> this.store.explanations(s.getId())).orElse(Map.of()));
		input.explanations().forEach((key, text) -> {
			if (text == null || text.isBlank()) {
				explanations.remove(key);
			}
			else if (text.strip().length() > MAX_EXPLANATION) {
				problems.add(FigureViolation.of(List.of(key), "figure.error.noteTooLong", MAX_EXPLANATION));
			}
			else if (hasControlCharacter(text)) {
				problems.add(FigureViolation.of(List.of(key), "figure.error.noteControl"));
			}
			else {
				explanations.put(key, text.strip());
			}
		});
		var warnings = plausibility(unit, year, sections, edits.values(), lastYear(unitId, year), explanations);
		if (submit) {
			// A figure far from last year's or from similar schools' is sent only with
			// the
			// unit's word that it is right.
			warnings.stream()
				.filter((w) -> !w.explained())
				.map(FigureWarning::key)
				.distinct()
				.forEach((key) -> problems.add(FigureViolation.of(List.of(key), "figure.error.unexplained")));
		}
		if (!problems.isEmpty()) {
			return new SaveOutcome.Invalid(problems, warnings);
		}
		var now = Instant.now();
		var actor = user.getUsername();
		var entity = submission
			.orElseGet(() -> this.repository.saveAndFlush(new Submission(unitId, year.startYear(), actor, now)));
		var audits = new ArrayList<AuditRecord>();
		int changed = apply(entity, stored, edits, actor, now, audits);
		input.explanations().forEach((key, text) -> {
			if (explanations.containsKey(key)) {
				this.store.explain(entity.getId(), key, explanations.get(key), actor, now);
			}
			else {
				this.store.unexplain(entity.getId(), key);
			}
		});
		var before = entity.getStatus();
		if (changed > 0 || submit || submission.isEmpty()) {
			if (district) {
				entity.enteredByOffice(actor, now);
			}
			else {
				entity.edited(actor, now);
			}
			if (submit) {
				entity.submit(actor, now);
				// The Office's comments that asked for this are now answered.
				this.thread.answered(entity.getId(), now);
			}
		}
		if (entity.getStatus() != before) {
			audits.add(statusChange(entity, before, null));
		}
		this.repository.saveAndFlush(entity);
		if (!audits.isEmpty()) {
			this.audit.record(actor, audits);
		}
		return new SaveOutcome.Saved(changed, submit, entity.getVersion());
	}

	/**
	 * Saves, as a draft, the few fields the form in the browser sends as the user leaves
	 * them: the save of {@link #save}, with its checks and its refusal when someone else
	 * saved since the form was loaded.
	 * @param user who saves
	 * @param unitId the unit
	 * @param year the school year
	 * @param input the fields sent, with what they held when the form was loaded
	 * @return what became of it; refused when the input does not say what the fields held
	 * (only so can the save leave the fields not sent alone)
	 */
	@Transactional
	public SaveOutcome autosave(CurrentUser user, long unitId, SchoolYear year, FigureInput input) {
		writableUnit(user, unitId);
		if (!input.tracked()) {
			return new SaveOutcome.Refused("figure.refused.untracked");
		}
		return save(user, unitId, year, input, SaveMode.DRAFT);
	}

	/**
	 * What saving would find wrong, without saving: the checks of {@link #save} for a
	 * mode.
	 * @param user who would save
	 * @param unitId the unit
	 * @param year the school year
	 * @param input what was typed
	 * @param mode how strictly to check
	 * @return the problems that would stop the save
	 */
	@Transactional(readOnly = true)
	public List<FigureViolation> check(CurrentUser user, long unitId, SchoolYear year, FigureInput input,
			SaveMode mode) {
		var unit = writableUnit(user, unitId);
		var sections = sections(unit, year);
		var parsed = parse(sections, input);
		return allProblems(parsed.violations(),
				check(unit, sections, parsed.values(), parsed.notes(), mode == SaveMode.SUBMIT), mode);
	}

	/**
	 * Every problem that stops a save, at once: the values that cannot be read, and what
	 * the values that can be read break (bounds, rules, blanks). A field whose text
	 * cannot be read is not also said to be blank.
	 */
	static List<FigureViolation> allProblems(List<FigureViolation> unreadable, List<FigureViolation> checked,
			SaveMode mode) {
		var problems = new ArrayList<FigureViolation>(unreadable);
		var unreadableKeys = unreadable.stream().flatMap((v) -> v.keys().stream()).collect(Collectors.toSet());
		checked.stream()
			.filter((p) -> isBlocking(p, mode))
			.filter((p) -> !(p.key().equals("figure.error.required") && unreadableKeys.containsAll(p.keys())))
			.forEach(problems::add);
		return problems;
	}

	/**
	 * What a reviewer should look at first in a form: the largest changes from last year
	 * and the rules that hold only just.
	 * @param form the form, as opened
	 * @param locale the language of the names
	 * @return the summary
	 */
	public ReviewSummary summary(FigureForm form, java.util.Locale locale) {
		return ReviewSummary.of(form, this.catalog.rules(), locale);
	}

	/**
	 * Throws unless the user may enter the unit's figures.
	 * @param user the user
	 * @param unitId the unit
	 * @return the unit
	 */
	UnitRef writableUnit(CurrentUser user, long unitId) {
		this.access.checkRead(user, unitId);
		var unit = unit(unitId);
		if (!this.access.canWrite(user, unit)) {
			throw new AccessDeniedException("User " + user.getUsername() + " may not enter figures of unit " + unitId);
		}
		return unit;
	}

	/**
	 * The Office approves a submitted report; its figures are locked and count in
	 * reports.
	 * @param user who reviews
	 * @param submissionId the submission
	 * @param version its version when the reviewer opened it
	 * @return what became of it
	 */
	@Transactional
	public SaveOutcome approve(CurrentUser user, long submissionId, int version) {
		return review(user, submissionId, version, null, Submission::approve);
	}

	/**
	 * The Office returns a submitted report to its unit with a comment saying what to
	 * fix.
	 * @param user who reviews
	 * @param submissionId the submission
	 * @param version its version when the reviewer opened it
	 * @param comment what to fix (required)
	 * @return what became of it
	 */
	@Transactional
	public SaveOutcome returnWith(CurrentUser user, long submissionId, int version, String comment) {
		return review(user, submissionId, version, comment, (s, by, now) -> {
			s.returnWith(comment, by, now);
			this.thread.add(s.getId(), ReportMessage.Kind.RETURN, by, now, comment.strip());
		});
	}

	/**
	 * The Office reopens an approved report, with the reason, so that its unit can
	 * correct it.
	 * @param user who reviews
	 * @param submissionId the submission
	 * @param version its version when the reviewer opened it
	 * @param reason why (required)
	 * @return what became of it
	 */
	@Transactional
	public SaveOutcome reopen(CurrentUser user, long submissionId, int version, String reason) {
		return review(user, submissionId, version, reason, (s, by, now) -> {
			s.reopen(reason, by, now);
			this.thread.add(s.getId(), ReportMessage.Kind.REOPEN, by, now, reason.strip());
		});
	}

	private SaveOutcome review(CurrentUser user, long submissionId, int version, String comment, Step step) {
		if (!this.access.canReview(user)) {
			throw new AccessDeniedException("User " + user.getUsername() + " does not review submissions");
		}
		var submission = this.repository.lockById(submissionId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var year = SchoolYear.of(submission.getSchoolYear());
		if (submission.getVersion() != version) {
			return new SaveOutcome.Conflict(submission.getUpdatedBy(), submission.getUpdatedAt(), List.of());
		}
		if (!this.years.isOpen(year)) {
			return new SaveOutcome.Refused("figure.refused.yearClosed");
		}
		if (comment != null && comment.isBlank() || comment != null && comment.length() > MAX_NOTE) {
			return new SaveOutcome.Invalid(List.of(FigureViolation.of(List.of(), "review.error.comment", MAX_NOTE)));
		}
		if (comment != null && hasControlCharacter(comment)) {
			return new SaveOutcome.Invalid(List.of(FigureViolation.of(List.of(), "review.error.commentControl")));
		}
		var before = submission.getStatus();
		try {
			step.apply(submission, user.getUsername(), Instant.now());
		}
		catch (WorkflowException ex) {
			return new SaveOutcome.Refused("review.refused." + before.name());
		}
		this.repository.saveAndFlush(submission);
		this.audit.record(user.getUsername(), statusChange(submission, before, comment));
		return new SaveOutcome.Saved(0, false);
	}

	/**
	 * Whether a text holds a control character other than a tab or a line break: a NUL
	 * cannot be stored in PostgreSQL, and none belongs in a note or a comment.
	 */
	static boolean hasControlCharacter(String text) {
		return text.chars().anyMatch((c) -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F);
	}

	/** A review step on a submission. */
	@FunctionalInterface
	private interface Step {

		void apply(Submission submission, String by, Instant now);

	}

	// ------------------------------------------------------------------ the form's shape

	/**
	 * The sections of a unit's form for a year, grouped by section. A school is asked,
	 * for each of its levels, the metrics its plans need that year; a ward and the Office
	 * are asked all of theirs (a few yearly statistics).
	 */
	List<FormSection> sections(UnitRef unit, SchoolYear year) {
		var inUse = (unit.kind() == UnitKind.SCHOOL) ? this.plans.metricsInUse(year) : null;
		Set<EducationLevel> levels = (unit.kind() == UnitKind.SCHOOL) ? this.units.school(unit.id())
			.map((s) -> (Set<EducationLevel>) EnumSet.copyOf(s.levels()))
			.orElseThrow() : new LinkedHashSet<>(java.util.Collections.singleton(null));
		var sections = new ArrayList<FormSection>();
		for (var level : levels) {
			var metrics = this.catalog.reportedBy(unit.kind(), level)
				.stream()
				.filter((m) -> inUse == null || inUse.contains(m.code()))
				.toList();
			for (var section : MetricSections.allowed(unit.kind())) {
				var inSection = metrics.stream().filter((m) -> m.section().equals(section)).toList();
				if (!inSection.isEmpty()) {
					sections.add(new FormSection(section, level, inSection));
				}
			}
		}
		return sections;
	}

	private boolean isEditable(CurrentUser user, UnitRef unit, SchoolYearStatus year,
			Optional<SubmissionStatus> status) {
		return this.access.canWrite(user, unit) && year.open()
				&& (unit.kind() == UnitKind.DISTRICT || status.map(SubmissionStatus::isEditable).orElse(true));
	}

	private boolean isReviewable(CurrentUser user, UnitRef unit, SchoolYearStatus year,
			Optional<SubmissionStatus> status) {
		return this.access.canReview(user) && unit.kind() != UnitKind.DISTRICT && year.open()
				&& status.map((s) -> s == SubmissionStatus.SUBMITTED || s == SubmissionStatus.APPROVED).orElse(false);
	}

	private UnitRef unit(long unitId) {
		return this.units.unit(unitId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	// ------------------------------------------------------------------ reading and
	// checking

	private Parsed parse(List<FormSection> sections, FigureInput input) {
		var values = new LinkedHashMap<FigureKey, BigDecimal>();
		var notes = new LinkedHashMap<FigureKey, String>();
		var violations = new ArrayList<FigureViolation>();
		for (var section : sections) {
			for (var metric : section.metrics()) {
				var key = section.key(metric);
				var result = NumberInput.parse(input.raw().get(key), metric.type());
				if (result.error() != null) {
					violations.add(FigureViolation.of(List.of(key), result.error()));
				}
				else if (result.value() != null) {
					values.put(key, result.value());
				}
				var note = input.notes().get(key);
				if (note != null && !note.isBlank()) {
					if (note.length() > MAX_NOTE) {
						violations.add(FigureViolation.of(List.of(key), "figure.error.noteTooLong", MAX_NOTE));
					}
					else if (hasControlCharacter(note)) {
						violations.add(FigureViolation.of(List.of(key), "figure.error.noteControl"));
					}
					notes.put(key, note.strip());
				}
			}
		}
		return new Parsed(values, notes, violations);
	}

	/**
	 * What the figures of a form break: values out of bounds, cross-field rules, and,
	 * when asked, missing figures; for the district, figures without an evidence note.
	 */
	private List<FigureViolation> check(UnitRef unit, List<FormSection> sections, Map<FigureKey, BigDecimal> values,
			Map<FigureKey, String> notes, boolean requireAll) {
		var violations = new ArrayList<FigureViolation>();
		var byLevel = new LinkedHashMap<EducationLevel, List<Metric>>();
		for (var section : sections) {
			byLevel.computeIfAbsent(section.level(), (l) -> new ArrayList<>()).addAll(section.metrics());
		}
		byLevel.forEach((level, metrics) -> {
			var levelValues = new HashMap<String, BigDecimal>();
			values.forEach((key, value) -> {
				if (Objects.equals(key.level(), level)) {
					levelValues.put(key.metric(), value);
				}
			});
			for (var violation : FigureRules.check(levelValues, metrics, this.catalog.rules(), requireAll)) {
				var keys = violation.metrics().stream().map((m) -> new FigureKey(m, level)).sorted(KEY_ORDER).toList();
				violations.add(new FigureViolation(keys, violation.rule(), violation.key(), violation.args(),
						(violation.rule() != null) ? levelValues : Map.of()));
			}
		});
		if (unit.kind() == UnitKind.DISTRICT) {
			values.keySet()
				.stream()
				.filter((key) -> !notes.containsKey(key))
				.forEach((key) -> violations.add(FigureViolation.of(List.of(key), "figure.error.noteRequired")));
		}
		return violations;
	}

	/**
	 * The figures of a school that look implausible: far from its own last year's, or
	 * from the median of the other schools of the same level and ownership this year.
	 * Wards and the Office have no similar units and are not checked.
	 */
	private List<FigureWarning> plausibility(UnitRef unit, SchoolYear year, List<FormSection> sections,
			Map<FigureKey, BigDecimal> values, Map<FigureKey, BigDecimal> lastYear,
			Map<FigureKey, String> explanations) {
		var warnings = new ArrayList<FigureWarning>();
		if (unit.kind() != UnitKind.SCHOOL) {
			return warnings;
		}
		var peersByLevel = new HashMap<EducationLevel, Map<String, List<BigDecimal>>>();
		for (var section : sections) {
			var peers = peersByLevel.computeIfAbsent(section.level(),
					(level) -> this.store.peers(level, year.startYear(), unit.id()));
			for (var metric : section.metrics()) {
				var key = section.key(metric);
				var value = values.get(key);
				for (var warning : Plausibility.check(metric, value, lastYear.get(key),
						peers.getOrDefault(metric.code(), List.of()))) {
					warnings.add(new FigureWarning(key, value, warning, explanations.get(key)));
				}
			}
		}
		return warnings;
	}

	private Map<FigureKey, BigDecimal> lastYear(long unitId, SchoolYear year) {
		var lastYear = new HashMap<FigureKey, BigDecimal>();
		this.submissions.find(unitId, year.previous())
			.ifPresent((s) -> this.store.load(s.id()).forEach((key, figure) -> lastYear.put(key, figure.value())));
		return lastYear;
	}

	/**
	 * Whether a problem stops a save: a value problem always; a broken rule for an
	 * uploaded file or a submission; a missing figure for a submission.
	 */
	private static boolean isBlocking(FigureViolation problem, SaveMode mode) {
		boolean missing = problem.key().equals("figure.error.required");
		boolean rule = problem.rule() != null;
		return switch (mode) {
			case DRAFT -> !missing && !rule;
			case UPLOAD -> !missing;
			case SUBMIT -> true;
		};
	}

	private static final Comparator<FigureKey> KEY_ORDER = Comparator.comparing(FigureKey::label);

	// ------------------------------------------------------------------ writing

	/**
	 * Writes the figures a save changes: with a tracked form, only those whose value (or
	 * note) differs from what the form was loaded with; otherwise every field sent.
	 */
	private int apply(Submission submission, Map<FigureKey, FigureStore.Stored> stored, Edits edits, String actor,
			Instant now, List<AuditRecord> audits) {
		int changed = 0;
		for (var key : edits.writes()) {
			var before = stored.get(key);
			var value = edits.values().get(key);
			var note = (value != null) ? edits.notes().get(key) : null;
			boolean valueChanged = (before == null) ? value != null
					: value == null || before.value().compareTo(value) != 0;
			boolean noteChanged = value != null && !Objects.equals((before != null) ? before.note() : null, note);
			if (!valueChanged && !noteChanged) {
				continue;
			}
			if (value == null) {
				this.store.delete(submission.getId(), key);
			}
			else {
				this.store.put(submission.getId(), key, value, note, actor, now);
			}
			changed++;
			var record = AuditRecord.of(FIGURE_CHANGED, "figure", String.valueOf(submission.getId()))
				.withUnit(submission.getUnitId(), submission.getSchoolYear())
				.withChange(key.label(), (before != null) ? before.value().toPlainString() : null,
						(value != null) ? value.stripTrailingZeros().toPlainString() : null);
			audits.add(noteChanged ? record.withDetail(note) : record);
		}
		return changed;
	}

	// ------------------------------------------------------------------ what a user
	// changed

	/**
	 * What a save would leave in the form's fields, and which fields it writes. A field
	 * this user did not change keeps its stored value; a contested field must be chosen.
	 */
	private Edits edits(List<FormSection> sections, FigureInput input, Map<FigureKey, FigureStore.Stored> stored) {
		var values = new LinkedHashMap<FigureKey, BigDecimal>();
		var notes = new LinkedHashMap<FigureKey, String>();
		var writes = new LinkedHashSet<FigureKey>();
		var violations = new ArrayList<FigureViolation>();
		for (var section : sections) {
			for (var metric : section.metrics()) {
				var key = section.key(metric);
				var typed = typed(key, metric, input);
				boolean valueChanged = typed.valueChanged();
				boolean noteChanged = typed.noteChanged();
				if (input.tracked() && input.contested().contains(key) && onPage(key, input)) {
					var mine = input.keepMine().get(key);
					if (mine == null) {
						violations.add(FigureViolation.of(List.of(key), "figure.error.chooseConflict"));
						continue;
					}
					if (!mine) {
						valueChanged = false;
						noteChanged = false;
					}
				}
				if (valueChanged && typed.value().error() != null) {
					violations.add(FigureViolation.of(List.of(key), typed.value().error()));
				}
				if (noteChanged && typed.note() != null && typed.note().length() > MAX_NOTE) {
					violations.add(FigureViolation.of(List.of(key), "figure.error.noteTooLong", MAX_NOTE));
				}
				else if (noteChanged && typed.note() != null && hasControlCharacter(typed.note())) {
					violations.add(FigureViolation.of(List.of(key), "figure.error.noteControl"));
				}
				var before = stored.get(key);
				var value = valueChanged ? typed.value().value() : (before != null) ? before.value() : null;
				var note = noteChanged ? typed.note() : (before != null) ? before.note() : null;
				if (value != null) {
					values.put(key, value);
				}
				if (note != null) {
					notes.put(key, note);
				}
				if (valueChanged || noteChanged) {
					writes.add(key);
				}
			}
		}
		if (!input.tracked()) {
			// Everything sent is the form: a stored figure it does not hold goes.
			writes.addAll(stored.keySet());
		}
		return new Edits(values, notes, writes, violations);
	}

	/**
	 * What someone else saved since this user opened the form, merged with what this user
	 * changed.
	 */
	private SaveOutcome.Conflict conflict(Submission current, List<FormSection> sections, FigureInput input,
			Map<FigureKey, FigureStore.Stored> stored, List<SaveOutcome.FigureChange> changes) {
		var mine = new LinkedHashMap<FigureKey, String>();
		var mineNotes = new LinkedHashMap<FigureKey, String>();
		var contested = new LinkedHashSet<FigureKey>();
		for (var section : sections) {
			for (var metric : section.metrics()) {
				var key = section.key(metric);
				if (!onPage(key, input) || Boolean.FALSE.equals(input.keepMine().get(key))) {
					continue;
				}
				var typed = typed(key, metric, input);
				var before = stored.get(key);
				var theirs = (before != null) ? before.value() : null;
				if (typed.valueChanged() && input.raw().containsKey(key)) {
					mine.put(key, input.raw().get(key));
					boolean theyChanged = !input.tracked()
							|| !sameValue(theirs, NumberInput.parse(input.original().get(key), metric.type()).value());
					boolean same = typed.value().error() == null && sameValue(typed.value().value(), theirs);
					if (theyChanged && !same) {
						contested.add(key);
					}
				}
				if (typed.noteChanged()) {
					mineNotes.put(key, Objects.requireNonNullElse(typed.note(), ""));
				}
			}
		}
		return new SaveOutcome.Conflict(current.getUpdatedBy(), current.getUpdatedAt(), changes, mine, mineNotes,
				contested, List.of());
	}

	/**
	 * The warnings of the merge page: the plausibility of the figures as it shows them
	 * (this user's readable values over the stored ones), each with the explanation this
	 * user sent, else the stored one, so that an explanation typed before the save is
	 * neither lost nor asked for again.
	 */
	private List<FigureWarning> mergedWarnings(UnitRef unit, SchoolYear year, List<FormSection> sections,
			Map<FigureKey, FigureStore.Stored> stored, SaveOutcome.Conflict conflict, FigureInput input,
			Submission current) {
		var values = new HashMap<FigureKey, BigDecimal>();
		stored.forEach((key, figure) -> values.put(key, figure.value()));
		for (var section : sections) {
			for (var metric : section.metrics()) {
				var key = section.key(metric);
				var text = conflict.mine().get(key);
				if (text == null) {
					continue;
				}
				var typed = NumberInput.parse(text, metric.type());
				if (typed.error() == null && typed.value() != null) {
					values.put(key, typed.value());
				}
				else if (typed.error() == null) {
					values.remove(key);
				}
			}
		}
		var explanations = new HashMap<FigureKey, String>(this.store.explanations(current.getId()));
		input.explanations().forEach((key, text) -> {
			if (text != null && !text.isBlank()) {
				explanations.put(key, text.strip());
			}
		});
		return plausibility(unit, year, sections, values, lastYear(unit.id(), year), explanations);
	}

	/**
	 * What the user typed in one field, and whether it differs from what the field held
	 * when the form was loaded (the same number written differently is no change). Input
	 * that does not say what the form held is taken as typed, every field.
	 */
	private static Typed typed(FigureKey key, Metric metric, FigureInput input) {
		var text = input.raw().get(key);
		var value = NumberInput.parse(text, metric.type());
		var note = input.notes().get(key);
		note = (note == null || note.isBlank()) ? null : note.strip();
		if (!input.tracked()) {
			return new Typed(value, note, true, true);
		}
		boolean valueChanged = false;
		var originalText = input.original().get(key);
		if (input.raw().containsKey(key) && !strip(text).equals(strip(originalText))) {
			var original = NumberInput.parse(originalText, metric.type());
			valueChanged = value.error() != null || original.error() != null
					|| !sameValue(value.value(), original.value());
		}
		var originalNote = input.originalNotes().get(key);
		originalNote = (originalNote == null || originalNote.isBlank()) ? null : originalNote.strip();
		boolean noteChanged = input.notes().containsKey(key) && !Objects.equals(note, originalNote);
		return new Typed(value, note, valueChanged, noteChanged);
	}

	private static boolean onPage(FigureKey key, FigureInput input) {
		return input.raw().containsKey(key) || input.notes().containsKey(key);
	}

	private static boolean sameValue(BigDecimal a, BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

	/**
	 * One field as sent.
	 *
	 * @param value what its text reads as
	 * @param note its note, null when blank
	 * @param valueChanged whether the user changed its value
	 * @param noteChanged whether the user changed its note
	 */
	private record Typed(NumberInput.Result value, String note, boolean valueChanged, boolean noteChanged) {
	}

	/**
	 * What a save leaves in the form and writes.
	 *
	 * @param values the value of each field after the save
	 * @param notes the note of each field after the save
	 * @param writes the fields it writes
	 * @param violations what stops it
	 */
	private record Edits(Map<FigureKey, BigDecimal> values, Map<FigureKey, String> notes, Set<FigureKey> writes,
			List<FigureViolation> violations) {
	}

	private static AuditRecord statusChange(Submission submission, SubmissionStatus before, String comment) {
		return AuditRecord.of(STATUS_CHANGED, "submission", String.valueOf(submission.getId()))
			.withUnit(submission.getUnitId(), submission.getSchoolYear())
			.withChange("status", (before != null) ? before.name() : null, submission.getStatus().name())
			.withDetail(comment);
	}

	/**
	 * Whether every change to the report since the input was made is this user's own: a
	 * template uploaded again after its first upload went through, say. Nobody else's
	 * work can then be undone, so the file need not be refused as stale.
	 */
	private boolean onlyOwnChangesSince(CurrentUser user, long unitId, SchoolYear year, FigureInput input) {
		if (input.openedAt() == null) {
			return false;
		}
		var all = new AuditFilter(unitId, year.startYear(), null, null, input.openedAt(), null);
		var own = new AuditFilter(unitId, year.startYear(), user.getUsername(), null, input.openedAt(), null);
		return this.audit.count(all) == this.audit.count(own);
	}

	/** The figures of a unit and year changed by anyone since a moment. */
	private List<SaveOutcome.FigureChange> changesSince(long unitId, SchoolYear year, Instant since) {
		var filter = new AuditFilter(unitId, year.startYear(), null, FIGURE_CHANGED, since, null);
		return this.audit.search(filter, 0, 500)
			.stream()
			.filter((e) -> keyOf(e.field()) != null)
			.map((e) -> new SaveOutcome.FigureChange(keyOf(e.field()), e.oldValue(), e.newValue(), e.actor(),
					e.occurredAt()))
			.toList();
	}

	/**
	 * Reads the audit trail's name of a figure back ({@code TH/pupils}).
	 * @param label the name
	 * @return the figure, or null if the name is not one
	 */
	static FigureKey keyOf(String label) {
		var slash = label.indexOf('/');
		if (slash < 0) {
			return new FigureKey(label, null);
		}
		try {
			return new FigureKey(label.substring(slash + 1), EducationLevel.valueOf(label.substring(0, slash)));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private record Parsed(Map<FigureKey, BigDecimal> values, Map<FigureKey, String> notes,
			List<FigureViolation> violations) {
	}

}
