package vn.chitieu.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A file larger than the server accepts gets a clear message on the page it came from,
 * not an error page.
 */
@ControllerAdvice
class UploadLimits {

	/** The message for a file larger than the server accepts. */
	static final String TOO_LARGE = "upload.tooLarge";

	private final MessageSource messages;

	UploadLimits(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
		Locale locale = RequestContextUtils.getLocale(request);
		redirect.addFlashAttribute("problem", this.messages.getMessage(TOO_LARGE, null, locale));
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.endsWith("/upload")) {
			path = path.substring(0, path.length() - "/upload".length());
		}
		return "redirect:" + path;
	}

}
