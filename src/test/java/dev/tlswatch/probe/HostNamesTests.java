package dev.tlswatch.probe;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline parsing of IP literals and DNS names: {@link HostNames}.
 */
class HostNamesTests {

	@ParameterizedTest(name = "{0} is the address {1}")
	@CsvSource({ "127.0.0.1, 127.0.0.1", "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255", "::1, 0:0:0:0:0:0:0:1",
			"[::1], 0:0:0:0:0:0:0:1", "2001:DB8::A, 2001:db8:0:0:0:0:0:a", "::ffff:192.0.2.1, 192.0.2.1",
			"::192.0.2.1, 0:0:0:0:0:0:c000:201" })
	void ipLiteralIsParsed(String text, String expected) {
		InetAddress address = HostNames.parseIpLiteral(text);
		assertThat(address).isNotNull();
		assertThat(address.getHostAddress()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is no IP literal")
	@ValueSource(strings = { "", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4.",
			"1:2", ":::", "fe80::1%eth0", "[::1", "::1]", "g::1", "1::2::3", "a.b:c", ".::1" })
	void nonLiteralIsRejectedWithoutLookup(String text) {
		assertThat(HostNames.parseIpLiteral(text)).isNull();
	}

	@ParameterizedTest(name = "{0} is the DNS name {1}")
	@CsvSource({ "example.com, example.com", "Example.COM., example.com", "bücher.example, xn--bcher-kva.example",
			"xn--bcher-kva.example, xn--bcher-kva.example", "localhost, localhost", "_acme.example, _acme.example" })
	void dnsNameIsNormalized(String name, String expected) {
		assertThat(HostNames.toAsciiDnsName(name)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is no DNS name")
	@ValueSource(strings = { "", ".", "..", "a..b", ".example.com", "*.example.com", "exa mple.com", "example.com..",
			"a/b", "-\u0000-" })
	void invalidDnsNameIsRejected(String name) {
		assertThat(HostNames.toAsciiDnsName(name)).isNull();
	}

	@Test
	void overlongNamesAreRejected() {
		assertThat(HostNames.toAsciiDnsName("a".repeat(63) + ".example")).isNotNull();
		assertThat(HostNames.toAsciiDnsName("a".repeat(64) + ".example")).isNull();
		String label = "a".repeat(63);
		String longest = label + "." + label + "." + label + "." + "a".repeat(61);
		assertThat(HostNames.toAsciiDnsName(longest)).hasSize(253);
		assertThat(HostNames.toAsciiDnsName(longest + "a")).isNull();
	}

}
