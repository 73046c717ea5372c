package dev.tlswatch.probe.starttls;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerTextTests {

	@Test
	void printableTextIsQuotedAsItIs() {
		assertThat(ServerText.quote("250 mail.example.com")).isEqualTo("\"250 mail.example.com\"");
		assertThat(ServerText.quote("220 café 日本")).isEqualTo("\"220 café 日本\"");
		assertThat(ServerText.quote("")).isEqualTo("\"\"");
	}

	@Test
	void lineEndsQuotesAndBackslashesAreEscaped() {
		assertThat(ServerText.quote("a\r\nb\tc \"d\" \\e")).isEqualTo("\"a\\r\\nb\\tc \\\"d\\\" \\\\e\"");
	}

	@Test
	void controlAndFormatCharactersAreEscaped() {
		assertThat(ServerText.quote("\u0000\u001b[2J\u007f\u0085\u202e\u2028\ud800"))
			.isEqualTo("\"\\u0000\\u001b[2J\\u007f\\u0085\\u202e\\u2028\\ud800\"");
	}

	@Test
	void longTextIsCutToTwoHundredCharactersWithAnEllipsis() {
		assertThat(ServerText.quote("a".repeat(200))).isEqualTo("\"" + "a".repeat(200) + "\"");
		assertThat(ServerText.quote("a".repeat(201))).isEqualTo("\"" + "a".repeat(199) + "…\"");
		assertThat(ServerText.quote("a".repeat(100_000))).hasSize(2 + 200);
	}

	@Test
	void escapesAreNeverCutInHalf() {
		assertThat(ServerText.quote("a".repeat(197) + "\u0001" + "b")).isEqualTo("\"" + "a".repeat(197) + "…\"");
	}

}
