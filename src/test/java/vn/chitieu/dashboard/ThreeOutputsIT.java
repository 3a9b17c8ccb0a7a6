package vn.chitieu.dashboard;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chitieu.orgunit.SchoolYear;
import vn.chitieu.testsupport.IntegrationTest;
import vn.chitieu.testsupport.Logins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Three outputs, one truth: for every indicator of both plans and every school year, the
 * value and status shown on the rendered dashboard, given by the JSON API and written in
 * the official report (read back from the downloaded .xlsx) are the same.
 */
@IntegrationTest
class ThreeOutputsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The Vietnamese words of each status, written here rather than read from the code.
	 */
	private static final Map<String, String> LABELS = Map.of("ACHIEVED", "Đạt", "ON_TRACK", "Đúng tiến độ", "AT_RISK",
			"Có nguy cơ chậm", "OFF_TRACK", "Chậm tiến độ", "UNDECIDED", "Chưa đủ số liệu (", "NO_DATA",
			"Chưa có số liệu");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.logins = new Logins(this.userDetails);
	}

	@Test
	void shouldShowTheSameValueAndStatusOnTheDashboardInTheApiAndInTheReport() throws Exception {
		var plans = json("/api/v1/plans");
		int indicators = 0;
		int compared = 0;
		int undecided = 0;
		for (var plan : plans) {
			var code = plan.get("code").asString();
			indicators += plan.get("indicatorCount").asInt();
			var baseline = SchoolYear.parse(plan.get("baselineYear").asString());
			var target = SchoolYear.parse(plan.get("targetYear").asString());
			for (var asOf = baseline; !asOf.isAfter(target); asOf = asOf.next()) {
				var api = json("/api/v1/plans/" + code + "/progress?year=" + asOf.label());
				var page = page("/progress/" + code + "?year=" + asOf.label());
				var report = report("/reports/progress.xlsx?plan=" + code + "&year=" + asOf.label());
				boolean finalYear = !asOf.isBefore(target);
				assertThat(api.get("indicators")).hasSize(plan.get("indicatorCount").asInt());
				// The summary counts the provisional verdicts apart: "(3 tạm tính)".
				int provisionalShown = 0;
				for (var cell : page.select("table.summary-table tfoot td")) {
					var matcher = java.util.regex.Pattern.compile("\\((\\d+) tạm tính\\)").matcher(cell.text());
					provisionalShown += matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
				}
				int provisionalGiven = 0;
				for (var indicator : api.get("indicators")) {
					provisionalGiven += indicator.get("provisional").asBoolean() ? 1 : 0;
				}
				assertThat(provisionalShown).as(code + " as of " + asOf.label() + ": provisional verdicts counted")
					.isEqualTo(provisionalGiven);
				for (var indicator : api.get("indicators")) {
					var id = indicator.get("code").asString();
					var where = code + " " + id + " as of " + asOf.label();
					var row = page.selectFirst("tr[data-indicator=" + id + "]");
					assertThat(row).as(where + ": dashboard row").isNotNull();
					var reportRow = report.rows().get(id);
					assertThat(reportRow).as(where + ": report row").isNotNull();
					var years = indicator.get("years");
					for (int i = 0; i < years.size(); i++) {
						var year = years.get(i);
						var label = year.get("year").asString();
						var value = year.get("value").isNull() ? null : year.get("value").decimalValue();
						var shown = row.selectFirst("td[data-year=" + label + "] .pvalue").text();
						var written = report.value(reportRow, i, indicator.get("unit").asString());
						if (value == null) {
							assertThat(shown).as(where + " " + label + " on the dashboard").isEqualTo("–");
							assertThat(written).as(where + " " + label + " in the report").isNull();
							continue;
						}
						double tolerance = "PERCENT".equals(indicator.get("unit").asString())
								|| indicator.get("unit").asString().endsWith("_PER_CLASS") ? 0.05 : 0.005;
						assertThat(number(shown)).as(where + " " + label + " on the dashboard")
							.isCloseTo(value, org.assertj.core.data.Offset.offset(BigDecimal.valueOf(tolerance)));
						assertThat(written).as(where + " " + label + " in the report")
							.isCloseTo(value, org.assertj.core.data.Offset.offset(new BigDecimal("0.0001")));
						compared++;
					}
					var statusName = indicator.get("status").asString();
					boolean provisional = indicator.get("provisional").asBoolean();
					var onPage = row.selectFirst(".pstatus").text();
					var inReport = report.assessment(reportRow);
					assertThat(onPage).as(where + ": the dashboard and the report say the same").isEqualTo(inReport);
					var expected = ("OFF_TRACK".equals(statusName) && finalYear) ? "Chưa đạt" : LABELS.get(statusName);
					assertThat(onPage).as(where + ": the API's " + statusName).startsWith(expected);
					assertThat(onPage.endsWith("(tạm tính)")).as(where + ": provisional in the API")
						.isEqualTo(provisional);
					if ("UNDECIDED".equals(statusName)) {
						undecided++;
						var completeness = years.get(years.size() - 1).get("completeness");
						assertThat(onPage).as(where + ": the coverage of an undecided status")
							.contains(completeness.get("unitsDecided").asInt() + "/"
									+ completeness.get("unitsInScope").asInt());
					}
				}
			}
		}
		assertThat(indicators).isEqualTo(107);
		assertThat(compared).isGreaterThan(400);
		assertThat(undecided).as("the open year has undecided indicators").isPositive();
	}

	// ------------------------------------------------------------------ reading the
	// outputs

	private JsonNode json(String path) throws Exception {
		var body = this.mvc.perform(get(path).with(this.logins.as(Logins.VIEWER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return JSON.readTree(body);
	}

	private Document page(String path) throws Exception {
		var html = this.mvc.perform(get(path).with(this.logins.as(Logins.VIEWER)).locale(new java.util.Locale("vi")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

	private Report report(String path) throws Exception {
		var bytes = this.mvc.perform(get(path).with(this.logins.as(Logins.VIEWER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			var sheet = workbook.getSheet("Báo cáo");
			var rows = new HashMap<String, Integer>();
			int heading = -1;
			int assessment = -1;
			for (var row : sheet) {
				for (var cell : row) {
					if (cell.getCellType() != CellType.STRING) {
						continue;
					}
					var text = cell.getStringCellValue();
					if ("STT".equals(text) && heading < 0) {
						heading = row.getRowNum();
					}
					if (text.startsWith("Đánh giá") && assessment < 0) {
						assessment = cell.getColumnIndex();
					}
					var dot = text.indexOf(". ");
					if (cell.getColumnIndex() == 1 && dot > 0 && text.substring(0, dot).matches("[A-Z0-9]+-\\d+")) {
						rows.put(text.substring(0, dot), row.getRowNum());
					}
				}
			}
			assertThat(assessment).as("the assessment column").isPositive();
			return new Report(copy(sheet, rows, assessment), rows);
		}
	}

	/**
	 * What the test reads of the report: the values and assessment of each indicator row.
	 */
	private static Map<Integer, Object[]> copy(Sheet sheet, Map<String, Integer> rows, int assessment) {
		var copy = new HashMap<Integer, Object[]>();
		for (var index : rows.values()) {
			var row = sheet.getRow(index);
			var cells = new Object[assessment + 1];
			for (int c = 0; c <= assessment; c++) {
				var cell = row.getCell(c);
				if (cell == null || cell.getCellType() == CellType.BLANK) {
					continue;
				}
				cells[c] = (cell.getCellType() == CellType.NUMERIC) ? (Object) cell.getNumericCellValue()
						: cell.getStringCellValue();
			}
			copy.put(index, cells);
		}
		return copy;
	}

	/** "1.234,5 %" → 1234.5. */
	private static BigDecimal number(String shown) {
		return new BigDecimal(shown.replace(" %", "").replace(".", "").replace(',', '.').replace('−', '-'));
	}

	private record Report(Map<Integer, Object[]> cells, Map<String, Integer> rows) {

		/**
		 * The value of the i-th school year of a row (column 4 on), in the indicator's
		 * unit.
		 */
		BigDecimal value(int row, int year, String unit) {
			var cell = this.cells.get(row)[4 + year];
			if (cell == null) {
				return null;
			}
			var value = new BigDecimal(String.valueOf(cell));
			return "PERCENT".equals(unit) ? value.movePointRight(2) : value;
		}

		String assessment(int row) {
			var cells = this.cells.get(row);
			return (String) cells[cells.length - 1];
		}

	}

}
