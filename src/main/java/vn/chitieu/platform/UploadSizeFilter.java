package vn.chitieu.platform;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A multipart request larger than the server accepts fails as soon as anything reads its
 * parameters, and the first to do so is the CSRF check, before any controller: Tomcat
 * then answered with its bare English "HTTP Status 413" page. This filter runs before
 * Spring Security, catches that failure and sends the user back to the page they came
 * from with the application's message, in their language. Nothing else happened: the
 * request was refused before it reached anything that could change data. It runs inside
 * Spring Session's filter, so that the message is kept in the user's session, which is in
 * the database, not in one the servlet container would make for it.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 10)
class UploadSizeFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(UploadSizeFilter.class);

	/** A path safe to send the user back to: local, no scheme, no host. */
	private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	UploadSizeFilter(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!isTooLarge(ex) || response.isCommitted()) {
				throw ex;
			}
			log.info("Refused an upload of {} bytes to {}", request.getContentLengthLong(), request.getRequestURI());
			Meters.upload(request.getRequestURI().contains("/plans") ? "plan" : "figures", "too_large");
			response.resetBuffer();
			sendBack(request, response);
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	private void sendBack(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var target = backTo(request.getRequestURI().substring(request.getContextPath().length()));
		if (request.getSession(false) != null) {
			var locale = this.locales.resolveLocale(request);
			var flash = new FlashMap();
			flash.put("problem", this.messages.getMessage(UploadLimits.TOO_LARGE, null, locale));
			flash.setTargetRequestPath(request.getContextPath() + target);
			this.flashMaps.saveOutputFlashMap(flash, request, response);
		}
		response.sendRedirect(request.getContextPath() + target);
	}

	/** The page a form was posted from: the form of an upload, else the same path. */
	static String backTo(String path) {
		if (!LOCAL_PATH.matcher(path).matches() || path.startsWith("//") || path.contains("..")) {
			return "/";
		}
		return path.endsWith("/upload") ? path.substring(0, path.length() - "/upload".length()) : path;
	}

	/**
	 * Whether a failure is the multipart parser refusing a request or file over its size
	 * limit (Tomcat's {@code SizeException}, or Spring's
	 * {@code MaxUploadSizeExceededException}).
	 */
	static boolean isTooLarge(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException
					|| t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
				return true;
			}
		}
		return false;
	}

}
