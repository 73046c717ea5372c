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
 * IMAP STARTTLS (RFC 3501, RFC 9051) against scripted servers on 127.0.0.1.
 */
class ImapNegotiatorTests {

	@Test
	void taggedStartTlsUpgradesAfterUntaggedData() {
		try (StartTlsTestServer server = StartTlsTestServer.imap(leaf())) {
			assertUpgraded(probe(server, StartTls.IMAP), server);
			assertThat(server.received()).containsExactly("a1 STARTTLS");
		}
	}

	@Test
	void statusWordsAreCaseInsensitive() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("* ok ready");
			peer.expectLine("a1 STARTTLS");
			peer.sendLines("a1 ok");
			peer.startTls();
		})) {
			assertUpgraded(probe(server, StartTls.IMAP), server);
		}
	}

	@Test
	void taggedNoIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("* OK [CAPABILITY IMAP4rev1] ready");
			peer.expectLine("a1 STARTTLS");
			peer.sendLines("* BAD not now", "a1 NO STARTTLS is disabled");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.IMAP),
					"IMAP server refused STARTTLS: \"a1 NO STARTTLS is disabled\"");
		}
	}

	@Test
	void unknownCommandIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("* OK ready");
			peer.expectLine("a1 STARTTLS");
			peer.sendLines("a1 BAD Unknown command");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.IMAP),
					"IMAP server refused STARTTLS: \"a1 BAD Unknown command\"");
		}
	}

	@Test
	void byeGreetingEndsTheDialogue() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("* BYE too many connections");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.IMAP),
					"IMAP server refused the connection: \"* BYE too many connections\"");
			assertThat(server.received()).isEmpty();
		}
	}

	@Test
	void preauthGreetingLeavesNoRoomForStartTls() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("* PREAUTH welcome back");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.IMAP),
					"IMAP server refused the connection: \"* PREAUTH welcome back\"");
		}
	}

	@Test
	void continuationRequestIsOutOfProtocol() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("* OK ready");
			peer.expectLine("a1 STARTTLS");
			peer.sendLines("+ go on");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.IMAP),
					"IMAP server answered STARTTLS out of protocol: \"+ go on\"");
		}
	}

}
