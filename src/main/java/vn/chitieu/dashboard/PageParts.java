package vn.chitieu.dashboard;

import java.util.LinkedHashMap;
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

import vn.chitieu.platform.Meters;
import vn.chitieu.platform.RecentlyUsed;

/**
 * The parts of the dashboards that the figures alone decide, rendered into HTML once per
 * data version and kept: the overview's indicator tables (80 indicators, a cell per year)
 * and its count by level and status, a page of an indicator's breakdown by unit (50
 * units, with the filter listing a city's 280 wards). The next reader of the same part
 * gets the same HTML without Thymeleaf going through a thousand cells again.
 * <p>
 * A part is kept under what it depends on (its key: plan, year, filter, page… and the
 * language) and is valid for one value computed from the figures (its version: the
 * {@code PlanProgress} or {@code IndicatorDetail} of a data version, compared by
 * identity): a change of the figures computes a new one, which renders the part again.
 * Nothing in a part may depend on who reads it beyond its key: no form with a CSRF token,
 * no user.
 */
@Component
class PageParts {

	/** Parts kept at most, the least recently used going first (at most ~100 KB each). */
	private static final int CACHED = 128;

	private final ITemplateEngine templates;

	private final ApplicationContext context;

	private final Map<Key, Entry> cache = RecentlyUsed.map(CACHED);

	PageParts(ITemplateEngine templates, ApplicationContext context) {
		this.templates = templates;
		this.context = context;
	}

	/**
	 * A part's HTML, rendered now or kept.
	 * @param part its name, e.g. {@code overview-groups} (also the metric's tag)
	 * @param template the template holding it
	 * @param fragment the fragment of the template
	 * @param key what the part depends on besides the version and the language
	 * @param version the value it shows, compared by identity
	 * @param locale the reader's language
	 * @param request the request (for the links' context path)
	 * @param response its response
	 * @param variables the template's variables, asked for only when rendering
	 * @return the HTML
	 */
	String html(String part, String template, String fragment, Object key, Object version, Locale locale,
			HttpServletRequest request, HttpServletResponse response, Supplier<Map<String, Object>> variables) {
		var kept = new Key(part, key, locale, request.getContextPath());
		var cached = this.cache.get(kept);
		boolean hit = cached != null && cached.version() == version;
		Meters.fragmentCache(part, hit);
		if (hit) {
			return cached.html();
		}
		var html = render(template, fragment, variables.get(), locale, request, response);
		this.cache.put(kept, new Entry(version, html));
		return html;
	}

	private String render(String template, String fragment, Map<String, Object> variables, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
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
		var all = new LinkedHashMap<String, Object>(variables);
		all.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.context, null));
		return this.templates.process(template, Set.of(fragment), new WebContext(exchange, locale, all));
	}

	private record Key(String part, Object key, Locale locale, String contextPath) {
	}

	private record Entry(Object version, String html) {
	}

}
