package dev.tlswatch.inventory;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes an export as CSV (RFC 4180: CRLF line ends, cells quoted when they hold a comma,
 * quote or line break). Cells that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) get a leading single quote.
 */
public final class InventoryCsv {

	static final List<String> HEADER = List.of("id", "host", "port", "tlsMode", "sniName", "tags", "interval",
			"enabled", "status", "scannedAt", "leafNotAfter", "protocol", "cipherSuite", "findings");

	private static final String CRLF = "\r\n";

	private InventoryCsv() {
	}

	/**
	 * The export as CSV, a header row first.
	 * @param rows the endpoints
	 * @return the CSV text
	 */
	public static String write(List<ExportRow> rows) {
		StringBuilder csv = new StringBuilder();
		line(csv, HEADER);
		for (ExportRow row : rows) {
			line(csv, List.of(Long.toString(row.id()), row.host(), Integer.toString(row.port()), row.tlsMode(),
					text(row.sniName()), String.join(" ", row.tags()), Integer.toString(row.interval()),
					Boolean.toString(row.enabled()), row.status(), text(row.scannedAt()), text(row.leafNotAfter()),
					text(row.protocol()), text(row.cipherSuite()), String.join(" ", row.findings())));
		}
		return csv.toString();
	}

	/**
	 * One cell, made safe for spreadsheets and quoted if needed.
	 * @param value the value
	 * @return the cell as written
	 */
	static String cell(String value) {
		String safe = value;
		if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
				|| safe.indexOf('\r') >= 0;
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

	private static void line(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			csv.append((i > 0) ? "," : "").append(cell(cells.get(i)));
		}
		csv.append(CRLF);
	}

	private static String text(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		return (value != null) ? value.toString() : "";
	}

}
