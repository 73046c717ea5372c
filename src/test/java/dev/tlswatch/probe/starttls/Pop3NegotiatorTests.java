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
 * POP3 STLS (RFC 2595) against scripted servers on 127.0.0.1.
 */
class Pop3NegotiatorTests {

	@Test
	void stlsUpgradesTheConnection() {
		try (StartTlsTestServer server = StartTlsTestServer.pop3(leaf())) {
			assertUpgraded(probe(server, StartTls.POP3), server);
			assertThat(server.received()).containsExactly("STLS");
		}
	}

	@Test
	void errAnswerIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("+OK ready");
			peer.expectLine("STLS");
			peer.sendLines("-ERR Command not permitted when TLS active");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.POP3),
					"POP3 server refused STLS: \"-ERR Command not permitted when TLS active\"");
		}
	}

	@Test
	void errGreetingEndsTheDialogue() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("-ERR [SYS/TEMP] try later");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.POP3),
					"POP3 server refused the connection: \"-ERR [SYS/TEMP] try later\"");
			assertThat(server.received()).isEmpty();
		}
	}

}
