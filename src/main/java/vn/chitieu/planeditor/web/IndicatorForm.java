package vn.chitieu.planeditor.web;

import vn.chitieu.planning.definition.PlanText;

/**
 * An indicator as the form sends it: the measure and target written as in the definition
 * file (docs/plan-format.md).
 *
 * @param code its code
 * @param level MN, TH, THCS or ALL
 * @param clause the plan's section
 * @param quote the plan's own words
 * @param nameVi its name
 * @param nameEn its name in English
 * @param unit percent, schools…
 * @param measure how its value is computed
 * @param target its target
 * @param milestones the target's yearly milestones
 * @param flawVi a flaw of the plan, if any
 * @param flawEn the same in English
 * @param readingVi the reading used
 * @param readingEn the same in English
 * @param alternative the flaw's other computation, carried unchanged
 */
record IndicatorForm(String code, String level, String clause, String quote, String nameVi, String nameEn, String unit,
		String measure, String target, String milestones, String flawVi, String flawEn, String readingVi,
		String readingEn, String alternative) {

	static IndicatorForm empty() {
		return new IndicatorForm("", "", "", "", "", "", "percent", "", "", "", "", "", "", "", "");
	}

	static IndicatorForm of(PlanText.IndicatorFields f) {
		return new IndicatorForm(f.code(), f.level(), f.clause(), f.quote(), f.nameVi(), f.nameEn(), f.unit(),
				f.measure(), f.target(), f.milestones(), f.flawVi(), f.flawEn(), f.readingVi(), f.readingEn(),
				f.alternative());
	}

	PlanText.IndicatorFields toFields() {
		return new PlanText.IndicatorFields(HeaderForm.strip(this.code), this.level, this.clause, this.quote,
				this.nameVi, this.nameEn, this.unit, this.measure, this.target, this.milestones, this.flawVi,
				this.flawEn, this.readingVi, this.readingEn, this.alternative);
	}

}
