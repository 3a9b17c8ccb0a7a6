package vn.chitieu.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * A 503 answer written by a filter itself, outside Spring MVC and its error pages: while
 * the application starts ({@link StartingUpFilter}) and when the database cannot be
 * reached ({@link DatabaseUnavailableFilter}), where an error dispatch would reach what
 * is not there yet or no longer answers. JSON for the API, else a small page that fits a
 * phone, in a landmark, with a link to try again.
 *
 * @param retryAfterSeconds the {@code Retry-After} the client is told
 * @param apiError the English error of the JSON answer
 * @param reference the request's error reference, or {@code null}
 * @param language the page's language
 * @param title the page's title and heading, plain text
 * @param body the page's text, HTML (escaped by the caller)
 * @param refreshSeconds seconds after which the page reloads itself, or 0 for never
 */
record UnavailableAnswer(int retryAfterSeconds, String apiError, Object reference, String language, String title,
		String body, int refreshSeconds) {

	void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(this.retryAfterSeconds));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			response.setContentType("application/json");
			response.getWriter()
				.write("{\"status\":503,\"error\":\"" + this.apiError + "\"" + ((this.reference != null)
						? ",\"reference\":\"" + escape(this.reference.toString()) + "\"" : "") + "}");
			return;
		}
		var title = escape(this.title);
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"" + this.language + "\"><head><meta charset=\"UTF-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
					+ ((this.refreshSeconds > 0)
							? "<meta http-equiv=\"refresh\" content=\"" + this.refreshSeconds + "\">" : "")
					+ "<title>" + title + "</title></head><body style=\"font-family: system-ui, sans-serif; "
					+ "max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5\"><main><h1>" + title
					+ "</h1>" + this.body + "</main></body></html>");
	}

	static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
