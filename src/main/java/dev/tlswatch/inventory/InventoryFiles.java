package dev.tlswatch.inventory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads import files: CSV (RFC 4180, read by Jackson's CSV module; a header row naming
 * the columns {@code host,port,tlsMode,sniName,tags,interval} in any order, other columns
 * ignored) or a JSON array of objects with the same properties. Bounded: at most
 * {@link #MAX_BYTES} bytes of UTF-8 and {@link #MAX_ROWS} rows.
 */
public final class InventoryFiles {

	/** 1 MiB. */
	public static final int MAX_BYTES = 1024 * 1024;

	public static final int MAX_ROWS = 5000;

	static final List<String> COLUMNS = List.of("host", "port", "tlsMode", "sniName", "tags", "interval");

	private static final char BOM = '\uFEFF';

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ObjectReader CSV_RECORDS = CsvMapper.builder()
		.enable(CsvReadFeature.WRAP_AS_ARRAY)
		.enable(CsvReadFeature.SKIP_EMPTY_LINES)
		.build()
		.readerFor(String[].class);

	private InventoryFiles() {
	}

	/**
	 * Decode an uploaded file.
	 * @param bytes the file, at most {@link #MAX_BYTES} (one more tells it was longer)
	 * @return the text, without a byte order mark
	 * @throws InventoryFormatException if it is too long or not UTF-8 text
	 */
	public static String text(byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw new InventoryFormatException("The file must be at most " + MAX_BYTES + " bytes (1 MiB).");
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			if (text.indexOf('\0') >= 0) {
				throw new InventoryFormatException("The file is not text: it holds NUL characters.");
			}
			return (!text.isEmpty() && text.charAt(0) == BOM) ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new InventoryFormatException("The file is not UTF-8 text.");
		}
	}

	/**
	 * Read a file as JSON if it starts with {@code [}, otherwise as CSV.
	 * @param text the file's text
	 * @return its rows
	 * @throws InventoryFormatException if it cannot be read
	 */
	public static List<ImportRow> parse(String text) {
		String start = stripBom(text).stripLeading();
		return start.startsWith("[") || start.startsWith("{") ? parseJson(text) : parseCsv(text);
	}

	/**
	 * Read CSV.
	 * @param text the file's text
	 * @return its rows, without the header
	 * @throws InventoryFormatException if it cannot be read
	 */
	public static List<ImportRow> parseCsv(String text) {
		checkLength(text);
		List<List<String>> records = records(stripBom(text));
		if (records.isEmpty()) {
			throw new InventoryFormatException("The file is empty: a header row (" + String.join(",", COLUMNS)
					+ ") and at least one endpoint are required.");
		}
		Map<String, Integer> columns = header(records.get(0));
		List<ImportRow> rows = new ArrayList<>();
		for (int i = 1; i < records.size(); i++) {
			List<String> record = records.get(i);
			if (record.size() != records.get(0).size()) {
				throw new InventoryFormatException(
						"Row " + i + " has " + record.size() + " cells, the header has " + records.get(0).size() + ".");
			}
			rows.add(new ImportRow(i - 1, cell(record, columns, "host"), cell(record, columns, "port"),
					cell(record, columns, "tlsMode"), cell(record, columns, "sniName"), cell(record, columns, "tags"),
					cell(record, columns, "interval")));
		}
		return checkRows(rows);
	}

	/**
	 * Read JSON: an array of objects; {@code tags} may be an array or a string,
	 * {@code scanIntervalMinutes} stands for {@code interval}.
	 * @param text the file's text
	 * @return its rows
	 * @throws InventoryFormatException if it cannot be read
	 */
	public static List<ImportRow> parseJson(String text) {
		checkLength(text);
		JsonNode root;
		try {
			root = JSON.readTree(stripBom(text));
		}
		catch (JacksonException ex) {
			throw new InventoryFormatException("The file is not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isArray()) {
			throw new InventoryFormatException("The JSON file must be an array of endpoints.");
		}
		if (root.size() > MAX_ROWS) {
			throw tooManyRows();
		}
		List<ImportRow> rows = new ArrayList<>();
		for (int i = 0; i < root.size(); i++) {
			JsonNode node = root.get(i);
			if (!node.isObject()) {
				throw new InventoryFormatException("Element " + i + " of the JSON array is not an object.");
			}
			String interval = value(node, i, "interval");
			rows.add(new ImportRow(i, value(node, i, "host"), value(node, i, "port"), value(node, i, "tlsMode"),
					value(node, i, "sniName"), value(node, i, "tags"),
					interval.isEmpty() ? value(node, i, "scanIntervalMinutes") : interval));
		}
		return checkRows(rows);
	}

	private static Map<String, Integer> header(List<String> header) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip();
			for (String column : COLUMNS) {
				if (column.equalsIgnoreCase(name) && columns.putIfAbsent(column, i) != null) {
					throw new InventoryFormatException("The header names the column " + column + " twice.");
				}
			}
		}
		List<String> missing = COLUMNS.stream().filter((column) -> !columns.containsKey(column)).toList();
		if (!missing.isEmpty()) {
			throw new InventoryFormatException("The header row must name the columns " + String.join(",", COLUMNS)
					+ "; missing: " + String.join(", ", missing) + ".");
		}
		return columns;
	}

	private static String cell(List<String> record, Map<String, Integer> columns, String column) {
		return record.get(columns.get(column)).strip();
	}

	private static String value(JsonNode object, int index, String property) {
		JsonNode node = object.get(property);
		if (node == null || node.isNull()) {
			return "";
		}
		if (node.isString()) {
			return node.stringValue().strip();
		}
		if (node.isNumber() || node.isBoolean()) {
			return node.toString();
		}
		if (node.isArray() && property.equals("tags")) {
			List<String> tags = new ArrayList<>();
			for (JsonNode tag : node.values()) {
				if (!tag.isString()) {
					throw new InventoryFormatException("rows[" + index + "].tags must be an array of strings.");
				}
				tags.add(tag.stringValue().strip());
			}
			return String.join(" ", tags);
		}
		throw new InventoryFormatException("rows[" + index + "]." + property + " must be a string or a number.");
	}

	private static List<ImportRow> checkRows(List<ImportRow> rows) {
		if (rows.size() > MAX_ROWS) {
			throw tooManyRows();
		}
		if (rows.isEmpty()) {
			throw new InventoryFormatException("The file lists no endpoints.");
		}
		return List.copyOf(rows);
	}

	private static InventoryFormatException tooManyRows() {
		return new InventoryFormatException("The file must list at most " + MAX_ROWS + " endpoints.");
	}

	private static void checkLength(String text) {
		// Characters are at least one byte of UTF-8: a cheap upper bound of the input.
		if (text.length() > MAX_BYTES) {
			throw new InventoryFormatException("The file must be at most " + MAX_BYTES + " bytes (1 MiB).");
		}
	}

	private static String stripBom(String text) {
		return (!text.isEmpty() && text.charAt(0) == BOM) ? text.substring(1) : text;
	}

	/**
	 * RFC 4180 records through Jackson's CSV module: cells separated by commas, records
	 * by CRLF or LF; a quoted cell may hold commas, line breaks and doubled quotes. Empty
	 * lines are skipped; more than {@link #MAX_ROWS} records (and a header) stop the
	 * reading.
	 */
	private static List<List<String>> records(String text) {
		List<List<String>> records = new ArrayList<>();
		try (MappingIterator<String[]> rows = CSV_RECORDS.readValues(text)) {
			while (rows.hasNextValue()) {
				if (records.size() > MAX_ROWS) {
					throw tooManyRows();
				}
				records.add(List.of(rows.nextValue()));
			}
		}
		catch (StreamReadException ex) {
			throw csvError(ex);
		}
		return records;
	}

	private static InventoryFormatException csvError(StreamReadException ex) {
		int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : -1;
		String message = String.valueOf(ex.getOriginalMessage());
		if (message.contains("Missing closing quote")) {
			return new InventoryFormatException(
					"A quoted cell is not closed: the file ends inside it (line " + line + ").");
		}
		if (message.contains("Expected column separator")) {
			return new InventoryFormatException("Line " + line + ": text after a quoted cell's closing quote.");
		}
		return new InventoryFormatException("Line " + line + ": not valid CSV (" + message + ").");
	}

}
