package dev.tlswatch.probe.starttls;

import dev.tlswatch.probe.StartTls;
import dev.tlswatch.support.StartTlsTestServer;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.starttls.StartTlsProbes.assertStartTlsFailed;
import static dev.tlswatch.probe.starttls.StartTlsProbes.assertUpgraded;
import static dev.tlswatch.probe.starttls.StartTlsProbes.leaf;
import static dev.tlswatch.probe.starttls.StartTlsProbes.probe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ManageSieve STARTTLS (RFC 5804) against scripted servers on 127.0.0.1.
 */
class SieveNegotiatorTests {

	@Test
	void startTlsUpgradesTheConnection() {
		try (StartTlsTestServer server = StartTlsTestServer.sieve(leaf())) {
			assertUpgraded(probe(server, StartTls.SIEVE), server);
			assertThat(server.received()).containsExactly("STARTTLS");
		}
	}

	@Test
	void aGreetingWithoutStartTlsIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("\"IMPLEMENTATION\" \"Test Sieve\"", "\"SASL\" \"PLAIN\"", "OK \"Ready.\"");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.SIEVE),
					"ManageSieve server does not offer STARTTLS: \"OK \\\"Ready.\\\"\"");
			assertThat(server.received()).isEmpty();
		}
	}

	@Test
	void aNoAnswerToStartTlsIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("\"STARTTLS\"", "OK");
			peer.expectLine("STARTTLS");
			peer.sendLines("NO \"TLS unavailable\"");
			peer.hang();
		})) {
			assertThat(probe(server, StartTls.SIEVE).error()).startsWith("ManageSieve server refused STARTTLS: ")
				.contains("TLS unavailable");
		}
	}

}
