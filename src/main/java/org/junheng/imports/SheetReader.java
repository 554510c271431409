package org.junheng.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
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

	/** The whole sheet in memory: for sheets of a few thousand rows (a county's conditions). */
	static Sheet read(Path file, String fileName) throws Refused {
		Collected all = new Collected();
		stream(file, fileName, all);
		return all.sheet();
	}

	/**
	 * Streams the sheet to {@code parts}, a row at a time, in bounded memory whatever its size:
	 * the header first (with the notes sheet's template version), then each data row, then the
	 * merged ranges (a workbook lists them after its rows).
	 */
	static void stream(Path file, String fileName, Consumer<Sheet.Part> parts) throws Refused {
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
			xlsx(file, parts);
		}
		else if ((head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0) {
			throw new Refused("import.oldExcel");
		}
		else if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
			csv(file, parts);
		}
		else {
			throw new Refused("import.notSpreadsheet");
		}
	}

	private static void xlsx(Path file, Consumer<Sheet.Part> parts) throws Refused {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			// The notes sheet first, wherever it is, so the version is known before the first row.
			String version = null;
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					if (sheets.getSheetName().equals(NOTES_SHEET)) {
						Notes notes = new Notes();
						parse(in, reader, strings, notes, (ref) -> { });
						version = notes.valueAfter(VERSION_LABEL);
					}
				}
			}
			sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					if (!sheets.getSheetName().equals(NOTES_SHEET)) {
						Rows rows = new Rows(parts, version);
						parse(in, reader, strings, rows, rows::merge);
						rows.end();
						return;
					}
				}
			}
			throw new Refused("import.noSheet");
		}
		catch (Refused ex) {
			throw ex;
		}
		catch (Stopped ex) {
			throw ex;
		}
		catch (Exception ex) {
			if (ex.getCause() instanceof Stopped stopped) {
				throw stopped;
			}
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

	private static void parse(InputStream in, XSSFReader reader, ReadOnlySharedStringsTable strings,
			XSSFSheetXMLHandler.SheetContentsHandler rows, Consumer<String> merged)
			throws IOException, SAXException, ParserConfigurationException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
		XMLReader parser = XMLHelper.newXMLReader();
		// Cached values of formulas, numbers as written (no locale's grouping), dates as ISO dates.
		DataFormatter formatter = new IsoDates();
		XSSFSheetXMLHandler cells = new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, formatter, false);
		// The sheet handler does not report merged ranges; this filter catches them on the way.
		XMLFilterImpl merges = new XMLFilterImpl(parser) {
			@Override
			public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
				if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
					merged.accept(attributes.getValue("ref"));
				}
				super.startElement(uri, localName, qName, attributes);
			}
		};
		merges.setContentHandler(cells);
		merges.parse(new InputSource(in));
	}

	private static void csv(Path file, Consumer<Sheet.Part> parts) throws Refused {
		// Excel on a Chinese Windows saves "CSV" in GB18030 (GBK); anything else must be UTF-8.
		Charset charset = valid(file, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8
				: valid(file, Charset.forName("GB18030")) ? Charset.forName("GB18030") : null;
		if (charset == null) {
			throw new Refused("import.notText");
		}
		Rows rows = new Rows(parts, null);
		try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16)) {
			in.mark(1);
			if (in.read() != '\uFEFF') {
				in.reset();
			}
			for (CSVRecord record : CSVFormat.EXCEL.parse(in)) {
				int number = (int) record.getRecordNumber() - 1;
				rows.startRow(number);
				for (int i = 0; i < record.size(); i++) {
					rows.cell(new CellReference(number, i).formatAsString(), record.get(i), null);
				}
				rows.endRow(number);
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw new Refused("import.badCsv");
		}
		rows.end();
	}

	/** Whether the whole file decodes in this character set, read in blocks. */
	private static boolean valid(Path file, Charset charset) throws Refused {
		CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
			char[] buffer = new char[1 << 16];
			while (in.read(buffer) >= 0) {
				// decoding is the check
			}
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new Refused("import.unreadable");
		}
	}

	/**
	 * Cells as they stream in, passed on a row at a time: the first non-empty row is the header,
	 * empty rows are dropped, each data row's cells are named by the header above them.
	 */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Consumer<Sheet.Part> parts;

		private final String version;

		private final List<Sheet.Merge> merges = new ArrayList<>();

		private Map<Integer, String> header;

		private Map<Integer, String> current;

		Rows(Consumer<Sheet.Part> parts, String version) {
			this.parts = parts;
			this.version = version;
		}

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
			if (this.current.values().stream().allMatch(Cells::blank)) {
				return;
			}
			if (this.header == null) {
				this.header = this.current;
				this.parts.accept(new Sheet.Header(this.header.values().stream().map(Cells::text).toList(), this.version));
				return;
			}
			Map<String, String> cells = new LinkedHashMap<>();
			for (Map.Entry<Integer, String> column : this.header.entrySet()) {
				cells.put(Cells.text(column.getValue()), this.current.getOrDefault(column.getKey(), ""));
			}
			this.parts.accept(new Sheet.Row(rowNum + 1, cells));
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			if (reference != null && value != null) {
				this.current.put((int) new CellReference(reference).getCol(), value);
			}
		}

		/** After the last row: a sheet without a header is refused; the merged ranges follow the rows. */
		void end() throws Refused {
			if (this.header == null) {
				throw new Refused("import.noHeader");
			}
			this.merges.forEach(this.parts);
		}

	}

	/** A sheet's parts kept in memory. */
	private static final class Collected implements Consumer<Sheet.Part> {

		private Sheet.Header header;

		private final List<Sheet.Row> rows = new ArrayList<>();

		private final List<Sheet.Merge> merges = new ArrayList<>();

		@Override
		public void accept(Sheet.Part part) {
			if (part instanceof Sheet.Header header) {
				this.header = header;
			}
			else if (part instanceof Sheet.Row row) {
				this.rows.add(row);
			}
			else if (part instanceof Sheet.Merge merge) {
				this.merges.add(merge);
			}
		}

		Sheet sheet() {
			return new Sheet(this.header.headers(), this.rows, this.header.templateVersion(), this.merges);
		}

	}

	/** The notes sheet's cells, to find the template version beside its label. */
	private static final class Notes implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Map<String, String> cells = new LinkedHashMap<>();

		@Override
		public void startRow(int rowNum) {
		}

		@Override
		public void endRow(int rowNum) {
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			if (reference != null && value != null) {
				this.cells.put(reference, value);
			}
		}

		/** The cell right of the one that reads {@code label}. */
		String valueAfter(String label) {
			for (Map.Entry<String, String> cell : this.cells.entrySet()) {
				if (Cells.text(cell.getValue()).equals(label)) {
					CellReference at = new CellReference(cell.getKey());
					return Cells.text(this.cells.get(new CellReference(at.getRow(), at.getCol() + 1).formatAsString()));
				}
			}
			return null;
		}

	}

	/** Dates as ISO dates (2019-09-01) whatever format the cell shows them in; everything else as Excel shows it. */
	private static final class IsoDates extends DataFormatter {

		IsoDates() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				java.time.LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
				return (at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) ? at.toLocalDate().toString() : at.toString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}

	}

	/** Thrown from a row callback to stop reading (the import was cancelled). */
	static final class Stopped extends RuntimeException {

		Stopped() {
			super("stopped", null, false, false);
		}

	}

}
