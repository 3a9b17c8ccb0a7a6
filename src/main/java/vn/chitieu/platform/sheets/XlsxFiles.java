package vn.chitieu.platform.sheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an uploaded .xlsx safely (its size, kind and cost checked before POI holds it in
 * memory), and marks the workbooks this application hands out so that one uploaded in the
 * wrong place is recognised and named.
 */
public final class XlsxFiles {

	private static final Logger log = LoggerFactory.getLogger(XlsxFiles.class);

	/** The hidden sheet holding what a template is ({@code format} = kind/version). */
	public static final String META_SHEET = "_meta";

	/** The templates this application makes, by kind, and the message naming each. */
	private static final java.util.Map<String, String> KINDS = java.util.Map.of("chitieu-template",
			"sheet.kind.figures", "chitieu-units", "sheet.kind.units", "chitieu-roster", "sheet.kind.roster",
			"chitieu-plan", "sheet.kind.plan");

	static {
		// The same bounds as the figures template: a file that expands more than 100
		// times, or any part above 20 MB, is refused as a zip bomb.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(20L * 1024 * 1024);
		ZipSecureFile.setMaxTextSize(5L * 1024 * 1024);
	}

	private XlsxFiles() {
	}

	/**
	 * Opens an uploaded file.
	 * @param bytes its content
	 * @param maxBytes the largest file accepted
	 * @return the workbook, to be closed by the caller
	 * @throws SheetException if it is empty, too large, not an .xlsx, damaged or
	 * dangerous
	 */
	public static XSSFWorkbook open(byte[] bytes, int maxBytes) {
		if (bytes == null || bytes.length == 0) {
			throw refuse("template.error.empty");
		}
		if (bytes.length > maxBytes) {
			throw refuse("template.error.tooLarge", Math.max(1, maxBytes / 1024 / 1024));
		}
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
			throw new SheetException(List.of(XlsxInspector.ole2(bytes)));
		}
		if (!startsWith(bytes, 'P', 'K', 3, 4)) {
			throw refuse("template.error.notXlsx");
		}
		XlsxInspector.inspect(bytes);
		try {
			return new XSSFWorkbook(new ByteArrayInputStream(bytes));
		}
		catch (Exception | LinkageError ex) {
			log.info("Refused an uploaded file: {}", ex.toString());
			var text = ex.getMessage() + " " + ((ex.getCause() != null) ? ex.getCause().getMessage() : "");
			throw refuse(text.toLowerCase(Locale.ROOT).contains("zip bomb") ? "template.error.zipBomb"
					: "template.error.damaged");
		}
	}

	/**
	 * Marks a workbook as a template of a kind, in a very hidden sheet.
	 * @param workbook the workbook
	 * @param kind its kind (e.g. {@code chitieu-units})
	 * @param version the version of its layout
	 */
	public static void mark(XSSFWorkbook workbook, String kind, int version) {
		var meta = workbook.createSheet(META_SHEET);
		var row = meta.createRow(0);
		row.createCell(0).setCellValue("format");
		row.createCell(1).setCellValue(kind + "/" + version);
		workbook.setSheetVisibility(workbook.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
	}

	/**
	 * Checks a workbook's mark: one with no mark is read for what its sheets hold, one
	 * marked as another kind of template is refused and named.
	 * @param workbook the workbook
	 * @param kind the kind expected
	 * @param version the version expected
	 * @throws SheetException if the workbook is another template, or another version
	 */
	public static void checkMark(XSSFWorkbook workbook, String kind, int version) {
		var meta = workbook.getSheet(META_SHEET);
		if (meta == null) {
			return;
		}
		String format = null;
		for (var row : meta) {
			var key = row.getCell(0);
			var value = row.getCell(1);
			if (key != null && value != null && "format".equals(key.toString().strip())) {
				format = value.toString().strip();
			}
		}
		if (format == null) {
			return;
		}
		int slash = format.indexOf('/');
		var found = (slash < 0) ? format : format.substring(0, slash);
		if (!found.equals(kind)) {
			var name = KINDS.get(found);
			throw (name != null) ? refuse("sheet.error.otherTemplate", new Message(name), new Message(KINDS.get(kind)))
					: refuse("sheet.error.unknownTemplate", new Message(KINDS.get(kind)));
		}
		if (!format.equals(kind + "/" + version)) {
			throw refuse("sheet.error.oldTemplate");
		}
	}

	/**
	 * @param workbook a workbook
	 * @return its bytes
	 */
	public static byte[] bytes(XSSFWorkbook workbook) {
		try (workbook) {
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static SheetException refuse(String key, Object... args) {
		return new SheetException(List.of(SheetProblem.file(key, args)));
	}

	/**
	 * A message argument that is itself a message key, resolved in the user's language.
	 *
	 * @param key the message key
	 */
	public record Message(String key) {
	}

}
