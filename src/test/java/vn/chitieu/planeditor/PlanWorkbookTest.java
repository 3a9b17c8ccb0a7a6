package vn.chitieu.planeditor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.chitieu.planning.Metric;
import vn.chitieu.planning.definition.DefinitionException;
import vn.chitieu.planning.definition.DefinitionFile;
import vn.chitieu.planning.definition.DefinitionReader;
import vn.chitieu.platform.sheets.SheetException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan workbook and the definition file convert both ways without loss: both shipped
 * plans → workbook → definition file give the same definitions, and a workbook read and
 * written again is the same workbook. A mistake is traced to its sheet, row and column.
 */
class PlanWorkbookTest {

	private static final Map<String, Metric> catalog = new HashMap<>();

	private static final List<DefinitionFile> files = new ArrayList<>();

	@BeforeAll
	static void readFiles() throws IOException {
		var file = new DefinitionReader((code) -> Optional.empty()).read("catalog.yaml",
				resource("/plans/catalog.yaml"));
		file.metrics().forEach((m) -> catalog.put(m.code(), m));
		for (var name : List.of("kh-157-ubnd-2022.yaml", "kh-nh-2019-2020.yaml")) {
			files.add(new DefinitionReader(PlanWorkbookTest::known).read(name, resource("/plans/" + name)));
		}
	}

	@Test
	void shouldGiveBackTheSameDefinitionsFromTheWorkbookOfEachShippedPlan() {
		for (var file : files) {
			var workbook = PlanWorkbook.write(file, PlanWorkbookTest::known);
			var upload = PlanWorkbook.read(workbook);
			assertThat(upload.source()).isEqualTo(file.source());
			var back = new DefinitionReader(PlanWorkbookTest::known).read(file.source(), upload.definition());
			assertThat(back.plan()).as(file.source()).isEqualTo(file.plan());
			assertThat(back.metrics()).as(file.source()).isEqualTo(file.metrics());
			assertThat(back.rules()).as(file.source()).isEqualTo(file.rules());
		}
		assertThat(files.get(0).plan().indicators()).hasSize(80);
		assertThat(files.get(1).metrics()).isNotEmpty();
		assertThat(files.get(1).rules()).isNotEmpty();
	}

	@Test
	void shouldWriteTheSameWorkbookAgainFromWhatItsReadingGives() throws IOException {
		for (var file : files) {
			var first = PlanWorkbook.write(file, PlanWorkbookTest::known);
			var again = new DefinitionReader(PlanWorkbookTest::known).read(file.source(),
					PlanWorkbook.read(first).definition());
			var second = PlanWorkbook.write(again, PlanWorkbookTest::known);
			assertThat(cells(second)).as(file.source()).isEqualTo(cells(first));
			var third = new DefinitionReader(PlanWorkbookTest::known).read(file.source(),
					PlanWorkbook.read(second).definition());
			assertThat(third.plan()).isEqualTo(again.plan());
			assertThat(third.metrics()).isEqualTo(again.metrics());
		}
	}

