package vn.chitieu.planeditor.web;

import vn.chitieu.planning.definition.PlanText;

/**
 * A plan's header as the form sends it.
 *
 * @param code its code
 * @param documentNumber the document's number
 * @param titleVi its title
 * @param titleEn its title in English
 * @param issuer who issued it
 * @param issued when (year-month-day)
 * @param baselineYear the baseline school year, e.g. 2025-2026
 * @param targetYear the target school year
 */
record HeaderForm(String code, String documentNumber, String titleVi, String titleEn, String issuer, String issued,
		String baselineYear, String targetYear) {

	static HeaderForm empty() {
		return new HeaderForm("", "", "", "", "", "", "", "");
	}

	static HeaderForm of(PlanText.Header header) {
		return new HeaderForm(header.code(), header.documentNumber(), header.titleVi(), header.titleEn(),
				header.issuer(), header.issued(), header.baselineYear(), header.targetYear());
	}

	PlanText.Header toHeader() {
		return new PlanText.Header(strip(this.code), strip(this.documentNumber), strip(this.titleVi),
				strip(this.titleEn), strip(this.issuer), strip(this.issued), strip(this.baselineYear),
				strip(this.targetYear));
	}

	static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

}
