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
 * The MySQL SSLRequest against scripted servers on 127.0.0.1.
 */
class MysqlNegotiatorTests {

	@Test
	void sslRequestUpgradesTheConnection() {
		try (StartTlsTestServer server = StartTlsTestServer.mysql(leaf())) {
			assertUpgraded(probe(server, StartTls.MYSQL), server);
			// header: 32 bytes, sequence 1; CLIENT_LONG_PASSWORD | PROTOCOL_41 | SSL |
			// SECURE_CONNECTION; 16 MiB; character set 33; 23 zero bytes
			assertThat(server.received())
				.containsExactly("20000001" + "018a0000" + "00000001" + "21" + "00".repeat(23));
		}
	}

	@Test
	void aServerWithoutSslIsNamed() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.send(StartTlsTestServer.mysqlHandshake(0xffff & ~0x0800));
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.MYSQL), "MySQL server does not offer SSL: \"8.4.0-test\"");
		}
	}

	@Test
	void anErrPacketIsQuoted() {
		byte[] message = "Host '127.0.0.1' is not allowed to connect to this MySQL server".getBytes();
		byte[] packet = new byte[4 + 3 + message.length];
		packet[0] = (byte) (3 + message.length);
		packet[4] = (byte) 0xff;
		packet[5] = 0x6a;
		packet[6] = 0x04;
		System.arraycopy(message, 0, packet, 7, message.length);
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.send(packet);
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.MYSQL),
					"MySQL server refused the connection: \"1130 Host '127.0.0.1' is not allowed to connect to this MySQL server\"");
		}
	}

}
