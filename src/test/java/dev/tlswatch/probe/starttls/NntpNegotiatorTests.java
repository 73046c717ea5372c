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
 * NNTP STARTTLS (RFC 4642) against scripted servers on 127.0.0.1.
 */
class NntpNegotiatorTests {

	@Test
	void startTlsUpgradesTheConnection() {
		try (StartTlsTestServer server = StartTlsTestServer.nntp(leaf())) {
			assertUpgraded(probe(server, StartTls.NNTP), server);
			assertThat(server.received()).containsExactly("STARTTLS");
		}
	}

	@Test
	void aRefusalIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("201 news.example.test ready (no posting)");
			peer.expectLine("STARTTLS");
			peer.sendLines("580 Can not initiate TLS negotiation");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.NNTP),
					"NNTP server refused STARTTLS: \"580 Can not initiate TLS negotiation\"");
		}
	}

	@Test
	void anUnavailableGreetingEndsTheDialogue() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("400 Service temporarily unavailable");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.NNTP),
					"NNTP server refused the connection: \"400 Service temporarily unavailable\"");
			assertThat(server.received()).isEmpty();
		}
	}

}
