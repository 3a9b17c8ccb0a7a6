package vn.chitieu.dashboard;

import java.util.List;

import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.progress.ProgressStatus;

/**
 * One indicator of the overview as the page shows it, every text already formatted in the
 * reader's language: the page reads plain fields instead of formatting each cell (80 rows
 * × 5 years) on every request.
 *
 * @param level the indicator's level (its group on the page)
 * @param status its status in the last year shown (for the filter)
 * @param code its code
 * @param name its name
 * @param flaw the plan's flaw in words, null when none
 * @param targets its targets as short formulas, joined with "; "
 * @param cells its value each year
 * @param statusClass the CSS classes of its status badge
 * @param verdict its status in words
 * @param arrow the trend's arrow, empty when unknown
 * @param observedPace the pace observed, empty when unknown
 * @param neededPace the pace still needed, empty when met or unknown
 */
record OverviewRow(IndicatorLevel level, ProgressStatus status, String code, String name, String flaw, String targets,
		List<Cell> cells, String statusClass, String verdict, String arrow, String observedPace, String neededPace) {

	OverviewRow {
		cells = List.copyOf(cells);
	}

	/**
	 * An indicator's value in one school year.
	 *
	 * @param year the school year's label
	 * @param value the value with its unit, "–" for none
	 * @param partial for a value from incomplete figures, how many units it was computed
	 * from ("26/28", "tạm tính · 26/28"); null otherwise
	 * @param partialTitle the same in a sentence ("Tính từ 26/28 trường có số liệu đã
	 * duyệt"); null when {@code partial} is
	 */
	record Cell(String year, String value, String partial, String partialTitle) {
	}

}
