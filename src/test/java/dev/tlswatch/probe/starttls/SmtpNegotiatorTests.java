package dev.tlswatch.probe.starttls;

import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.support.StartTlsTestServer;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.starttls.StartTlsProbes.assertStartTlsFailed;
import static dev.tlswatch.probe.starttls.StartTlsProbes.assertUpgraded;
import static dev.tlswatch.probe.starttls.StartTlsProbes.leaf;
import static dev.tlswatch.probe.starttls.StartTlsProbes.probe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMTP STARTTLS (RFC 3207) against scripted servers on 127.0.0.1.
 */
class SmtpNegotiatorTests {

	@Test
	void ehloThenStartTlsUpgradesTheConnection() {
		try (StartTlsTestServer server = StartTlsTestServer.smtp(leaf())) {
			HandshakeObservation observation = probe(server, StartTls.SMTP);

			assertUpgraded(observation, server);
			assertThat(server.received()).containsExactly("EHLO tlswatch.invalid", "STARTTLS");
		}
	}

	@Test
	void extensionKeywordIsCaseInsensitiveAndMayEndTheReply() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("220 mail.localhost");
			peer.expectLine("EHLO");
			peer.sendLines("250-mail.localhost", "250 starttls");
			peer.expectLine("STARTTLS");
			peer.sendLines("220 go ahead");
			peer.startTls();
		})) {
			assertUpgraded(probe(server, StartTls.SMTP), server);
		}
	}

	@Test
	void serverWithoutStartTlsExtensionIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("220 mail.example.com ESMTP");
			peer.expectLine("EHLO");
			peer.sendLines("250 mail.example.com");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.SMTP),
					"SMTP server does not offer STARTTLS: \"250 mail.example.com\"");
			assertThat(server.received()).containsExactly("EHLO tlswatch.invalid");
		}
	}

	@Test
	void multiLineReplyIsQuotedWithEscapedLineEnds() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("220 mail.example.com ESMTP");
			peer.expectLine("EHLO");
			peer.sendLines("250-mail.example.com", "250-SIZE 1000", "250 XSTARTTLS");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.SMTP),
					"SMTP server does not offer STARTTLS: \"250-mail.example.com\\n250-SIZE 1000\\n250 XSTARTTLS\"");
		}
	}

	@Test
	void temporaryRefusalOfStartTlsIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("220 mail.example.com ESMTP");
			peer.expectLine("EHLO");
			peer.sendLines("250-mail.example.com", "250 STARTTLS");
			peer.expectLine("STARTTLS");
			peer.sendLines("454 4.7.0 TLS not available due to temporary reason");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.SMTP),
					"SMTP server refused STARTTLS: \"454 4.7.0 TLS not available due to temporary reason\"");
		}
	}

	@Test
	void busyGreetingEndsTheDialogueBeforeEhlo() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("421-mail.example.com busy", "421 4.3.2 try again later");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.SMTP),
					"SMTP server refused the connection: \"421-mail.example.com busy\\n421 4.3.2 try again later\"");
			assertThat(server.received()).isEmpty();
		}
	}

	@Test
	void rejectedEhloIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("220 mail.example.com");
			peer.expectLine("EHLO");
			peer.sendLines("502 5.5.2 EHLO not implemented");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.SMTP),
					"SMTP server rejected EHLO: \"502 5.5.2 EHLO not implemented\"");
		}
	}

	@Test
	void somethingOtherThanAReplyIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("SSH-2.0-OpenSSH_9.6");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.SMTP),
					"SMTP server sent a malformed reply: \"SSH-2.0-OpenSSH_9.6\"");
		}
	}

	@Test
	void controlCharactersInTheReplyAreEscaped() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("554 \u001b[31mno\u0000 service\u202e");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.SMTP),
					"SMTP server refused the connection: \"554 \\u001b[31mno\\u0000 service\\u202e\"");
		}
	}

	@Test
	void serverClosingMidDialogueIsAStartTlsFailure() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.sendLines("220 mail.example.com");
			peer.expectLine("EHLO");
			peer.send("250-mail.exa");
		})) {
			assertStartTlsFailed(probe(server, StartTls.SMTP),
					"SMTP server closed the connection after \"250-mail.exa\"");
		}
	}

}
