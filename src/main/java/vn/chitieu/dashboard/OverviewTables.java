package vn.chitieu.dashboard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import vn.chitieu.planning.IndicatorLevel;
import vn.chitieu.platform.Meters;
import vn.chitieu.progress.PlanProgress;
import vn.chitieu.progress.ProgressStatus;

/**
 * The overview's indicator tables (most of the page: 80 indicators, a cell per year),
 * rendered into HTML once per plan, year, data version, language and filter, and kept:
 * the next reader of the same overview gets the same HTML without Thymeleaf going through
 * 1,000 cells again. The tables depend on nothing but the progress and the filter (no
 * user, no form), so every reader may share them; a new data version is a new
 * {@link PlanProgress}, which renders them again.
 */
@Component
class OverviewTables {

	private static final String TEMPLATE = "dashboard/overview-tables";

	/** Plans × years × languages × filters in use; the oldest unused go first. */
	private static final int CACHED = 64;

	private final ITemplateEngine templates;

	private final ApplicationContext context;

	private final Map<Key, Entry> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
			return size() > CACHED;
		}
	});

	OverviewTables(ITemplateEngine templates, ApplicationContext context) {
		this.templates = templates;
		this.context = context;
	}

	/**
	 * @param progress the plan's progress
	 * @param locale the reader's language
	 * @param request the request (for the links' context path)
	 * @param response its response
	 * @return the count of indicators by level and status, as HTML
	 */
	String summary(PlanProgress progress, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		return kept("summary", progress, null, null, locale, request,
				() -> render("summary", progress, Map.of(), locale, request, response));
	}

	/**
	 * @param progress the plan's progress
	 * @param groups the rows shown, by level
	 * @param level the level filter, if any
	 * @param status the status filter, if any
	 * @param locale the reader's language
	 * @param request the request (for the links' context path)
	 * @param response its response
	 * @return the indicators' tables, as HTML
	 */
	String tables(PlanProgress progress, Map<IndicatorLevel, List<OverviewRow>> groups, IndicatorLevel level,
			ProgressStatus status, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		return kept("groups", progress, level, status, locale, request,
				() -> render("groups", progress, groups, locale, request, response));
	}

	private String kept(String part, PlanProgress progress, IndicatorLevel level, ProgressStatus status, Locale locale,
			HttpServletRequest request, Supplier<String> render) {
		var key = new Key(part, progress.plan().code(), progress.asOf().startYear(), progress.includeSubmitted(), level,
				status, locale, request.getContextPath());
		var cached = this.cache.get(key);
		boolean hit = cached != null && cached.progress() == progress;
		Meters.fragmentCache("overview-" + part, hit);
		if (hit) {
			return cached.html();
		}
		var html = render.get();
		this.cache.put(key, new Entry(progress, html));
		return html;
	}

	private String render(String part, PlanProgress progress, Map<IndicatorLevel, List<OverviewRow>> groups,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		// Links as every reader needs them: never with a session id written into them.
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, new HttpServletResponseWrapper(response) {
				@Override
				public String encodeURL(String url) {
					return url;
				}

				@Override
				public String encodeRedirectURL(String url) {
					return url;
				}
			});
		var variables = new LinkedHashMap<String, Object>();
		variables.put("groups", groups);
		variables.put("progress", progress);
		variables.put("plan", progress.plan());
		variables.put("asOf", progress.asOf());
		variables.put("submitted", progress.includeSubmitted());
		variables.put("counts", progress.counts());
		variables.put("totals", progress.totals());
		variables.put("provisionalCounts", progress.provisionalCounts());
		variables.put("provisionalTotals", progress.provisionalTotals());
		variables.put("statuses", ProgressStatus.values());
		variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.context, null));
		return this.templates.process(TEMPLATE, Set.of(part), new WebContext(exchange, locale, variables));
	}

	private record Key(String part, String plan, int asOf, boolean submitted, IndicatorLevel level,
			ProgressStatus status, Locale locale, String contextPath) {
	}

	private record Entry(PlanProgress progress, String html) {
	}

}
