package vn.chitieu.platform;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request: method, path (never the query, which may hold a token),
 * status, time taken, user (or {@code -}) and a request id. The id is the
 * {@code X-Request-Id} a trusted reverse proxy sent (a proxy listed in
 * {@code CHITIEU_TRUSTED_PROXIES}), else a short new one; it is in the MDC as
 * {@code requestId} (so every line logged for the request carries it), in the response
 * header {@code X-Request-Id}, and on the error pages as the reference a user can quote.
 */
public final class RequestLog {

	/** The header carrying the id, in and out. */
	public static final String HEADER = "X-Request-Id";

	/** The MDC key and request attribute holding the id. */
	public static final String ATTRIBUTE = "requestId";

	private static final String USER_ATTRIBUTE = RequestLog.class.getName() + ".user";

	/** Set by Tomcat's RemoteIpValve when the request came through a trusted proxy. */
	private static final String FORWARDED_ATTRIBUTE = "org.apache.tomcat.request.forwarded";

	private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	/** Easy to read aloud: no 0/O, 1/I/L. */
	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private static final Logger log = LoggerFactory.getLogger("vn.chitieu.request");

	private RequestLog() {
	}

	/**
	 * @param request a request
	 * @return its id, or {@code null} outside a request the log filter saw
	 */
	public static String id(ServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof String id) ? id : null;
	}

	/** A new id: 8 characters, about 40 bits. */
	static String newId() {
		var id = new char[8];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}

	/**
	 * The id for a request: the proxy's when it came through a trusted proxy and looks
	 * like an id, else a new one.
	 */
	static String idFor(HttpServletRequest request) {
		var sent = request.getHeader(HEADER);
		if (sent != null && Boolean.TRUE.equals(request.getAttribute(FORWARDED_ATTRIBUTE))
				&& ACCEPTED_ID.matcher(sent).matches()) {
			return sent;
		}
		return newId();
	}

	/** A path as it may go into the log: no control characters, not endless. */
	static String printable(String path) {
		var clean = (path == null) ? "" : path.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() > 200) ? clean.substring(0, 200) + "…" : clean;
	}

	/**
	 * Wraps every other filter: gives the request its id and writes the line when the
	 * answer is known.
	 */
	static final class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var id = idFor(request);
			request.setAttribute(ATTRIBUTE, id);
			response.setHeader(HEADER, id);
			MDC.put(ATTRIBUTE, id);
			long start = System.nanoTime();
			Throwable failure = null;
			try {
				chain.doFilter(request, response);
			}
			catch (ServletException | IOException | RuntimeException | Error ex) {
				failure = ex;
				throw ex;
			}
			finally {
				long millis = (System.nanoTime() - start) / 1_000_000;
				int status = (failure != null) ? 500 : response.getStatus();
				var user = (request.getAttribute(USER_ATTRIBUTE) instanceof String name) ? name : "-";
				if (failure != null) {
					log.error("{} {} {} {}ms user={} id={}", request.getMethod(), printable(request.getRequestURI()),
							status, millis, user, id, failure);
				}
				else if (status >= 500) {
					log.warn("{} {} {} {}ms user={} id={}", request.getMethod(), printable(request.getRequestURI()),
							status, millis, user, id);
				}
				else {
					log.info("{} {} {} {}ms user={} id={}", request.getMethod(), printable(request.getRequestURI()),
							status, millis, user, id);
				}
				MDC.remove(ATTRIBUTE);
			}
		}

	}

	/**
	 * Placed after Spring Security's filters (and run again on the error page's dispatch,
	 * where Spring Security has loaded the user again): notes who the user is for the log
	 * line, which is written after Spring Security has cleared its context.
	 */
	static final class UserFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken)) {
				request.setAttribute(USER_ATTRIBUTE, printable(authentication.getName()));
			}
			chain.doFilter(request, response);
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

	}

}
