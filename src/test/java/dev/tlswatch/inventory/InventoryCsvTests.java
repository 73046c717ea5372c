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
	void cellsWithCommasQuotesOrLineBreaksAreQuotedAndReadBack() {
		ExportRow row = new ExportRow(7, "a.example", 443, "IMPLICIT", "x,y", List.of("say \"hi\""), 60, true, "OK",
				null, null, null, null, List.of("LINE\nBREAK"));

		String csv = InventoryCsv.write(List.of(row));

		assertThat(csv).contains(",\"x,y\",\"say \"\"hi\"\"\",60,", ",\"LINE\nBREAK\"\r\n");
		assertThat(InventoryFiles.parseCsv(csv))
			.containsExactly(new ImportRow(0, "a.example", "443", "IMPLICIT", "x,y", "say \"hi\"", "60"));
	}

	@Test
	void formulaStartsGetASingleQuote() {
		assertThat(InventoryCsv.guard("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(InventoryCsv.guard("+1")).isEqualTo("'+1");
		assertThat(InventoryCsv.guard("-1")).isEqualTo("'-1");
		assertThat(InventoryCsv.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(InventoryCsv.guard("\tx")).isEqualTo("'\tx");
		assertThat(InventoryCsv.guard("a=b")).isEqualTo("a=b");
		assertThat(InventoryCsv.guard("")).isEmpty();
	}

	@Test
	void noCellOfAWrittenExportStartsAFormula() {
		ExportRow row = new ExportRow(7, "a.example", 443, "IMPLICIT", "=cmd|' /C calc'!A0", List.of("+tag", "@x"), 60,
				true, "OK", null, null, null, null, List.of("-1"));

		String csv = InventoryCsv.write(List.of(row));

		assertThat(csv.split("\r\n")[1].split(","))
			.allSatisfy((cell) -> assertThat(cell.replace("\"", "")).doesNotStartWith("=")
				.doesNotStartWith("+")
				.doesNotStartWith("-")
				.doesNotStartWith("@"));
		assertThat(csv).contains("'=cmd|' /C calc'!A0", "'+tag @x", "'-1");
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
