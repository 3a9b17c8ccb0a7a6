package vn.chitieu.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.planning.TargetShape;
import vn.chitieu.progress.IndicatorDetail;
import vn.chitieu.progress.TargetProgress;

/**
 * The data of an indicator's chart, as JSON for {@code app.js}: the yearly values, the
 * target line, the expected path and the trend projected to the target year; which values
 * are estimates from incomplete figures (drawn hollow, said so in the tooltip).
 */
@Component
class ChartData {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	ChartData(MessageSource messages) {
		this.messages = messages;
	}

	String json(IndicatorDetail detail, Locale locale) {
		var plan = detail.definition();
		var indicator = detail.progress().indicator();
		var target = indicator.targets().get(0);
		var years = new ArrayList<SchoolYear>();
		for (var y = plan.baselineYear(); !y.isAfter(plan.targetYear()); y = y.next()) {
			years.add(y);
		}
		var actual = new ArrayList<BigDecimal>();
		// Values that are estimates (incomplete figures, year still open) are drawn
		// hollow.
		var estimates = new ArrayList<Boolean>();
		var goal = new ArrayList<BigDecimal>();
		var high = new ArrayList<BigDecimal>();
		var expected = new ArrayList<BigDecimal>();
		var trend = new ArrayList<BigDecimal>();
		TargetProgress last = null;
		for (var year : years) {
			var progress = detail.progress().year(year);
			var main = progress.map((p) -> p.main()).orElse(null);
			actual.add(progress.map((p) -> round(p.result().value())).orElse(null));
			estimates.add(progress.map((p) -> p.estimate()).orElse(false));
			BigDecimal line = (main != null && main.goal() != null) ? main.goal() : target.value();
			if (target.shape() == TargetShape.BETWEEN) {
				line = target.value();
			}
			goal.add(target.increment() ? null : round(line));
			high.add((target.shape() == TargetShape.BETWEEN) ? round(target.high()) : null);
			expected.add((main != null) ? round(main.expected()) : null);
			if (main != null && main.value() != null) {
				last = main;
			}
		}
		// The projection: from the last value to where the trend leads.
		var shown = detail.progress().latest().year();
		if (last != null && last.projection() != null && last.projection().value() != null
				&& shown.isBefore(target.targetYear())) {
			int from = years.indexOf(shown);
			int to = years.indexOf(target.targetYear());
			for (int i = 0; i < years.size(); i++) {
				trend.add(null);
			}
			if (from >= 0 && to > from && actual.get(from) != null) {
				trend.set(from, actual.get(from));
				trend.set(to, round(last.projection().value()));
			}
		}
		var series = new ArrayList<Map<String, Object>>();
		series.add(series("actual", msg("progress.chart.actual", locale), actual));
		if (goal.stream().anyMatch((v) -> v != null)) {
			series.add(series("target",
					msg((target.shape() == TargetShape.BETWEEN) ? "progress.chart.low" : "progress.chart.target",
							locale),
					goal));
		}
		if (high.stream().anyMatch((v) -> v != null)) {
			series.add(series("high", msg("progress.chart.high", locale), high));
		}
		if (expected.stream().anyMatch((v) -> v != null)) {
			series.add(series("expected", msg("progress.chart.expected", locale), expected));
		}
		if (trend.stream().anyMatch((v) -> v != null)) {
			series.add(series("trend", msg("progress.chart.trend", locale), trend));
		}
		var chart = new LinkedHashMap<String, Object>();
		chart.put("labels", years.stream().map(SchoolYear::label).toList());
		chart.put("percent", indicator.unit().isPercent());
		chart.put("unit", this.messages.getMessage("indicator.unit." + indicator.unit().name(), null, locale));
		chart.put("locale", "en".equals(locale.getLanguage()) ? "en-GB" : "vi-VN");
		chart.put("series", series);
		chart.put("estimates", estimates);
		chart.put("estimateLabel", msg("progress.estimate", locale));
		return JSON.writeValueAsString(chart);
	}

	private static Map<String, Object> series(String key, String label, List<BigDecimal> data) {
		var series = new LinkedHashMap<String, Object>();
		series.put("key", key);
		series.put("label", label);
		series.put("data", data);
		return series;
	}

	private static BigDecimal round(BigDecimal value) {
		return (value != null) ? value.setScale(2, RoundingMode.HALF_UP) : null;
	}

	private String msg(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
