package vn.chitieu.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chitieu.planning.MeasureDescriber;
import vn.chitieu.progress.IndicatorProgress;
import vn.chitieu.progress.PlanProgress;
import vn.chitieu.progress.ProgressFormat;
import vn.chitieu.platform.RecentlyUsed;

/**
 * The overview's rows, formatted once for each computed {@link PlanProgress} (a plan, a
 * school year, approved or submitted figures, one data version) and each language, and
 * kept while that progress is the current one.
 * <p>
 * {@code Progress.plan} returns the same object until the data change, so an entry is
 * reused exactly as long as the progress it was made from: a figure approved a moment ago
 * gives a new progress, hence new rows, on the next request.
 */
@Component
class OverviewRows {

	private static final int CACHED = 64;

	private final ProgressFormat format;

	private final MeasureDescriber describer;

	private final MessageSource messages;

	private final Map<Key, Entry> cache = RecentlyUsed.map(CACHED);

	OverviewRows(ProgressFormat format, MeasureDescriber describer, MessageSource messages) {
		this.format = format;
		this.describer = describer;
		this.messages = messages;
	}

	/**
	 * @param progress a plan's progress
	 * @param locale the reader's language
	 * @return every indicator's row, in the plan's order
	 */
	List<OverviewRow> rows(PlanProgress progress, Locale locale) {
		var key = new Key(progress.plan().code(), progress.asOf().startYear(), progress.includeSubmitted(), locale);
		var cached = this.cache.get(key);
		if (cached != null && cached.progress() == progress) {
			return cached.rows();
		}
		var rows = build(progress, locale);
		this.cache.put(key, new Entry(progress, rows));
		return rows;
	}

	/**
	 * @param progress a plan's progress
	 * @param locale a language
	 * @return every indicator's row, formatted now
	 */
	List<OverviewRow> build(PlanProgress progress, Locale locale) {
		var pf = this.format.in(locale);
		var estimate = this.messages.getMessage("progress.estimate", null, locale);
		var rows = new ArrayList<OverviewRow>(progress.indicators().size());
		for (var p : progress.indicators()) {
			rows.add(row(p, progress.includeSubmitted(), pf, estimate, locale));
		}
		return List.copyOf(rows);
	}

	private OverviewRow row(IndicatorProgress p, boolean submitted, ProgressFormat pf, String estimate, Locale locale) {
		var i = p.indicator();
		var latest = p.latest();
		var main = latest.main();
		var cells = new ArrayList<OverviewRow.Cell>(p.years().size());
		for (var y : p.years()) {
			var result = y.result();
			String partial = null;
			String title = null;
			if (result.value() != null && !result.complete()) {
				var shortText = pf.completenessShort(result);
				partial = y.estimate() ? estimate + " · " + shortText : shortText;
				title = pf.completeness(result, i.measure(), submitted);
			}
			cells.add(new OverviewRow.Cell(y.year().label(), pf.value(i, result.value()), partial, title));
		}
		var targets = String.join("; ",
				i.targets().stream().map((t) -> this.describer.target(t, i.unit(), locale)).toList());
		return new OverviewRow(i.level(), latest.status(), i.code(), i.name(locale),
				(i.flaw() != null) ? i.flaw().text(locale) : null, targets, cells,
				"pstatus pstatus-" + latest.status().name() + (latest.provisional() ? " provisional" : ""),
				pf.verdict(latest, i), pf.arrow(main.projection()), pf.observedPace(main, i), pf.neededPace(main, i));
	}

	private record Key(String plan, int asOf, boolean submitted, Locale locale) {
	}

	private record Entry(PlanProgress progress, List<OverviewRow> rows) {
	}

}
