package dev.tlswatch.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Writes an export as CSV (RFC 4180: CRLF line ends, cells quoted when they need it)
 * through Jackson's CSV module. Cells that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, tab or carriage return) get a leading single quote first.
 */
public final class InventoryCsv {

	static final List<String> HEADER = List.of("id", "host", "port", "tlsMode", "sniName", "tags", "interval",
			"enabled", "status", "scannedAt", "leafNotAfter", "protocol", "cipherSuite", "findings");

	private static final String CRLF = "\r\n";

	// Quote only the cells that need it (comma, quote, line break), as RFC 4180 does
	private static final CsvMapper mapper = CsvMapper.builder()
		.enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
		.build();

	private static final ObjectWriter writer = mapper.writer(CsvSchema.builder()
		.addColumns(HEADER, CsvSchema.ColumnType.STRING)
		.build()
		.withHeader()
		.withLineSeparator(CRLF));

	private InventoryCsv() {
	}

	/**
	 * The export as CSV, a header row first.
	 * @param rows the endpoints
	 * @return the CSV text
	 */
	public static String write(List<ExportRow> rows) {
		List<List<String>> lines = new ArrayList<>(rows.size());
		for (ExportRow row : rows) {
			lines.add(Stream
				.of(Long.toString(row.id()), row.host(), Integer.toString(row.port()), row.tlsMode(),
						text(row.sniName()), String.join(" ", row.tags()), Integer.toString(row.interval()),
						Boolean.toString(row.enabled()), row.status(), text(row.scannedAt()), text(row.leafNotAfter()),
						text(row.protocol()), text(row.cipherSuite()), String.join(" ", row.findings()))
				.map(InventoryCsv::guard)
				.toList());
		}
		return writer.writeValueAsString(lines);
	}

	/**
	 * One cell, made safe for spreadsheets: a leading single quote before what a
	 * spreadsheet would run as a formula (OWASP "CSV injection").
	 * @param value the value
	 * @return the cell's text, before quoting
	 */
	static String guard(String value) {
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	private static String text(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		return (value != null) ? value.toString() : "";
	}

}
