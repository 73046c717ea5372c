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
 * LMTP STARTTLS (RFC 2033, RFC 3207) against scripted servers on 127.0.0.1.
 */
class LmtpNegotiatorTests {

	@Test
	void lhloThenStartTlsUpgradesTheConnection() {
		try (StartTlsTestServer server = StartTlsTestServer.lmtp(leaf())) {
			assertUpgraded(probe(server, StartTls.LMTP), server);
			assertThat(server.received()).containsExactly("LHLO tlswatch.invalid", "STARTTLS");
		}
	}

	@Test
	void aServerWithoutStartTlsIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("220 localhost LMTP ready");
			peer.expectLine("LHLO ");
			peer.sendLines("250-localhost", "250 PIPELINING");
			peer.hang();
		})) {
			assertThat(probe(server, StartTls.LMTP).error()).startsWith("LMTP server does not offer STARTTLS: ")
				.contains("250 PIPELINING");
		}
	}

	@Test
	void aRejectedLhloIsNamed() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("220 localhost LMTP ready");
			peer.expectLine("LHLO ");
			peer.sendLines("500 5.5.1 Unknown command");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.LMTP),
					"LMTP server rejected LHLO: \"500 5.5.1 Unknown command\"");
		}
	}

}
