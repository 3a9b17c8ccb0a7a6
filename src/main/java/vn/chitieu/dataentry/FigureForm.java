package vn.chitieu.dataentry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.chitieu.orgunit.School;
import vn.chitieu.orgunit.SchoolYearStatus;
import vn.chitieu.orgunit.UnitRef;

/**
 * A unit's figures for a school year, as its form shows them.
 *
 * @param unit the unit
 * @param school the school, when the unit is one
 * @param year the school year and whether it is open
 * @param submission the submission, if started
 * @param sections the parts of the form
 * @param values the figures entered
 * @param notes the evidence notes (district figures)
 * @param lastYear the unit's figures of the previous school year
 * @param editable whether this user may change the figures now
 * @param reviewable whether this user may approve, return or reopen it now
 * @param violations what the current figures break (missing figures, cross-field rules)
 * @param warnings the figures that look implausible, with the unit's explanations
 */
public record FigureForm(UnitRef unit, Optional<School> school, SchoolYearStatus year,
		Optional<SubmissionSummary> submission, List<FormSection> sections, Map<FigureKey, BigDecimal> values,
		Map<FigureKey, String> notes, Map<FigureKey, BigDecimal> lastYear, boolean editable, boolean reviewable,
		List<FigureViolation> violations, List<FigureWarning> warnings) {

	/**
	 * @return the submission's version, or -1 before it is started (for optimistic
	 * locking)
	 */
	public int version() {
		return this.submission.map(SubmissionSummary::version).orElse(-1);
	}

	/**
	 * @param key a figure
	 * @return what looks implausible about it, nothing when all looks right
	 */
	public List<FigureWarning> warnings(FigureKey key) {
		return this.warnings.stream().filter((w) -> w.key().equals(key)).toList();
	}

	/**
	 * @param others the warnings of figures as sent in a refused save
	 * @return this form with those warnings instead of the stored figures'
	 */
	public FigureForm withWarnings(List<FigureWarning> others) {
		return new FigureForm(this.unit, this.school, this.year, this.submission, this.sections, this.values,
				this.notes, this.lastYear, this.editable, this.reviewable, this.violations, List.copyOf(others));
	}

	/**
	 * @return how many fields the form has
	 */
	public int fieldCount() {
		return this.sections.stream().mapToInt((s) -> s.metrics().size()).sum();
	}

}
