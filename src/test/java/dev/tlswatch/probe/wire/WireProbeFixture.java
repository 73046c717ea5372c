package dev.tlswatch.probe.wire;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTlsServer;

/**
 * What every wire probe test needs: a target on loopback, patient and impatient options,
 * a JSSE server for a certificate, and a reader of one record for scripted servers. The
 * hostile servers themselves are {@link dev.tlswatch.support.TestTcpServer}'s.
 */
final class WireProbeFixture {

	/** The handshake timeout of {@link #shortOptions()}. */
	static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

	/** Far above the short timeout; only catches a probe that is not bounded at all. */
	static final Duration SANITY_BOUND = Duration.ofSeconds(4);

	private WireProbeFixture() {
	}

	/**
	 * A target with {@code localhost} as its name and SNI name.
	 * @param address the address
	 * @param port the port
	 * @return the target
	 */
	static ProbeTarget target(InetAddress address, int port) {
		return new ProbeTarget(address, port, "localhost", "localhost");
	}

	/**
	 * Five seconds to connect and five to answer.
	 * @return the options
	 */
	static ProbeOptions options() {
		return new ProbeOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), List.of(), Clock.systemUTC());
	}

	/**
	 * Two seconds to connect and {@link #SHORT_TIMEOUT} to answer, for servers that never
	 * do.
	 * @return the options
	 */
	static ProbeOptions shortOptions() {
		return new ProbeOptions(Duration.ofSeconds(2), SHORT_TIMEOUT, List.of(), Clock.systemUTC());
	}

	/**
	 * 127.0.0.1.
	 * @return the address
	 * @throws Exception never
	 */
	static InetAddress loopback() throws Exception {
		return InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
	}

	/**
	 * A JSSE server presenting a certificate and its chain without the root.
	 * @param issued the certificate
	 * @return the builder
	 */
	static TestTlsServer.Builder jsse(Issued issued) {
		return TestTlsServer.presenting(issued.key(), issued.chainWithoutRoot());
	}

	/**
	 * Reads exactly one TLS record, so that closing does not reset the connection.
	 * @param socket the connection
	 * @return the record with its header
	 * @throws Exception if the client went away
	 */
	static byte[] readRecord(Socket socket) throws Exception {
		DataInputStream input = new DataInputStream(socket.getInputStream());
		byte[] header = new byte[5];
		input.readFully(header);
		byte[] record = new byte[5 + (((header[3] & 0xFF) << 8) | (header[4] & 0xFF))];
		System.arraycopy(header, 0, record, 0, 5);
		input.readFully(record, 5, record.length - 5);
		return record;
	}

}
