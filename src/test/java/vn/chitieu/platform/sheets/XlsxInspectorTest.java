package vn.chitieu.platform.sheets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.chitieu.dataentry.HostileFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bounds put on an uploaded .xlsx before POI opens it.
 */
class XlsxInspectorTest {

	@Test
	void shouldLetAnOrdinaryWorkbookThrough() throws Exception {
		assertThatCode(() -> XlsxInspector.inspect(workbook())).doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseTheAfternoonsFileOfMillionsOfTinySharedStringsQuicklyAndWithoutTheMemory() throws Exception {
		// The file that took a 512 MB server to OutOfMemoryError: 1.68 million strings.
		var hostile = HostileFiles.manySharedStrings(workbook(), 1_680_000);
		var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
		long allocated = threads.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();
		assertThatThrownBy(() -> XlsxInspector.inspect(hostile)).isInstanceOfSatisfying(SheetException.class,
				(ex) -> assertThat(ex.problems().get(0).key()).isEqualTo("template.error.tooManyStrings"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(threads.getCurrentThreadAllocatedBytes() - allocated).as("bytes allocated while reading it")
			.isLessThan(64L * 1024 * 1024);
	}

	@Test
	void shouldRefuseAFileThatInflatesBeyondTheBudgetEvenInSmallParts() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			for (int i = 0; i < 60; i++) {
				zip.putNextEntry(new ZipEntry("xl/media/image" + i + ".bin"));
				zip.write(new byte[1024 * 1024]);
				zip.closeEntry();
			}
		}
		assertThatThrownBy(() -> XlsxInspector.inspect(out.toByteArray())).isInstanceOfSatisfying(SheetException.class,
				(ex) -> assertThat(ex.problems().get(0).key()).isEqualTo("template.error.zipBomb"));
	}

	@Test
	void shouldRefuseADoctypeHiddenBehindWhiteSpaceInAPartNotNamedXml() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.bin"));
			zip.write((" ".repeat(300) + "<!DOCTYPE worksheet><worksheet/>").getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		assertThatThrownBy(() -> XlsxInspector.inspect(out.toByteArray())).isInstanceOfSatisfying(SheetException.class,
				(ex) -> assertThat(ex.problems().get(0).key()).isEqualTo("template.error.doctype"));
	}

	private static byte[] workbook() throws Exception {
		var out = new ByteArrayOutputStream();
		try (var workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet("Số liệu");
			for (int i = 0; i < 300; i++) {
				var row = sheet.createRow(i);
				row.createCell(0).setCellValue("Dòng & số " + i);
				row.createCell(1).setCellValue(i);
			}
			workbook.write(out);
		}
		return out.toByteArray();
	}

}
