package vn.chitieu.platform;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 "đang khởi động" until the application is ready: Tomcat accepts requests
 * while the definition files and the sample district are still being loaded (the
 * application runners), and a login then would fail and count towards the lockout. Stands
 * before every other filter, Spring Security's included, so nothing in that window
 * reaches a login, a page or the database. Ready is Spring Boot's readiness state
 * ({@code ACCEPTING_TRAFFIC}), the one the readiness probe reports (docs/operations.md);
 * it is left again when the application shuts down.
 */
class StartingUpFilter extends OncePerRequestFilter {

	private final ApplicationAvailability availability;

	private final MessageSource messages;

	StartingUpFilter(ApplicationAvailability availability, MessageSource messages) {
		this.availability = availability;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			chain.doFilter(request, response);
			return;
		}
		// Before the user's language is known: both languages, Vietnamese first.
		var vi = Locale.forLanguageTag("vi");
		new UnavailableAnswer(5, "Starting up; try again in a few seconds", null, "vi", text("starting.title", vi),
				"<p>" + UnavailableAnswer.escape(text("starting.text", vi)) + "</p><p lang=\"en\">"
						+ UnavailableAnswer.escape(text("starting.text", Locale.ENGLISH)) + "</p>",
				5)
			.write(request, response);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
