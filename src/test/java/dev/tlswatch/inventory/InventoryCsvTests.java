package dev.tlswatch.inventory;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing exports as CSV: RFC 4180 quoting and cells a spreadsheet would run as formulas.
 */
class InventoryCsvTests {

	@Test
	void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
		assertThat(InventoryCsv.cell("plain")).isEqualTo("plain");
		assertThat(InventoryCsv.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(InventoryCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(InventoryCsv.cell("1\n2")).isEqualTo("\"1\n2\"");
	}

	@Test
	void formulaStartsGetASingleQuote() {
		assertThat(InventoryCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(InventoryCsv.cell("+1")).isEqualTo("'+1");
		assertThat(InventoryCsv.cell("-1")).isEqualTo("'-1");
		assertThat(InventoryCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(InventoryCsv.cell("a=b")).isEqualTo("a=b");
	}

	@Test
	void writesAHeaderAndOneCrlfLinePerEndpoint() {
		ExportRow row = new ExportRow(7, "a.example", 443, "IMPLICIT", null, List.of("prod", "web"), 60, true, "OK",
				Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-03-01T00:00:00Z"), "TLSv1.3",
				"TLS_AES_128_GCM_SHA256", List.of("CHAIN_TRUSTED", "EXPIRES_SOON"));

		assertThat(InventoryCsv.write(List.of(row))).isEqualTo(
				"id,host,port,tlsMode,sniName,tags,interval,enabled,status,scannedAt,leafNotAfter,protocol,cipherSuite,findings\r\n"
						+ "7,a.example,443,IMPLICIT,,prod web,60,true,OK,2026-01-02T03:04:05Z,2026-03-01T00:00:00Z,"
						+ "TLSv1.3,TLS_AES_128_GCM_SHA256,CHAIN_TRUSTED EXPIRES_SOON\r\n");
	}

	@Test
	void anExportReadsBackAsAnImport() {
		ExportRow row = new ExportRow(7, "a.example", 25, "AUTO", "mx.example", List.of("mail"), 15, false, "PENDING",
				null, null, null, null, List.of());

		assertThat(InventoryFiles.parseCsv(InventoryCsv.write(List.of(row))))
			.containsExactly(new ImportRow(0, "a.example", "25", "AUTO", "mx.example", "mail", "15"));
	}

}
