package dev.tlswatch.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading import files: RFC 4180 quoting, byte order marks, line ends, limits and
 * garbage.
 */
class InventoryFilesTests {

	private static final String HEADER = "host,port,tlsMode,sniName,tags,interval\n";

	@Test
	void readsRowsWithTheHeadersColumnsInAnyOrderTrimmed() {
		List<ImportRow> rows = InventoryFiles
			.parseCsv("interval,tags,sniName,tlsMode,port,host\n30, prod;mail ,,IMPLICIT,465,mail.example.com\n");

		assertThat(rows)
			.containsExactly(new ImportRow(0, "mail.example.com", "465", "IMPLICIT", "", "prod;mail", "30"));
	}

	@Test
	void quotedCellsHoldCommasDoubledQuotesAndLineBreaks() {
		List<ImportRow> rows = InventoryFiles
			.parseCsv(HEADER + "\"a.example\",\"443\",IMPLICIT,\"x,y\",\"say \"\"hi\"\"\",\"1\r\n2\"\n");

		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.host()).isEqualTo("a.example");
			assertThat(row.sniName()).isEqualTo("x,y");
			assertThat(row.tags()).isEqualTo("say \"hi\"");
			assertThat(row.interval()).isEqualTo("1\r\n2");
		});
	}

	@Test
	void crlfLineEndsBlankLinesAndAMissingLastLineEndAreAccepted() {
		List<ImportRow> rows = InventoryFiles.parseCsv(HEADER.replace("\n", "\r\n")
				+ "a.example,443,AUTO,,,\r\n\r\nb.example,25,AUTO,,,\r\n\r\nc.example,587,AUTO,,,");

		assertThat(rows).extracting(ImportRow::host).containsExactly("a.example", "b.example", "c.example");
		assertThat(rows).extracting(ImportRow::index).containsExactly(0, 1, 2);
	}

	@Test
	void aByteOrderMarkIsDropped() {
		byte[] bytes = ("\uFEFF" + HEADER + "a.example,443,AUTO,,,\n").getBytes(StandardCharsets.UTF_8);

		List<ImportRow> rows = InventoryFiles.parse(InventoryFiles.text(bytes));

		assertThat(rows).extracting(ImportRow::host).containsExactly("a.example");
	}

	@Test
	void extraColumnsOfAnExportAreIgnored() {
		List<ImportRow> rows = InventoryFiles.parseCsv(
				"id,host,port,tlsMode,sniName,tags,interval,enabled,status\n7,a.example,443,AUTO,,web,60,true,OK\n");

		assertThat(rows).containsExactly(new ImportRow(0, "a.example", "443", "AUTO", "", "web", "60"));
	}

	@Test
	void aMissingHeaderColumnIsNamed() {
		assertThatExceptionOfType(InventoryFormatException.class)
			.isThrownBy(() -> InventoryFiles.parseCsv("host,port,tlsMode,tags,interval\na.example,443,AUTO,,\n"))
			.withMessageContaining("missing: sniName");
	}

	@Test
	void aFileWithoutHeaderIsRejected() {
		assertThatExceptionOfType(InventoryFormatException.class)
			.isThrownBy(() -> InventoryFiles.parseCsv("a.example,443,AUTO,,,\n"))
			.withMessageContaining("header row must name the columns host,port,tlsMode,sniName,tags,interval");
	}

	@Test
	void anUnclosedQuoteIsRejectedWithItsLine() {
		assertThatExceptionOfType(InventoryFormatException.class)
			.isThrownBy(() -> InventoryFiles.parseCsv(HEADER + "a.example,443,AUTO,,,\n\"b.example,443,AUTO,,,\n"))
			.withMessageStartingWith("A quoted cell is not closed: the file ends inside it (line ");
	}

	@Test
	void textAfterAClosingQuoteIsRejectedWithItsLine() {
		assertThatExceptionOfType(InventoryFormatException.class)
			.isThrownBy(() -> InventoryFiles.parseCsv(HEADER + "\"a.example\"x,443,AUTO,,,\n"))
			.withMessage("Line 2: text after a quoted cell's closing quote.");
	}

	@Test
	void aQuoteInsideAPlainCellIsReadAsItStandsAndLeftToTheHostCheck() {
		assertThat(InventoryFiles.parseCsv(HEADER + "a\"example,443,AUTO,,,\n")).singleElement()
			.satisfies((row) -> assertThat(row.host()).isEqualTo("a\"example"));
	}

	@Test
	void aRowWithTheWrongNumberOfCellsIsRejected() {
		assertThatExceptionOfType(InventoryFormatException.class)
			.isThrownBy(() -> InventoryFiles.parseCsv(HEADER + "a.example,443,AUTO\n"))
			.withMessage("Row 1 has 3 cells, the header has 6.");
	}

	@Test
	void aHeaderWithoutRowsIsRejected() {
		assertThatExceptionOfType(InventoryFormatException.class).isThrownBy(() -> InventoryFiles.parseCsv(HEADER))
			.withMessage("The file lists no endpoints.");
		assertThatExceptionOfType(InventoryFormatException.class).isThrownBy(() -> InventoryFiles.parseCsv(""))
			.withMessageContaining("The file is empty");
	}

	@Test
	void moreRowsThanTheLimitAreRejected() {
		String csv = HEADER + "a.example,443,AUTO,,,\n".repeat(InventoryFiles.MAX_ROWS + 1);

		assertThatExceptionOfType(InventoryFormatException.class).isThrownBy(() -> InventoryFiles.parseCsv(csv))
			.withMessage("The file must list at most 5000 endpoints.");
		assertThat(InventoryFiles.parseCsv(HEADER + "a.example,443,AUTO,,,\n".repeat(InventoryFiles.MAX_ROWS)))
			.hasSize(InventoryFiles.MAX_ROWS);
	}

	@Test
	void moreBytesThanTheLimitAreRejected() {
		byte[] bytes = new byte[InventoryFiles.MAX_BYTES + 1];
		Arrays.fill(bytes, (byte) 'a');

		assertThatExceptionOfType(InventoryFormatException.class).isThrownBy(() -> InventoryFiles.text(bytes))
			.withMessageContaining("at most 1048576 bytes");
	}

	@Test
	void binaryGarbageIsRejected() {
		assertThatExceptionOfType(InventoryFormatException.class)
			.isThrownBy(() -> InventoryFiles.text(new byte[] { (byte) 0xC3, (byte) 0x28, 0x41 }))
			.withMessage("The file is not UTF-8 text.");
		assertThatExceptionOfType(InventoryFormatException.class)
			.isThrownBy(() -> InventoryFiles.text(new byte[] { 'P', 'K', 3, 4, 0, 0 }))
			.withMessageContaining("NUL");
	}

	@Test
	void readsAJsonArrayWithTagsAsArrayAndNumbers() {
		List<ImportRow> rows = InventoryFiles
			.parse("""
					[{"host":"a.example","port":443,"tlsMode":"IMPLICIT","tags":["web","prod"],"interval":30},
					 {"host":"b.example","port":"25","tlsMode":"AUTO","sniName":null,"tags":"mail","scanIntervalMinutes":15}]
					""");

		assertThat(rows).containsExactly(new ImportRow(0, "a.example", "443", "IMPLICIT", "", "web prod", "30"),
				new ImportRow(1, "b.example", "25", "AUTO", "", "mail", "15"));
	}

	@Test
	void jsonThatIsNotAnArrayOfObjectsIsRejected() {
		assertThatExceptionOfType(InventoryFormatException.class)
			.isThrownBy(() -> InventoryFiles.parse("{\"host\":\"a.example\"}"))
			.withMessage("The JSON file must be an array of endpoints.");
		assertThatExceptionOfType(InventoryFormatException.class).isThrownBy(() -> InventoryFiles.parse("[1]"))
			.withMessage("Element 0 of the JSON array is not an object.");
		assertThatExceptionOfType(InventoryFormatException.class)
			.isThrownBy(() -> InventoryFiles.parse("[{\"host\":{\"a\":1}}]"))
			.withMessage("rows[0].host must be a string or a number.");
		assertThatExceptionOfType(InventoryFormatException.class).isThrownBy(() -> InventoryFiles.parse("[{,"))
			.withMessageStartingWith("The file is not valid JSON");
	}

}
