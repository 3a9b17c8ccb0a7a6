package vn.chitieu.planning;

import java.time.LocalDate;
import java.util.List;

import vn.chitieu.orgunit.SchoolYear;

/**
 * A plan (kế hoạch) as its definition file states it.
 *
 * @param code its code, e.g. {@code KH-157-UBND-2022}
 * @param documentNumber the document's number, e.g. "157/KH-UBND"
 * @param titleVi its title
 * @param titleEn its title in English
 * @param issuer who issued it
 * @param issued when, may be null
 * @param baselineYear the school year its progress is measured from
 * @param targetYear the school year its targets are for
 * @param indicators its indicators, in the plan's order
 */
public record PlanDefinition(String code, String documentNumber, String titleVi, String titleEn, String issuer,
		LocalDate issued, SchoolYear baselineYear, SchoolYear targetYear, List<IndicatorDefinition> indicators) {

	public PlanDefinition {
		indicators = List.copyOf(indicators);
	}

}
