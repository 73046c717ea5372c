package dev.tlswatch.probe;

import javax.net.ssl.SNIHostName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which names go into the SNI extension: {@link HostNames#serverName}.
 */
class ServerNameTests {

	@ParameterizedTest(name = "{0} is sent as {1}")
	@CsvSource({ "example.com, example.com", "www.example.com., www.example.com", "localhost, localhost",
			"bücher.example, xn--bcher-kva.example", "a-b.example, a-b.example", "1.example.com2, 1.example.com2" })
	void validDnsNameIsSent(String name, String sent) {
		SNIHostName serverName = HostNames.serverName(name);
		assertThat(serverName).isNotNull();
		assertThat(serverName.getAsciiName()).isEqualTo(sent);
	}

	@ParameterizedTest(name = "\"{0}\" is not sent")
	@ValueSource(strings = { "", ".", "..", "127.0.0.1", "1.2.3.4.5", "10", "::1", "[::1]", "a..b", "-a.example",
			"under_score.example", "exa mple.com", "*.example.com" })
	void invalidNameIsNotSent(String name) {
		assertThat(HostNames.serverName(name)).isNull();
	}

	@Test
	void nullIsNotSent() {
		assertThat(HostNames.serverName(null)).isNull();
	}

	@Test
	void overlongNameIsNotSent() {
		String label = "a".repeat(63);
		String longest = label + "." + label + "." + label + "." + "a".repeat(61);
		assertThat(HostNames.serverName(longest)).isNotNull();
		assertThat(HostNames.serverName(longest + "a")).isNull();
	}

}
