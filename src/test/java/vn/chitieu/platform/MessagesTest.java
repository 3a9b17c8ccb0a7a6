package vn.chitieu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string comes from the message files, in both languages.
 */
class MessagesTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path SOURCES = Path.of("src/main/java");

	@Test
	void shouldHaveTheSameKeysInVietnameseAndEnglish() throws IOException {
		var vi = load("messages_vi.properties");
		var en = load("messages_en.properties");
		assertThat(new TreeSet<>(vi.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
		assertThat(vi.stringPropertyNames()).allSatisfy((key) -> {
			assertThat(vi.getProperty(key)).as("vi %s", key).isNotBlank();
			assertThat(en.getProperty(key)).as("en %s", key).isNotBlank();
		});
	}

	@Test
	void shouldDefineEveryKeyTheTemplatesUse() throws IOException {
		var vi = load("messages_vi.properties");
		var key = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
		var missing = new ArrayList<String>();
		for (var template : templates()) {
			var matcher = key.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!vi.containsKey(matcher.group(1))) {
					missing.add(template.getFileName() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void shouldDefineEveryMessageKeyTheCodeUses() throws IOException {
		var vi = load("messages_vi.properties");
		var literal = Pattern.compile(
				"\"((?:definition|expression|figure|import|password|measure|scope|target|form|review|audit|template|completeness|progress|report)\\.[A-Za-z0-9_.]+[A-Za-z0-9])\"");
		var missing = new ArrayList<String>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (var file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				var matcher = literal.matcher(Files.readString(file));
				while (matcher.find()) {
					var k = matcher.group(1);
					if (!vi.containsKey(k) && !k.endsWith(".")) {
						missing.add(file.getFileName() + ": " + k);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/**
	 * Text written straight into a template would show in one language only: every text
	 * node must sit in an element whose content a {@code th:text} (or similar) replaces.
	 */
	@Test
	void shouldHoldNoHardCodedTextInTemplates() throws IOException {
		var tag = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>([^<]*)");
		var replaced = Pattern.compile("th:(text|utext|replace|insert|errors|remove)=");
		var offenders = new ArrayList<String>();
		for (var template : templates()) {
			var html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
			var matcher = tag.matcher(html);
			while (matcher.find()) {
				var text = matcher.group(4).strip();
				if (text.isEmpty() || !text.matches("(?s).*\\p{L}.*")) {
					continue;
				}
				boolean closing = !matcher.group(1).isEmpty();
				var element = matcher.group(2);
				if (!closing && (replaced.matcher(matcher.group(3)).find() || element.equals("script")
						|| element.equals("style"))) {
					continue;
				}
				offenders.add(template.getFileName() + ": " + text);
			}
		}
		assertThat(offenders).isEmpty();
	}

	/**
	 * The Content-Security-Policy allows scripts and styles from the application's own
	 * files only: no template may hold an inline script, an event handler attribute, a
	 * style attribute or element, or a {@code javascript:} link, which browsers would
	 * block.
	 */
	@Test
	void shouldHoldNoInlineScriptOrStyleInTemplates() throws IOException {
		var inline = Pattern.compile(
				"<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)|\\son[a-z]+\\s*=|\\s(th:)?style\\s*=|<style|javascript:",
				Pattern.CASE_INSENSITIVE);
		var offenders = new ArrayList<String>();
		for (var template : templates()) {
			var matcher = inline.matcher(Files.readString(template).replaceAll("(?s)<!--.*?-->", ""));
			while (matcher.find()) {
				offenders.add(template.getFileName() + ": " + matcher.group());
			}
		}
		assertThat(offenders).isEmpty();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((f) -> f.toString().endsWith(".html")).toList();
		}
	}

	private static Properties load(String name) throws IOException {
		var properties = new Properties();
		try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
