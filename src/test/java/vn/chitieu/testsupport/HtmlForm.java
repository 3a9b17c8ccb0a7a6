package vn.chitieu.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A form of a page as a browser would send it: every input with its value (radios and
 * checkboxes only when checked), every select with its selected option; edited, then
 * posted.
 */
public final class HtmlForm {

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.DOTALL);

	private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);

	private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.DOTALL);

	private final String action;

	private final Map<String, String> fields = new LinkedHashMap<>();

	private HtmlForm(String action) {
		this.action = action;
	}

	/**
	 * Reads the form of a page with the given id.
	 * @param html the page
	 * @param id the form's id
	 * @return the form
	 */
	public static HtmlForm of(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("a form with id %s in the page", id).isNotNegative();
		int open = html.lastIndexOf("<form", start);
		int end = html.indexOf("</form>", start);
		var tag = html.substring(open, html.indexOf('>', open) + 1);
		var form = new HtmlForm(unescape(attribute(tag, "action")));
		var body = html.substring(open, end);
		Matcher inputs = INPUT.matcher(body);
		while (inputs.find()) {
			var input = inputs.group();
			var name = attribute(input, "name");
			var type = attribute(input, "type");
			if (name == null || "submit".equals(type) || "file".equals(type)) {
				continue;
			}
			if (("radio".equals(type) || "checkbox".equals(type)) && !input.contains("checked")) {
				continue;
			}
			form.fields.put(unescape(name),
					unescape(java.util.Objects.requireNonNullElse(attribute(input, "value"), "")));
		}
		Matcher selects = SELECT.matcher(body);
		while (selects.find()) {
			var name = attribute(selects.group(1), "name");
			var value = "";
			Matcher options = OPTION.matcher(selects.group(2));
			while (options.find()) {
				if (options.group(1).contains("selected")) {
					value = java.util.Objects.requireNonNullElse(attribute(options.group(1), "value"), "");
				}
			}
			form.fields.put(unescape(name), unescape(value));
		}
		return form;
	}

	/**
	 * @param name a field's name
	 * @return its value, or null if the form has no such field
	 */
	public String get(String name) {
		return this.fields.get(name);
	}

	/**
	 * @param name a field's name
	 * @return whether the form sends it
	 */
	public boolean has(String name) {
		return this.fields.containsKey(name);
	}

	/**
	 * Types into a field (or checks a radio button).
	 * @param name the field
	 * @param value the value
	 * @return this form
	 */
	/**
	 * @return the form's action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * The fields as a real browser sends them, with a button's name and value.
	 * @param button {@code name=value} of the button pressed
	 * @return the body of the POST
	 */
	public String encoded(String button) {
		var body = new StringBuilder(button.replace(" ", "+"));
		this.fields.forEach((name, value) -> body.append('&')
			.append(FormClient.encode(name))
			.append('=')
			.append(FormClient.encode(value)));
		return body.toString();
	}

	public HtmlForm set(String name, String value) {
		this.fields.put(name, value);
		return this;
	}

	/**
	 * @param button the name and value of the button pressed, e.g. {@code action=save}
	 * @return the request sending the form
	 */
	public MockHttpServletRequestBuilder post(String button) {
		var request = MockMvcRequestBuilders.post(this.action).with(csrf());
		this.fields.forEach((name, value) -> {
			if (!name.equals("_csrf")) {
				request.param(name, value);
			}
		});
		var pair = button.split("=", 2);
		return request.param(pair[0], pair[1]);
	}

	private static String attribute(String tag, String name) {
		var matcher = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String unescape(String text) {
		return (text == null) ? null
				: text.replace("&quot;", "\"")
					.replace("&#39;", "'")
					.replace("&lt;", "<")
					.replace("&gt;", ">")
					.replace("&amp;", "&");
	}

}