	@Test
	void shouldHoldPlainValuesAHelpSheetAndAHiddenMark() throws IOException {
		var bytes = PlanWorkbook.write(files.get(1), PlanWorkbookTest::known);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Hướng dẫn");
			assertThat(workbook.getSheet("Kế hoạch")).isNotNull();
			assertThat(workbook.getSheet("Chỉ tiêu").getPaneInformation().isFreezePane()).isTrue();
			assertThat(workbook.getSheetVisibility(workbook.getSheetIndex("_meta")))
				.isEqualTo(SheetVisibility.VERY_HIDDEN);
			assertThat(workbook.getSheet("_meta").getRow(0).getCell(1).getStringCellValue())
				.isEqualTo("chitieu-plan/1");
			for (var sheet : workbook) {
				for (var row : sheet) {
					for (var cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
					}
				}
			}
			var indicators = workbook.getSheet("Chỉ tiêu");
			assertThat(indicators.getLastRowNum()).isEqualTo(27);
			assertThat(indicators.getRow(1).getCell(7).getStringCellValue()).startsWith("{kind: ");
			assertThat(indicators.getRow(1).getCell(3).getCellStyle().getWrapText()).isTrue();
			var metrics = workbook.getSheet("Số liệu");
			assertThat(metrics.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Kế hoạch");
			assertThat(metrics.getRow(metrics.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("Danh mục");
			var guide = new StringBuilder();
			workbook.getSheet("Hướng dẫn").forEach((r) -> guide.append(r.getCell(0).getStringCellValue()).append('\n'));
			assertThat(guide).contains("{kind: ratio, numerator: teachers_masters_plus, denominator: teachers}")
				.contains("{at_least: 1, increment: true}")
				.contains("Mã chỉ tiêu");
		}
	}

	@Test
	void shouldReadAnEmptyWorkbookAsAPlanWithoutIndicators() {
		var upload = PlanWorkbook.read(PlanWorkbook.empty());
		assertThat(upload.source()).isNull();
		assertThatThrownBy(() -> new DefinitionReader(PlanWorkbookTest::known).read("x.xlsx", upload.definition()))
			.isInstanceOf(DefinitionException.class);
	}

	@Test
	void shouldTraceAMistakeToItsSheetRowAndColumn() throws IOException {
		var bytes = PlanWorkbook.write(files.get(1), PlanWorkbookTest::known);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			workbook.getSheet("Chỉ tiêu")
				.getRow(3)
				.getCell(7)
				.setCellValue("{kind: ratio, numerator: chess, denominator: pupils}");
			workbook.getSheet("Chỉ tiêu").getRow(5).getCell(8).setCellValue("{at_least: lots}");
			var out = new java.io.ByteArrayOutputStream();
			workbook.write(out);
			bytes = out.toByteArray();
		}
		var upload = PlanWorkbook.read(bytes);
		var ex = org.junit.jupiter.api.Assertions.assertThrows(DefinitionException.class,
				() -> new DefinitionReader(PlanWorkbookTest::known).read("kh-nh-2019-2020.yaml", upload.definition()));
		var located = ex.problems().stream().map(upload::locate).toList();
		assertThat(located).anySatisfy((p) -> {
			assertThat(p.sheet()).isEqualTo("Chỉ tiêu");
			assertThat(p.cell()).isEqualTo("H4");
			assertThat(p.header()).isEqualTo("Cách tính");
			assertThat(p.key()).isEqualTo("definition.error.unknownMetric");
			assertThat(p.args()).containsExactly("chess");
		});
		assertThat(located).anySatisfy((p) -> {
			assertThat(p.cell()).isEqualTo("I6");
			assertThat(p.key()).isEqualTo("definition.error.notNumber");
		});
		assertThat(located).allSatisfy((p) -> assertThat(p.sheet()).isEqualTo("Chỉ tiêu"));
	}

	@Test
	void shouldRefuseAnotherWorkbookType() throws IOException {
		try (var workbook = new XSSFWorkbook()) {
			workbook.createSheet("Phường");
			vn.chitieu.platform.sheets.XlsxFiles.mark(workbook, "chitieu-units", 1);
			var bytes = vn.chitieu.platform.sheets.XlsxFiles.bytes(workbook);
			assertThatThrownBy(() -> PlanWorkbook.read(bytes)).isInstanceOfSatisfying(SheetException.class,
					(e) -> assertThat(e.problems().get(0).key()).isEqualTo("sheet.error.otherTemplate"));
		}
	}

	private static List<String> cells(byte[] bytes) throws IOException {
		var all = new ArrayList<String>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			for (var sheet : workbook) {
				for (var row : sheet) {
					for (var cell : row) {
						all.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + cell.toString());
					}
				}
			}
		}
		return all;
	}

	private static Optional<Metric> known(String code) {
		return Optional.ofNullable(catalog.get(code));
	}

	private static byte[] resource(String name) throws IOException {
		try (var in = PlanWorkbookTest.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
	}

}
