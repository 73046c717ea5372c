package dev.tlswatch.probe.starttls;

import java.time.Clock;
import java.util.List;

import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.probe.TlsProber;
import dev.tlswatch.support.StartTlsTestServer;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.starttls.StartTlsProbes.assertStartTlsFailed;
import static dev.tlswatch.probe.starttls.StartTlsProbes.assertUpgraded;
import static dev.tlswatch.probe.starttls.StartTlsProbes.SHORT_TIMEOUT;
import static dev.tlswatch.probe.starttls.StartTlsProbes.leaf;
import static dev.tlswatch.probe.starttls.StartTlsProbes.probe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * XMPP client-to-server STARTTLS (RFC 6120 §5) against scripted servers on 127.0.0.1.
 */
class XmppNegotiatorTests {

	private static final String FAILURE = "<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";

	@Test
	void streamToTheExpectedNameThenStartTlsUpgrades() {
		try (StartTlsTestServer server = StartTlsTestServer.xmpp(leaf())) {
			assertUpgraded(probe(server, StartTls.XMPP), server);
			assertThat(server.received()).containsExactly(
					"<?xml version='1.0'?><stream:stream to='localhost' xmlns='jabber:client'"
							+ " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>",
					"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
		}
	}

	@Test
	void proceedWithAClosingTagIsReadInFull() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readStreamHeader();
			peer.send(StartTlsTestServer.xmppStreamHeader());
			peer.send("<stream:features>\n  <starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>\n</stream:features>");
			peer.expectUntil("/>");
			peer.send("\n<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'></proceed>");
			peer.startTls();
		})) {
			assertUpgraded(probe(server, StartTls.XMPP), server);
		}
	}

	@Test
	void failureIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readStreamHeader();
			peer.send(StartTlsTestServer.xmppStreamHeader()
					+ "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:features>");
			peer.expectUntil("/>");
			peer.send(FAILURE + "</stream:stream>");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.XMPP), "XMPP server refused STARTTLS: \"" + FAILURE + "\"");
		}
	}

	@Test
	void featuresWithoutStartTlsAreQuoted() {
		String features = "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
				+ "<mechanism>PLAIN</mechanism></mechanisms></stream:features>";
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readStreamHeader();
			peer.send(StartTlsTestServer.xmppStreamHeader() + features);
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.XMPP),
					"XMPP server does not offer STARTTLS: \"" + features + "\"");
		}
	}

	@Test
	void streamErrorIsQuoted() {
		String error = "<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>";
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readStreamHeader();
			peer.send(StartTlsTestServer.xmppStreamHeader() + error + "</stream:stream>");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.XMPP),
					"XMPP server does not offer STARTTLS: \"" + error + "</stream:stream>\"");
		}
	}

	@Test
	void domainIsEscapedAsAnAttributeValue() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readStreamHeader();
			peer.hang();
		})) {
			ProbeTarget target = new ProbeTarget(server.address(), server.port(), null, "a'b<c&d", StartTls.XMPP);
			Probers.handshakes()
				.handshake(target, new ProbeOptions(SHORT_TIMEOUT, SHORT_TIMEOUT, List.of(), Clock.systemUTC()));
			assertThat(server.received()).singleElement().asString().contains("to='a&apos;b&lt;c&amp;d'");
		}
	}

}
