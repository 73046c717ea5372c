package dev.tlswatch.probe.starttls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.tlswatch.probe.StartTls;
import dev.tlswatch.support.StartTlsTestServer;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.starttls.StartTlsProbes.assertStartTlsFailed;
import static dev.tlswatch.probe.starttls.StartTlsProbes.assertUpgraded;
import static dev.tlswatch.probe.starttls.StartTlsProbes.leaf;
import static dev.tlswatch.probe.starttls.StartTlsProbes.probe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL SSLRequest against scripted servers on 127.0.0.1.
 */
class PostgresNegotiatorTests {

	// Int32 8, Int32 80877103
	private static final String SSL_REQUEST = "0000000804d2162f";

	@Test
	void sslRequestAnsweredWithSUpgrades() {
		try (StartTlsTestServer server = StartTlsTestServer.postgres(leaf())) {
			assertUpgraded(probe(server, StartTls.POSTGRES), server);
			assertThat(server.received()).containsExactly(SSL_REQUEST);
		}
	}

	@Test
	void answerNIsARefusal() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readBytes(8);
			peer.send("N");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.POSTGRES), "PostgreSQL server refused SSL: \"N\"");
		}
	}

	@Test
	void errorResponseIsQuotedByItsMessage() {
		byte[] fields = "SFATAL\0C08P01\0Munsupported frontend protocol 1234.5679\0\0"
			.getBytes(StandardCharsets.US_ASCII);
		byte[] error = ByteBuffer.allocate(1 + 4 + fields.length)
			.put((byte) 'E')
			.putInt(4 + fields.length)
			.put(fields)
			.array();
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readBytes(8);
			peer.send(error);
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.POSTGRES),
					"PostgreSQL server answered SSLRequest with an error: \"unsupported frontend protocol 1234.5679\"");
		}
	}

	@Test
	void otherAnswerIsOutOfProtocol() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readBytes(8);
			peer.send(new byte[] { 0x16, 0x03, 0x03 });
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.POSTGRES),
					"PostgreSQL server answered SSLRequest out of protocol: \"\\u0016\"");
		}
	}

}
