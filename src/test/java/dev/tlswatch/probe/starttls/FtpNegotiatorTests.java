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
 * FTP AUTH TLS (RFC 4217) against scripted servers on 127.0.0.1.
 */
class FtpNegotiatorTests {

	@Test
	void authTlsUpgradesAfterAMultiLineGreeting() {
		try (StartTlsTestServer server = StartTlsTestServer.ftp(leaf())) {
			assertUpgraded(probe(server, StartTls.FTP), server);
			assertThat(server.received()).containsExactly("AUTH TLS");
		}
	}

	@Test
	void readySoonGreetingIsFollowedByTheRealOne() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("120 ready in 1 minute", "220 ready");
			peer.expectLine("AUTH TLS");
			peer.sendLines("234 go");
			peer.startTls();
		})) {
			assertUpgraded(probe(server, StartTls.FTP), server);
		}
	}

	@Test
	void refusedAuthTlsIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("220 ready");
			peer.expectLine("AUTH TLS");
			peer.sendLines("534 Local policy on server does not allow TLS secure connections.");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.FTP),
					"FTP server refused AUTH TLS: \"534 Local policy on server does not allow TLS secure connections.\"");
		}
	}

	@Test
	void unavailableServiceGreetingEndsTheDialogue() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("421 Too many users");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.FTP),
					"FTP server refused the connection: \"421 Too many users\"");
			assertThat(server.received()).isEmpty();
		}
	}

}
