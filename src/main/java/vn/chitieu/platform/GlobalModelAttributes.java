package vn.chitieu.platform;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every page's layout needs.
 */
@ControllerAdvice
class GlobalModelAttributes {

	private final Installation installation;

	GlobalModelAttributes(Installation installation) {
		this.installation = installation;
	}

	/**
	 * @return whether to show the "Dữ liệu mẫu" (sample data) banner
	 */
	@ModelAttribute("sampleData")
	boolean sampleData() {
		return this.installation.hasSampleData();
	}

	/**
	 * @return this page in English
	 */
	@ModelAttribute("langEnUrl")
	String langEnUrl() {
		return languageUrl("en");
	}

	/**
	 * @return this page in Vietnamese
	 */
	@ModelAttribute("langViUrl")
	String langViUrl() {
		return languageUrl("vi");
	}

	private static String languageUrl(String language) {
		var components = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", language).build();
		return components.getPath() + "?" + components.getQuery();
	}

}
