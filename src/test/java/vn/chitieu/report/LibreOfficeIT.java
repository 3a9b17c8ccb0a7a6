package vn.chitieu.report;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import vn.chitieu.progress.Progress;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The official report opens in LibreOffice Calc — the spreadsheet most of the district's
 * offices have — and shows the engine's values: the file is converted to CSV by
 * {@code soffice --headless} and read back.
 * <p>
 * Needs LibreOffice Calc ({@code .ci/run} installs it). Where it is missing the test is
 * skipped with a message, unless {@code CHITIEU_REQUIRE_LIBREOFFICE} is set, as on CI,
 * where it fails.
 */
@IntegrationTest
class LibreOfficeIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Progress progress;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@Test
	void shouldOpenInLibreOfficeCalcWithTheSameValues(@TempDir Path dir) throws Exception {
		var soffice = soffice();
		var bytes = this.mvc.perform(get(ReportIT.REPORT).with(this.logins.as(Logins.OFFICE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		var file = dir.resolve("report.xlsx");
		Files.write(file, bytes);
		var process = new ProcessBuilder(soffice, "--headless", "--norestore", "--nolockcheck",
				"-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to",
				// Comma, quotes, UTF-8, every sheet to its own file, values as stored.
				"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir",
				dir.toString(), file.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		var main = dir.resolve("report-" + OfficialReport.MAIN_SHEET + ".csv");
		assertThat(main).as(output).exists();
		for (var sheet : List.of(OfficialReport.WARDS_SHEET, OfficialReport.COMPLETENESS_SHEET,
				OfficialReport.DEFINITIONS_SHEET)) {
			assertThat(dir.resolve("report-" + sheet + ".csv")).as(output).exists();
		}
		var lines = Files.readAllLines(main, StandardCharsets.UTF_8);
		assertThat(lines.get(0)).startsWith("UBND QUẬN LONG BIÊN").contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
		assertThat(lines).anyMatch((l) -> l.startsWith("BÁO CÁO"));

		var plan = this.progress.plan(ReportIT.PLAN, ReportIT.YEAR, false).orElseThrow();
		int checked = 0;
		for (var indicator : plan.indicators()) {
			var prefix = indicator.indicator().code() + ". ";
			var line = lines.stream()
				.map(LibreOfficeIT::fields)
				.filter((f) -> f.size() > 1 && f.get(OfficialReport.NAME).startsWith(prefix))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no row for " + prefix));
			var years = indicator.years();
			for (int i = 0; i < years.size(); i++) {
				var value = years.get(i).result().value();
				var shown = line.get(OfficialReport.FIRST_YEAR + i);
				if (value == null) {
					assertThat(shown).isEmpty();
					continue;
				}
				boolean percent = shown.endsWith("%");
				assertThat(percent).isEqualTo(indicator.indicator().unit().isPercent());
				double number = Double.parseDouble(percent ? shown.substring(0, shown.length() - 1) : shown);
				assertThat(number).as(prefix + years.get(i).year()).isCloseTo(value.doubleValue(), within(1e-6));
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(250);
	}

	private static String soffice() {
		for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			for (var name : new String[] { "soffice", "libreoffice" }) {
				var candidate = Path.of(dir, name);
				if (Files.isExecutable(candidate)) {
					return candidate.toString();
				}
			}
		}
		boolean required = System.getenv("CHITIEU_REQUIRE_LIBREOFFICE") != null;
		if (required) {
			throw new AssertionError("LibreOffice Calc (soffice) is required here but not installed: "
					+ "apt-get install --no-install-recommends libreoffice-calc");
		}
		assumeTrue(false, "LibreOffice Calc (soffice) is not installed; .ci/run installs it");
		return null;
	}

	/** The fields of a CSV line (comma, double quotes). */
	static List<String> fields(String line) {
		var fields = new ArrayList<String>();
		var current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					current.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		fields.add(current.toString());
		return fields;
	}

}
