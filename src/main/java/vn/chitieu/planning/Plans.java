package vn.chitieu.planning;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans loaded, with their indicators and targets.
 */
@Service
@Transactional(readOnly = true)
public class Plans {

	private final PlanRepository plans;

	Plans(PlanRepository plans) {
		this.plans = plans;
	}

	/**
	 * All plans, the most recent target year first.
	 * @return the plans
	 */
	public List<PlanSummary> all() {
		return this.plans.findAllByOrderByTargetYearDescCodeAsc().stream().map(PlanEntity::toSummary).toList();
	}

	public Optional<LoadedPlan> find(String code) {
		return this.plans.findByCode(code).map((p) -> new LoadedPlan(p.toSummary(), p.toDefinition()));
	}

	/**
	 * A plan as loaded: where it came from, and what it says.
	 *
	 * @param summary its summary
	 * @param definition its indicators and targets
	 */
	public record LoadedPlan(PlanSummary summary, PlanDefinition definition) {

		public Optional<IndicatorDefinition> indicator(String code) {
			return this.definition.indicators().stream().filter((i) -> i.code().equals(code)).findFirst();
		}

	}

}
