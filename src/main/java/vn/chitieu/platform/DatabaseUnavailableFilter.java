package vn.chitieu.platform;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers 503 "temporarily unavailable" (a page of its own, or JSON for the API) to a
 * request that failed because the database could not be reached or did not answer in
 * time, instead of a 500 that tells the user nothing. It wraps every other filter, so
 * that it also sees failures outside controllers.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final DataSource dataSource;

	private final MessageSource messages;

	private final LocaleResolver locales;

	DatabaseUnavailableFilter(DataSource dataSource, MessageSource messages, LocaleResolver locales) {
		this.dataSource = dataSource;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !(isUnavailable(ex) || involvesDatabase(ex) && !databaseAnswers())) {
				throw ex;
			}
			log.warn("The database is unreachable; {} {} answered 503: {}", request.getMethod(),
					request.getRequestURI(), rootMessage(ex));
			answerUnavailable(request, response);
		}
	}

	/**
	 * Writes the answer here rather than through an error page: an error dispatch would
	 * go through the session filter again, and sessions are kept in the database that
	 * cannot be reached.
	 */
	private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var reference = request.getAttribute(RequestLog.ATTRIBUTE);
		var locale = locale(request);
		new UnavailableAnswer(30, "The database cannot be reached; try again in a few minutes", reference,
				locale.getLanguage(), this.messages.getMessage("error.503.title", null, locale),
				"<p>" + text("error.503.text", locale) + "</p>"
						+ ((reference != null) ? "<p id=\"error-reference\">" + UnavailableAnswer.escape(this.messages
							.getMessage("error.reference", new Object[] { reference.toString() }, locale)) + "</p>"
								: "")
						+ "<p><a href=\"" + request.getContextPath() + "/\">" + text("error.503.retry", locale)
						+ "</a></p>",
				0)
			.write(request, response);
	}

	/** The language asked for on this request, else the one the user chose before. */
	private Locale locale(HttpServletRequest request) {
		var asked = request.getParameter("lang");
		if (asked != null && (asked.equals("vi") || asked.equals("en"))) {
			return Locale.forLanguageTag(asked);
		}
		return this.locales.resolveLocale(request);
	}

	private String text(String key, Locale locale) {
		return HtmlUtils.htmlEscape(this.messages.getMessage(key, null, locale), "UTF-8");
	}

	/**
	 * Whether a failure comes from a database that cannot be reached or does not answer:
	 * no connection within the pool's timeout, a connection lost, a statement timed out.
	 * @param failure the failure
	 * @return whether it is one
	 */
	static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLTimeoutException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
					|| sql.getSQLState().startsWith("57P") || sql.getSQLState().equals("57014"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a failure came through the database at all (the exception a lost connection
	 * leaves may be a failed rollback rather than the cause).
	 */
	static boolean involvesDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException || cause instanceof DataAccessException
					|| cause instanceof TransactionException || cause instanceof PersistenceException) {
				return true;
			}
		}
		return false;
	}

	/** Whether the database answers now, within the pool's timeouts. */
	private boolean databaseAnswers() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String rootMessage(Throwable failure) {
		var root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
