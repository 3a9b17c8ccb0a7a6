package vn.chitieu.dataentry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The hostile corpus: bad .xlsx files built the way an attacker builds them, by hand and
 * streamed, so that making them costs the test almost no memory.
 */
public final class HostileFiles {

	private HostileFiles() {
	}

	/**
	 * A file whose shared strings table holds many tiny strings: small on the wire,
	 * hundreds of megabytes once a workbook library holds them as objects.
	 * @param template a real template, for its other parts
	 * @param count how many strings
	 * @return the file
	 */
	public static byte[] manySharedStrings(byte[] template, int count) throws IOException {
		return replace(template, "xl/sharedStrings.xml", (out) -> {
			var random = new Random(42);
			write(out,
					"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
							+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\""
							+ count + "\" uniqueCount=\"" + count + "\">");
			var item = new StringBuilder();
			for (int i = 0; i < count; i++) {
				item.setLength(0);
				// Two random letters: not so repetitive that the zip-bomb ratio catches
				// it.
				item.append("<si><t>")
					.append((char) ('a' + random.nextInt(26)))
					.append((char) ('a' + random.nextInt(26)))
					.append("</t></si>");
				write(out, item.toString());
			}
			write(out, "</sst>");
		});
	}

	/**
	 * A file whose figures sheet ends with many small cells.
	 * @param template a real template
	 * @param count how many cells
	 * @return the file
	 */
	public static byte[] manyCells(byte[] template, int count) throws IOException {
		var sheet = new String(entry(template, "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
		int end = sheet.indexOf("</sheetData>");
		return replace(template, "xl/worksheets/sheet1.xml", (out) -> {
			var random = new Random(7);
			write(out, sheet.substring(0, end));
			// All in one row far below the template's own, so the row limit is not what
			// catches it.
			write(out, "<row r=\"1000\">");
			for (int i = 0; i < count; i++) {
				write(out, "<c t=\"n\"><v>" + random.nextInt(100) + "</v></c>");
			}
			write(out, "</row>");
			write(out, sheet.substring(end));
		});
	}

	/**
	 * A file whose first worksheet is padded with white space: harmless to read, small on
	 * the wire, but it inflates hugely (a zip bomb).
	 * @param xlsx a real workbook
	 * @param size how many bytes of padding
	 * @return the file
	 */
	public static byte[] zipBomb(byte[] xlsx, int size) throws IOException {
		var sheet = new String(entry(xlsx, "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
		int at = sheet.indexOf("<sheetData");
		return replace(xlsx, "xl/worksheets/sheet1.xml", (out) -> {
			write(out, sheet.substring(0, at));
			var blank = " ".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
			for (int written = 0; written < size; written += blank.length) {
				out.write(blank);
			}
			write(out, sheet.substring(at));
		});
	}

	/**
	 * A part with a document type declaration, harmless in itself: Excel never writes
	 * one, and a parser that accepts it may accept entities too.
	 * @param xml the part
	 * @return the part with a DOCTYPE after its XML declaration
	 */
	public static byte[] withDoctype(byte[] xml) {
		var text = new String(xml, StandardCharsets.UTF_8);
		var declaration = text.startsWith("<?xml") ? text.substring(0, text.indexOf("?>") + 2) : "";
		var rest = text.substring(declaration.length()).stripLeading();
		var root = rest.substring(1).split("[\\s>/]", 2)[0];
		return (declaration + "<!DOCTYPE " + root + ">" + rest).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The file encrypted with a password, as Excel saves it: an OLE2 container holding an
	 * EncryptionInfo stream and the encrypted package.
	 * @param xlsx the file
	 * @return the encrypted file
	 */
	public static byte[] encrypted(byte[] xlsx) throws Exception {
		try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
			var info = new EncryptionInfo(EncryptionMode.agile);
			var encryptor = info.getEncryptor();
			encryptor.confirmPassword("mat-khau");
			try (var data = encryptor.getDataStream(fs)) {
				data.write(xlsx);
			}
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	private static byte[] entry(byte[] zip, String name) throws IOException {
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.getName().equals(name)) {
					return in.readAllBytes();
				}
			}
		}
		throw new IllegalArgumentException("No " + name);
	}

	/** Copies a zip, writing one entry by streaming. */
	private static byte[] replace(byte[] zip, String name, PartWriter writer) throws IOException {
		var out = new ByteArrayOutputStream();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip)); var target = new ZipOutputStream(out)) {
			target.setLevel(9);
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				target.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(name)) {
					writer.write(target);
				}
				else {
					in.transferTo(target);
				}
				target.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
	}

	@FunctionalInterface
	private interface PartWriter {

		void write(OutputStream out) throws IOException;

	}

}
