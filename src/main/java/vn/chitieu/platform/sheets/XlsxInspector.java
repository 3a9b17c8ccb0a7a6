package vn.chitieu.platform.sheets;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks through an uploaded .xlsx before a workbook library holds it in memory, streaming
 * and within fixed bounds, so that what a file may cost the server is known before it is
 * opened: how much it inflates to, how many XML elements, shared strings, rows and cells
 * it holds, and how long reading it may take. Also refuses a document type declaration in
 * any XML part (Excel never writes one; it is how entity-expansion attacks begin) and
 * tells a password-protected file from an old .xls.
 */
public final class XlsxInspector {

	private static final Logger log = LoggerFactory.getLogger(XlsxInspector.class);

	/** Far more than any template has (a few hundred), far less than hurts. */
	public static final int MAX_SHARED_STRINGS = 20_000;

	/** Far more than any template has (about a thousand). */
	public static final int MAX_CELLS = 50_000;

	/** XML elements in all parts together. */
	public static final int MAX_ELEMENTS = 300_000;

	/** Parts in the zip. */
	public static final int MAX_ENTRIES = 500;

	/** Bytes once inflated, all parts together. */
	public static final long MAX_INFLATED = 40L * 1024 * 1024;

	/** How long looking through a file may take. */
	public static final long MAX_NANOS = 10_000_000_000L;

	private static final XMLInputFactory XML = xmlInputFactory();

	private XlsxInspector() {
	}

	/**
	 * Refuses an OLE2 file (the container of an .xls, and of a password-protected .xlsx)
	 * with the message that fits it.
	 * @param bytes a file that starts with the OLE2 signature
	 * @return the problem to report
	 */
	public static SheetProblem ole2(byte[] bytes) {
		try (var fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
			if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
				return SheetProblem.file("template.error.encrypted");
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not readable as OLE2 either: an .xls is still the best guess.
		}
		return SheetProblem.file("template.error.xls");
	}

	/**
	 * Looks through a zip file's parts.
	 * @param bytes the file, starting with a zip signature
	 * @throws SheetException if the file exceeds a bound or holds a DOCTYPE
	 */
	public static void inspect(byte[] bytes) {
		var budget = new Budget(System.nanoTime() + MAX_NANOS);
		try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null) {
				if (++entries > MAX_ENTRIES) {
					throw refuse("template.error.tooComplex");
				}
				if (entry.isDirectory()) {
					continue;
				}
				var part = new BufferedInputStream(new Bounded(zip, budget), 8192);
				if (isXml(entry.getName(), part)) {
					inspectXml(entry.getName(), part, budget);
				}
				// Whatever is left of the part counts against the inflated size too.
				part.transferTo(OutputStreamSink.INSTANCE);
			}
		}
		catch (SheetException ex) {
			throw ex;
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			if (ex.getCause() instanceof SheetException refused) {
				throw refused;
			}
			log.info("Refused an uploaded file: {}", ex.toString());
			throw refuse("template.error.damaged");
		}
	}

	private static void inspectXml(String name, InputStream in, Budget budget) throws XMLStreamException {
		boolean sharedStrings = name.endsWith("sharedStrings.xml");
		boolean worksheet = name.startsWith("xl/worksheets/");
		// The parser closes its stream at the end of the document; the part is drained
		// afterwards, so it must stay open.
		var reader = XML.createXMLStreamReader(new FilterInputStream(in) {

			@Override
			public void close() {
			}

		});
		try {
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
						|| event == XMLStreamConstants.ENTITY_DECLARATION) {
					throw refuse("template.error.doctype", name);
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				budget.element();
				var local = reader.getLocalName();
				if (sharedStrings && local.equals("si") && ++budget.strings > MAX_SHARED_STRINGS) {
					throw refuse("template.error.tooManyStrings", MAX_SHARED_STRINGS);
				}
				if (worksheet && local.equals("c") && ++budget.cells > MAX_CELLS) {
					throw refuse("template.error.tooManyCells", MAX_CELLS);
				}
			}
		}
		finally {
			reader.close();
		}
	}

	/**
	 * Whether a part is to be read as XML: by its name, or because it starts like XML
	 * ('<' after any byte order mark, zero bytes of UTF-16 or white space), whatever its
	 * name, since the package's content types, not names, tell POI what a part is.
	 */
	private static boolean isXml(String name, BufferedInputStream in) throws IOException {
		if (name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml")) {
			return true;
		}
		in.mark(256);
		var head = in.readNBytes(256);
		in.reset();
		boolean blank = false;
		for (byte b : head) {
			if (b == '<') {
				return true;
			}
			if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
				blank = true;
			}
			else if (b != 0 && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF && b != (byte) 0xFE
					&& b != (byte) 0xFF) {
				return false;
			}
		}
		// Nothing but white space so far: XML may still follow it.
		return blank;
	}

	private static XMLInputFactory xmlInputFactory() {
		var factory = XMLInputFactory.newDefaultFactory();
		// The declaration is still reported (and refused); nothing is fetched or
		// expanded.
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory;
	}

	private static SheetException refuse(String key, Object... args) {
		return new SheetException(List.of(SheetProblem.file(key, args)));
	}

	/** What reading the file has cost so far. */
	private static final class Budget {

		private final long deadline;

		private long inflated;

		private int elements;

		int strings;

		int cells;

		Budget(long deadline) {
			this.deadline = deadline;
		}

		void inflated(long bytes) {
			this.inflated += bytes;
			if (this.inflated > MAX_INFLATED) {
				throw refuse("template.error.zipBomb");
			}
			overdue();
		}

		void element() {
			if (++this.elements > MAX_ELEMENTS) {
				throw refuse("template.error.tooComplex");
			}
			if ((this.elements & 0x3FF) == 0) {
				overdue();
			}
		}

		private void overdue() {
			if (System.nanoTime() > this.deadline) {
				throw refuse("template.error.tooComplex");
			}
		}

	}

	/** One part of the zip, counted against the budget, not closing the zip. */
	private static final class Bounded extends FilterInputStream {

		private final Budget budget;

		Bounded(InputStream in, Budget budget) {
			super(in);
			this.budget = budget;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.budget.inflated(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.budget.inflated(n);
			}
			return n;
		}

		@Override
		public void close() {
			// The zip stream moves on to the next part instead.
		}

	}

	/** Discards what is written to it. */
	private static final class OutputStreamSink extends java.io.OutputStream {

		public static final OutputStreamSink INSTANCE = new OutputStreamSink();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

	}

}
