package vn.chitieu.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import vn.chitieu.orgunit.SchoolYear;

/**
 * A loaded plan, without its indicators.
 *
 * @param id its id
 * @param code its code
 * @param documentNumber the document's number
 * @param titleVi its title
 * @param titleEn its title in English
 * @param issuer who issued it
 * @param issued when, may be null
 * @param baselineYear the school year progress is measured from
 * @param targetYear the school year its targets are for
 * @param indicatorCount how many indicators it has
 * @param source the definition file it was loaded from
 * @param loadedAt when it was loaded (or last changed, for a draft)
 * @param number the version's number, from 1
 * @param status draft, published or archived
 * @param createdBy who started this version
 * @param publishedBy who published it, null for a draft
 * @param publishedAt when, null for a draft
 * @param revision the row's revision, to refuse an edit over someone else's
 */
public record PlanSummary(long id, String code, String documentNumber, String titleVi, String titleEn, String issuer,
		LocalDate issued, SchoolYear baselineYear, SchoolYear targetYear, int indicatorCount, String source,
		Instant loadedAt, int number, PlanStatus status, String createdBy, String publishedBy, Instant publishedAt,
		int revision) {

	public String title(Locale locale) {
		return Metric.isEnglish(locale) ? this.titleEn : this.titleVi;
	}

	public boolean isDraft() {
		return this.status == PlanStatus.DRAFT;
	}

}
