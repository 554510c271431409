package org.junheng.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads an uploaded file into a {@link Sheet}, blocking (call it off the event loop): an .xlsx
 * workbook as a stream of SAX events, never as a whole workbook in memory, with formulas read as
 * their cached values; or UTF-8 (or Excel's GB18030) CSV. Anything else, and a workbook that
 * unpacks to far more than it weighs, is a {@link Refused} naming why.
 */
final class SheetReader {

	static final String NOTES_SHEET = "说明";

	static final String VERSION_LABEL = "模板版本";

	static {
		// A zip bomb: a small file that unpacks to gigabytes. POI refuses entries that inflate more
		// than 100 times, or past 100 MB.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
	}

	private SheetReader() {
	}

	static Sheet read(Path file, String fileName) throws Refused {
		byte[] head = new byte[8];
		try (InputStream in = Files.newInputStream(file)) {
			int read = in.readNBytes(head, 0, head.length);
			if (read == 0) {
				throw new Refused("import.emptyFile");
			}
		}
		catch (IOException ex) {
			throw new Refused("import.unreadable");
		}
		if (head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return xlsx(file);
		}
		if ((head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0) {
			throw new Refused("import.oldExcel");
		}
		if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
			return csv(file);
		}
		throw new Refused("import.notSpreadsheet");
	}

	private static Sheet xlsx(Path file) throws Refused {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			String version = null;
			Collector data = null;
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					String name = sheets.getSheetName();
					if (name.equals(NOTES_SHEET)) {
						Collector notes = new Collector();
						parse(in, reader, strings, notes);
						version = notes.valueAfter(VERSION_LABEL);
					}
					else if (data == null) {
						data = new Collector();
						parse(in, reader, strings, data);
					}
				}
			}
			if (data == null) {
				throw new Refused("import.noSheet");
			}
			return data.sheet(version);
		}
		catch (Refused ex) {
			throw ex;
		}
		catch (Exception ex) {
			// POI names a zip bomb in its message; anything else is a file that is no workbook.
			throw new Refused(String.valueOf(ex.getMessage()).contains("Zip bomb") || causedByBomb(ex) ? "import.zipBomb"
					: "import.notSpreadsheet");
		}
	}

	private static boolean causedByBomb(Throwable ex) {
		for (Throwable at = ex; at != null; at = at.getCause()) {
			String message = String.valueOf(at.getMessage());
			if (message.contains("Zip bomb") || message.contains("MaxEntrySize") || message.contains("inflate")) {
				return true;
			}
		}
		return false;
	}

	private static void parse(InputStream in, XSSFReader reader, ReadOnlySharedStringsTable strings, Collector rows)
			throws IOException, SAXException, ParserConfigurationException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
		XMLReader parser = XMLHelper.newXMLReader();
		// Cached values of formulas, numbers as written (no locale's grouping), dates as ISO dates.
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		XSSFSheetXMLHandler cells = new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, formatter, false);
		// The sheet handler does not report merged ranges; this filter catches them on the way.
		XMLFilterImpl merges = new XMLFilterImpl(parser) {
			@Override
			public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
				if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
					rows.merge(attributes.getValue("ref"));
				}
				super.startElement(uri, localName, qName, attributes);
			}
		};
		merges.setContentHandler(cells);
		merges.parse(new InputSource(in));
	}

	private static Sheet csv(Path file) throws Refused {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new Refused("import.unreadable");
		}
		String text = decode(bytes, StandardCharsets.UTF_8);
		if (text == null) {
			// Excel on a Chinese Windows saves "CSV" in GB18030 (GBK).
			text = decode(bytes, Charset.forName("GB18030"));
		}
		if (text == null) {
			throw new Refused("import.notText");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		Collector rows = new Collector();
		try {
			for (CSVRecord record : CSVFormat.EXCEL.parse(new java.io.StringReader(text))) {
				rows.startRow((int) record.getRecordNumber() - 1);
				for (int i = 0; i < record.size(); i++) {
					rows.cell(new CellReference((int) record.getRecordNumber() - 1, i).formatAsString(), record.get(i), null);
				}
				rows.endRow((int) record.getRecordNumber() - 1);
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw new Refused("import.badCsv");
		}
		return rows.sheet(null);
	}

	private static String decode(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/** Rows as they stream in: the first non-empty row is the header; empty rows are dropped. */
	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final List<Map<Integer, String>> raw = new ArrayList<>();

		private final List<Integer> numbers = new ArrayList<>();

		private final List<Sheet.Merge> merges = new ArrayList<>();

		private Map<Integer, String> current;

		void merge(String ref) {
			CellRangeAddress range = CellRangeAddress.valueOf(ref);
			this.merges.add(new Sheet.Merge(ref, range.getFirstRow() + 1, range.getLastRow() + 1));
		}

		@Override
		public void startRow(int rowNum) {
			this.current = new LinkedHashMap<>();
		}

		@Override
		public void endRow(int rowNum) {
			if (this.current.values().stream().anyMatch((value) -> !Cells.blank(value))) {
				this.raw.add(this.current);
				this.numbers.add(rowNum + 1);
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			if (reference != null && value != null) {
				this.current.put((int) new CellReference(reference).getCol(), value);
			}
		}

		/** In a notes sheet: the cell right of the one that reads {@code label}. */
		String valueAfter(String label) {
			for (Map<Integer, String> row : this.raw) {
				for (Map.Entry<Integer, String> cell : row.entrySet()) {
					if (Cells.text(cell.getValue()).equals(label)) {
						return Cells.text(row.get(cell.getKey() + 1));
					}
				}
			}
			return null;
		}

		Sheet sheet(String version) throws Refused {
			if (this.raw.isEmpty()) {
				throw new Refused("import.noHeader");
			}
			Map<Integer, String> header = this.raw.get(0);
			List<String> headers = header.values().stream().map(Cells::text).toList();
			List<Sheet.Row> rows = new ArrayList<>();
			for (int i = 1; i < this.raw.size(); i++) {
				Map<String, String> cells = new LinkedHashMap<>();
				for (Map.Entry<Integer, String> column : header.entrySet()) {
					cells.put(Cells.text(column.getValue()), this.raw.get(i).getOrDefault(column.getKey(), ""));
				}
				rows.add(new Sheet.Row(this.numbers.get(i), cells));
			}
			return new Sheet(headers, rows, version, List.copyOf(this.merges));
		}

	}

}
