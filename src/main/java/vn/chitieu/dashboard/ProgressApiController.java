package vn.chitieu.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.PlanSummary;
import vn.chitieu.planning.Target;
import vn.chitieu.platform.Installation;
import vn.chitieu.progress.Gap;
import vn.chitieu.progress.IndicatorProgress;
import vn.chitieu.progress.MeasureResult;
import vn.chitieu.progress.Progress;
import vn.chitieu.progress.ProgressStatus;
import vn.chitieu.progress.TargetProgress;
import vn.chitieu.progress.UnitData;
import vn.chitieu.progress.UnitStanding;
import vn.chitieu.progress.YearProgress;

/**
 * The read-only JSON API of indicator progress, for integration (the city's systems, a
 * spreadsheet). For the Office and leaders only, with HTTP Basic; see
 * {@code docs/api.md}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class ProgressApiController {

	private final Progress progress;

	private final Installation installation;

	ProgressApiController(Progress progress, Installation installation) {
		this.progress = progress;
		this.installation = installation;
	}

	@GetMapping("/plans")
	List<PlanJson> plans() {
		return this.progress.plans().stream().map(PlanJson::of).toList();
	}

	@GetMapping("/plans/{planCode}/progress")
	PlanProgressJson plan(@PathVariable String planCode, @RequestParam(required = false) String year,
			@RequestParam(defaultValue = "false") boolean includeSubmitted) {
		var summary = summary(planCode);
		var plan = this.progress.plan(planCode, year(year, summary), includeSubmitted).orElseThrow();
		return new PlanProgressJson(PlanJson.of(summary), plan.asOf().label(), includeSubmitted,
				this.installation.hasSampleData(), new EnumMap<>(plan.totals()),
				plan.indicators().stream().map(IndicatorJson::of).toList());
	}

	@GetMapping("/plans/{planCode}/indicators/{code}/progress")
	IndicatorDetailJson indicator(@PathVariable String planCode, @PathVariable String code,
			@RequestParam(required = false) String year,
			@RequestParam(defaultValue = "false") boolean includeSubmitted) {
		var summary = summary(planCode);
		var detail = this.progress.indicator(planCode, code, year(year, summary), includeSubmitted)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "Unknown indicator: " + code));
		return new IndicatorDetailJson(PlanJson.of(summary), detail.progress().latest().year().label(),
				includeSubmitted, this.installation.hasSampleData(), IndicatorJson.of(detail.progress()),
				detail.breakdown().stream().map(UnitJson::of).toList());
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ErrorJson> problem(ApiProblem problem) {
		return ResponseEntity.status(problem.status).body(new ErrorJson(problem.status.value(), problem.getMessage()));
	}

	private PlanSummary summary(String code) {
		return this.progress.summary(code)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "Unknown plan: " + code));
	}

	private SchoolYear year(String text, PlanSummary plan) {
		if (text == null || text.isBlank()) {
			return this.progress.defaultYear(plan);
		}
		try {
			return SchoolYear.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "Not a school year (expected e.g. 2024-2025): " + text);
		}
	}

	/** A request the API cannot answer, said in plain words. */
	static final class ApiProblem extends RuntimeException {

		private final HttpStatus status;

		ApiProblem(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}

	}

	/** Numbers to four decimals, written plainly. */
	static BigDecimal round(BigDecimal value) {
		if (value == null) {
			return null;
		}
		var rounded = value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
		return (rounded.scale() < 0) ? rounded.setScale(0) : rounded;
	}

	// ------------------------------------------------------------------ what is written

	record ErrorJson(int status, String error) {
	}

	record PlanJson(String code, String documentNumber, String titleVi, String titleEn, String issuer,
			String baselineYear, String targetYear, int indicatorCount) {

		static PlanJson of(PlanSummary plan) {
			return new PlanJson(plan.code(), plan.documentNumber(), plan.titleVi(), plan.titleEn(), plan.issuer(),
					plan.baselineYear().label(), plan.targetYear().label(), plan.indicatorCount());
		}

	}

	record PlanProgressJson(PlanJson plan, String asOf, boolean includeSubmitted, boolean sampleData,
			Map<ProgressStatus, Integer> totals, List<IndicatorJson> indicators) {
	}

	record IndicatorDetailJson(PlanJson plan, String asOf, boolean includeSubmitted, boolean sampleData,
			IndicatorJson indicator, List<UnitJson> breakdown) {
	}

	record IndicatorJson(String code, String level, String clause, String nameVi, String nameEn, String unit,
			String direction, String measureKind, ProgressStatus status, boolean provisional, String flawVi,
			String flawEn, List<TargetJson> targets, List<YearJson> years) {

		static IndicatorJson of(IndicatorProgress progress) {
			var i = progress.indicator();
			return new IndicatorJson(i.code(), i.level().name(), i.clause(), i.nameVi(), i.nameEn(), i.unit().name(),
					i.direction().name(), i.measure().kind().name(), progress.latest().status(),
					progress.latest().provisional(), (i.flaw() != null) ? i.flaw().vi() : null,
					(i.flaw() != null) ? i.flaw().en() : null, i.targets().stream().map(TargetJson::of).toList(),
					progress.years().stream().map(YearJson::of).toList());
		}

	}

	record TargetJson(String shape, BigDecimal value, BigDecimal high, List<String> benchmarks, boolean increment,
			String targetYear, Map<String, BigDecimal> milestones, String textVi) {

		static TargetJson of(Target t) {
			var milestones = new java.util.LinkedHashMap<String, BigDecimal>();
			t.milestones().forEach((y, v) -> milestones.put(y.label(), v));
			return new TargetJson(t.shape().name(), t.value(), t.high(), t.benchmarks(), t.increment(),
					t.targetYear().label(), milestones, t.textVi());
		}

	}

	record YearJson(String year, BigDecimal value, boolean estimate, BoundsJson bounds, BigDecimal numerator,
			BigDecimal denominator, ProgressStatus status, boolean decided, boolean provisional, boolean closed,
			CompletenessJson completeness, BigDecimal alternative, List<TargetStatusJson> targets) {

		static YearJson of(YearProgress y) {
			var r = y.result();
			return new YearJson(y.year().label(), round(r.value()), y.estimate(), BoundsJson.of(r.bounds()),
					round(r.numerator()), round(r.denominator()), y.status(),
					y.status().isVerdict() && !y.provisional(), y.provisional(), y.closed(), CompletenessJson.of(r),
					round(y.alternative()), y.targets().stream().map(TargetStatusJson::of).toList());
		}

	}

	record BoundsJson(BigDecimal low, BigDecimal high) {

		static BoundsJson of(MeasureResult.Bounds bounds) {
			return (bounds == null) ? null : new BoundsJson(round(bounds.low()), round(bounds.high()));
		}

	}

	record CompletenessJson(int unitsInScope, int unitsWithFigures, int unitsDecided, int unitsUnknown,
			int wardsInScope, int wardsWithFigures, boolean complete) {

		static CompletenessJson of(MeasureResult r) {
			return new CompletenessJson(r.inScope(), r.used(), r.used(), r.unknown(), r.wardsInScope(), r.wardsUsed(),
					r.complete());
		}

	}

	record TargetStatusJson(ProgressStatus status, boolean decided, boolean provisional, BigDecimal value,
			BoundsJson bounds, BigDecimal goal, BigDecimal expected, BigDecimal projected, BigDecimal observedPace,
			BigDecimal neededPace, GapJson gap) {

		static TargetStatusJson of(TargetProgress t) {
			var p = t.projection();
			return new TargetStatusJson(t.status(), t.status().isVerdict() && !t.provisional(), t.provisional(),
					round(t.value()), BoundsJson.of(t.bounds()), round(t.goal()), round(t.expected()),
					(p != null) ? round(p.value()) : null, (p != null) ? round(p.observedPace()) : null,
					(p != null) ? round(p.neededPace()) : null, GapJson.of(t.gap()));
		}

	}

	record GapJson(BigDecimal amount, Gap.Kind kind, List<String> metrics, List<String> units, int unknown,
			List<String> unknownUnits) {

		static GapJson of(Gap gap) {
			return (gap == null) ? null
					: new GapJson(round(gap.amount()), gap.kind(), gap.metrics(),
							gap.units().stream().map(UnitData::code).toList(), gap.unknown(),
							gap.unknownUnits().stream().map(UnitData::code).toList());
		}

	}

	record UnitJson(long id, String code, String name, String kind, String level, String outcome, BigDecimal value,
			BigDecimal numerator, BigDecimal denominator, BigDecimal shortfall) {

		static UnitJson of(UnitStanding s) {
			var u = s.unit();
			var p = s.part();
			return new UnitJson(u.unitId(), u.code(), u.name(), u.kind().name(),
					(u.level() != null) ? u.level().name() : null, p.outcome().name(), round(p.value()),
					round(p.numerator()), round(p.denominator()), round(s.shortfall()));
		}

	}

}
