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
 * IRC STARTTLS (IRCv3 tls extension) against scripted servers on 127.0.0.1.
 */
class IrcNegotiatorTests {

	@Test
	void startTlsUpgradesTheConnectionPastTheNotices() {
		try (StartTlsTestServer server = StartTlsTestServer.irc(leaf())) {
			assertUpgraded(probe(server, StartTls.IRC), server);
			assertThat(server.received()).containsExactly("STARTTLS");
		}
	}

	@Test
	void aPingIsAnsweredOnTheWay() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.expectLine("STARTTLS");
			peer.sendLines("PING :12345");
			peer.expectLine("PONG :12345");
			peer.sendLines(":irc.example.test 670 * :STARTTLS successful");
			peer.startTls();
		})) {
			assertUpgraded(probe(server, StartTls.IRC), server);
		}
	}

	@Test
	void anUnknownCommandIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.expectLine("STARTTLS");
			peer.sendLines(":irc.example.test 421 * STARTTLS :Unknown command");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.IRC),
					"IRC server refused STARTTLS: \":irc.example.test 421 * STARTTLS :Unknown command\"");
		}
	}

}
