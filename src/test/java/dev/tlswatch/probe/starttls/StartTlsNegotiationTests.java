package dev.tlswatch.probe.starttls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.probe.TlsProber;
import dev.tlswatch.support.StartTlsTestServer;
import dev.tlswatch.support.StartTlsTestServer.Script;
import dev.tlswatch.support.TestTcpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.tlswatch.probe.starttls.StartTlsProbes.SANITY_BOUND;
import static dev.tlswatch.probe.starttls.StartTlsProbes.assertStartTlsFailed;
import static dev.tlswatch.probe.starttls.StartTlsProbes.leaf;
import static dev.tlswatch.probe.starttls.StartTlsProbes.probe;
import static dev.tlswatch.probe.starttls.StartTlsProbes.probeWithShortTimeouts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every dialogue shares: bounded in time and size, whatever the server does.
 */
class StartTlsNegotiationTests {

	private static final String KILOBYTE = "a".repeat(1024);

	@ParameterizedTest(name = "{0}")
	@EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "NONE")
	void serverFallingSilentMidDialogueTimesOut(StartTls startTls) {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), silentAfterItsFirstWords(startTls))) {
			long started = System.nanoTime();
			HandshakeObservation observation = probeWithShortTimeouts(server, startTls);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

			assertThat(observation.outcome()).as("error: %s", observation.error()).isEqualTo(HandshakeOutcome.TIMEOUT);
			assertThat(observation.error())
				.matches("(STARTTLS|" + protocolName(startTls) + ") dialogue not completed within 500 ms");
			assertThat(observation.connectTime()).isNotNull();
			assertThat(observation.chain()).isEmpty();
			assertThat(elapsed).isLessThan(SANITY_BOUND);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "SMTP", "IMAP", "POP3", "FTP" })
	void endlessLineIsCutOffAtFourKilobytes(StartTls startTls) {
		String start = switch (startTls) {
			case IMAP -> "* OK ";
			case POP3 -> "+OK ";
			default -> "220 ";
		};
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.send(start);
			peer.repeat(KILOBYTE);
		})) {
			String quoted = start + "a".repeat(199 - start.length()) + "…";
			assertStartTlsFailed(probe(server, startTls),
					protocolName(startTls) + " server sent a line longer than 4096 bytes: \"" + quoted + "\"");
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "SMTP", "IMAP", "FTP", "XMPP" })
	void endlessReplyIsCutOffAtSixtyFourKilobytes(StartTls startTls) {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), endlessReply(startTls))) {
			assertStartTlsFailed(probe(server, startTls),
					protocolName(startTls) + " server sent more than 65536 bytes without agreeing to start TLS");
		}
	}

	@Test
	void drippingServerIsCutOffAtTheDeadlineWithoutTheProbersWatchdog() throws Exception {
		try (TestTcpServer server = TestTcpServer.start((socket) -> {
			for (int i = 0; i < 4000; i++) {
				socket.getOutputStream().write('2');
				socket.getOutputStream().flush();
				Thread.sleep(20);
			}
		}); Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(server.address(), server.port()));
			ProbeTarget target = new ProbeTarget(server.address(), server.port(), null, "localhost", StartTls.SMTP);
			long started = System.nanoTime();

			assertThatExceptionOfType(SocketTimeoutException.class)
				.isThrownBy(() -> StartTlsNegotiation.prepare(socket, target, Duration.ofMillis(300)))
				.withMessage("SMTP dialogue not completed within 300 ms");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SANITY_BOUND);
		}
	}

	@Test
	void implicitTlsLeavesTheSocketAlone() throws Exception {
		try (TestTcpServer server = TestTcpServer.hanging(); Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(server.address(), server.port()));
			ProbeTarget target = new ProbeTarget(server.address(), server.port(), null, "localhost");

			StartTlsNegotiation.prepare(socket, target, Duration.ofSeconds(5));

			assertThat(socket.getSoTimeout()).isZero();
			assertThat(socket.getInputStream().available()).isZero();
		}
	}

	@Test
	void refusedPortIsConnectionRefusedBeforeAnyDialogue() throws Exception {
		ProbeTarget target = new ProbeTarget(InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }),
				TestTcpServer.refusedPort(), "localhost", "localhost", StartTls.SMTP);

		HandshakeObservation observation = Probers.handshakes().handshake(target, ProbeOptions.defaults());

		assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.CONNECTION_REFUSED);
		assertThat(observation.connectTime()).isNull();
	}

	/** The server says what comes first in its protocol, if anything, then nothing. */
	private static Script silentAfterItsFirstWords(StartTls startTls) {
		return switch (startTls) {
			case SMTP -> (peer) -> {
				peer.sendLines("220 mail.localhost");
				peer.expectLine("EHLO");
				peer.hang();
			};
			case IMAP -> (peer) -> {
				peer.sendLines("* OK ready");
				peer.hang();
			};
			case POP3 -> (peer) -> {
				peer.sendLines("+OK ready");
				peer.hang();
			};
			case FTP -> (peer) -> {
				peer.sendLines("220-hello");
				peer.hang();
			};
			case XMPP -> (peer) -> {
				peer.readStreamHeader();
				peer.send(StartTlsTestServer.xmppStreamHeader());
				peer.hang();
			};
			case LMTP -> (peer) -> {
				peer.sendLines("220 lmtp.localhost");
				peer.expectLine("LHLO");
				peer.hang();
			};
			case NNTP -> (peer) -> {
				peer.sendLines("200 news.localhost");
				peer.hang();
			};
			case SIEVE -> (peer) -> {
				peer.sendLines("\"IMPLEMENTATION\" \"Test\"");
				peer.hang();
			};
			case IRC -> (peer) -> {
				peer.expectLine("STARTTLS");
				peer.sendLines(":irc.localhost NOTICE * :*** Looking up your hostname...");
				peer.hang();
			};
			case LDAP, POSTGRES, MYSQL, MSSQL, NONE -> (peer) -> peer.hang();
		};
	}

	private static Script endlessReply(StartTls startTls) {
		return switch (startTls) {
			case SMTP -> (peer) -> peer.repeat("220-" + KILOBYTE + "\r\n");
			case FTP -> (peer) -> {
				peer.sendLines("220-welcome");
				peer.repeat(KILOBYTE + "\r\n");
			};
			case IMAP -> (peer) -> {
				peer.sendLines("* OK ready");
				peer.expectLine("a1 STARTTLS");
				peer.repeat("* " + KILOBYTE + "\r\n");
			};
			case XMPP -> (peer) -> {
				peer.readStreamHeader();
				peer.send(StartTlsTestServer.xmppStreamHeader() + "<stream:features>");
				peer.repeat("<x/>");
			};
			default -> throw new IllegalArgumentException("No endless reply for " + startTls);
		};
	}

	private static String protocolName(StartTls startTls) {
		return switch (startTls) {
			case POSTGRES -> "PostgreSQL";
			case MYSQL -> "MySQL";
			case MSSQL -> "TDS";
			case SIEVE -> "ManageSieve";
			default -> startTls.name();
		};
	}

}
