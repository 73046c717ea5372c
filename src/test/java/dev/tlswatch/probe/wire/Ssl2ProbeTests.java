package dev.tlswatch.probe.wire;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.Ssl2Prober;
import dev.tlswatch.probe.Ssl2Support;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.wire.WireProbeFixture.SANITY_BOUND;
import static dev.tlswatch.probe.wire.WireProbeFixture.loopback;
import static dev.tlswatch.probe.wire.WireProbeFixture.options;
import static dev.tlswatch.probe.wire.WireProbeFixture.shortOptions;
import static dev.tlswatch.probe.wire.WireProbeFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link Ssl2Prober#wire()} against tiny scripted SSL 2.0 servers (no JDK speaks SSL
 * 2.0), a JSSE server that only speaks TLS, and peers that misbehave; all on 127.0.0.1.
 */
class Ssl2ProbeTests {

	private static final HexFormat hex = HexFormat.of();

	// SERVER-HELLO: no session id hit, X.509 certificate of 4 bytes, two cipher kinds
	// (RC4_128_WITH_MD5, DES_192_EDE3_CBC_WITH_MD5), a 16-byte connection id
	private static final String SERVER_HELLO = "8025" + "04" + "00" + "01" + "0002" + "0004" + "0006" + "0010"
			+ "30020500" + "010080" + "0700c0" + "cc".repeat(16);

	private final Ssl2Prober prober = Probers.ssl2();

	@Test
	void sslv2ServerIsAcceptedWithTheCipherKindsItLists() throws Exception {
		List<byte[]> hellos = new CopyOnWriteArrayList<>();
		try (TestTcpServer server = TestTcpServer.start(ssl2Server(hellos, SERVER_HELLO))) {
			Ssl2Support support = this.prober.probe(target(loopback(), server.port()), options());

			assertThat(support.verdict()).isEqualTo(VersionVerdict.ACCEPTED);
			assertThat(support.cipherKinds()).containsExactly("SSL_CK_RC4_128_WITH_MD5",
					"SSL_CK_DES_192_EDE3_CBC_WITH_MD5");
			assertThat(support.detail()).isEqualTo("SERVER-HELLO with 2 cipher kinds");
			assertThat(support.asVersionSupport().version().shortName()).isEqualTo("SSLv2");
		}
		assertThat(hellos).hasSize(1);
		ByteBuffer hello = ByteBuffer.wrap(hellos.get(0));
		assertThat(hello.get() & 0xFF).as("MSG-CLIENT-HELLO").isEqualTo(1);
		assertThat(hello.getShort()).as("version").isEqualTo((short) 0x0002);
		assertThat(hello.getShort()).as("cipher specs length").isEqualTo((short) 21);
		assertThat(hello.getShort()).as("session id length").isZero();
		assertThat(hello.getShort()).as("challenge length").isEqualTo((short) 16);
		assertThat(hello.remaining()).isEqualTo(21 + 16);
	}

	@Test
	void sslv2ServerWithoutCipherKindsStillAcceptsSslv2() throws Exception {
		String noKinds = "801f" + "04" + "00" + "01" + "0002" + "0004" + "0000" + "0010" + "30020500" + "cc".repeat(16);
		try (TestTcpServer server = TestTcpServer.start(ssl2Server(new CopyOnWriteArrayList<>(), noKinds))) {
			Ssl2Support support = this.prober.probe(target(loopback(), server.port()), options());

			assertThat(support)
				.isEqualTo(new Ssl2Support(VersionVerdict.ACCEPTED, List.of(), "SERVER-HELLO without any cipher kind"));
		}
	}

	@Test
	void sslv2ErrorIsARefusal() throws Exception {
		try (TestTcpServer server = TestTcpServer.start(ssl2Server(new CopyOnWriteArrayList<>(), "8003000001"))) {
			Ssl2Support support = this.prober.probe(target(loopback(), server.port()), options());

			assertThat(support)
				.isEqualTo(new Ssl2Support(VersionVerdict.REJECTED, List.of(), "SSL 2.0 ERROR NO-CIPHER-ERROR"));
		}
	}

	@Test
	void tlsOnlyServerDoesNotAcceptSslv2() throws Exception {
		try (TestTlsServer server = TestTlsServer
			.start(TestCertificates.localhost(TestCertificates.rootCa("SSL 2.0 Test Root")))) {
			Ssl2Support support = this.prober.probe(target(server.address(), server.port()), options());

			assertThat(support.verdict()).isEqualTo(VersionVerdict.REJECTED);
			assertThat(support.accepted()).isFalse();
			assertThat(support.cipherKinds()).isEmpty();
		}
	}

	@Test
	void lengthsBeyondTheRecordAreAnErrorNotAnException() throws Exception {
		// The certificate claims 65535 bytes of a 37-byte record
		String absurd = SERVER_HELLO.replace("0002" + "0004", "0002" + "ffff");
		try (TestTcpServer server = TestTcpServer.start(ssl2Server(new CopyOnWriteArrayList<>(), absurd))) {
			Ssl2Support support = this.prober.probe(target(loopback(), server.port()), options());

			assertThat(support.verdict()).isEqualTo(VersionVerdict.ERROR);
			assertThat(support.detail()).startsWith("Malformed SSL 2.0 SERVER-HELLO: certificate needs 65535 bytes");
		}
	}

	@Test
	void recordHeaderPromisingMoreThanArrivesIsAnError() throws Exception {
		try (TestTcpServer server = TestTcpServer
			.start(ssl2Server(new CopyOnWriteArrayList<>(), "ffff" + "04" + "00".repeat(9)))) {
			Ssl2Support support = this.prober.probe(target(loopback(), server.port()), options());

			assertThat(support).isEqualTo(
					new Ssl2Support(VersionVerdict.ERROR, List.of(), "SSL 2.0 record cut short: 10 of 32767 bytes"));
		}
	}

	@Test
	void otherMessagesAndBadFieldsAreErrors() throws Exception {
		assertThat(answer("8001" + "07").detail()).isEqualTo("Expected an SSL 2.0 SERVER-HELLO, got message type 7");
		assertThat(answer(SERVER_HELLO.replace("0400010002", "0400010300")).detail())
			.isEqualTo("SERVER-HELLO for version 0x0300, not SSL 2.0");
		assertThat(answer(SERVER_HELLO.replace("0004" + "0006", "0004" + "0005")).detail())
			.isEqualTo("Cipher specs of 5 bytes, not a multiple of 3");
		assertThat(answer(SERVER_HELLO.replace("0006" + "0010", "0006" + "0040")).detail())
			.isEqualTo("Connection id of 64 bytes, not 16 to 32");
		assertThat(answer(SERVER_HELLO.replace("8025", "8026") + "00").detail())
			.isEqualTo("Malformed SSL 2.0 SERVER-HELLO: 1 unexpected bytes after the SERVER-HELLO");
	}

	@Test
	void tlsAnswerIsARefusalAndAnythingElseIsNotKnown() throws Exception {
		try (TestTcpServer server = TestTcpServer.garbage()) {
			Ssl2Support support = this.prober.probe(target(loopback(), server.port()), options());

			assertThat(support).isEqualTo(new Ssl2Support(VersionVerdict.ERROR, List.of(),
					"Answer is neither SSL 2.0 nor TLS (first byte 0x48)"));
		}
		assertThat(answer("15030300020246"))
			.isEqualTo(new Ssl2Support(VersionVerdict.REJECTED, List.of(), "Answered with a TLS alert"));
		assertThat(answer(""))
			.isEqualTo(new Ssl2Support(VersionVerdict.REJECTED, List.of(), "Connection closed without an answer"));
	}

	@Test
	void serverThatNeverAnswersTimesOut() throws Exception {
		try (TestTcpServer server = TestTcpServer.hanging()) {
			Ssl2Support support = assertTimeoutPreemptively(SANITY_BOUND,
					() -> this.prober.probe(target(loopback(), server.port()), shortOptions()));

			assertThat(support.verdict()).isEqualTo(VersionVerdict.TIMEOUT);
		}
	}

	@Test
	void refusedConnectionIsNotTestable() throws Exception {
		Ssl2Support support = this.prober.probe(target(loopback(), TestTcpServer.refusedPort()), options());

		assertThat(support.verdict()).isEqualTo(VersionVerdict.ERROR);
		assertThat(support.detail()).startsWith("Connect failed: ");
	}

	private Ssl2Support answer(String answer) throws Exception {
		try (TestTcpServer server = TestTcpServer.start(ssl2Server(new CopyOnWriteArrayList<>(), answer))) {
			return this.prober.probe(target(loopback(), server.port()), options());
		}
	}

	/**
	 * A server that reads one SSL 2.0 record (two-byte header), keeps its body, answers
	 * with the given bytes, half-closes and waits for the client to close first.
	 */
	private static TestTcpServer.ConnectionHandler ssl2Server(List<byte[]> hellos, String answer) {
		return (socket) -> {
			hellos.add(readSsl2Record(socket));
			OutputStream output = socket.getOutputStream();
			output.write(hex.parseHex(answer));
			output.flush();
			socket.shutdownOutput();
			while (socket.getInputStream().read() >= 0) {
				// Until the client closes
			}
		};
	}

	private static byte[] readSsl2Record(Socket socket) throws Exception {
		DataInputStream input = new DataInputStream(socket.getInputStream());
		int header = input.readUnsignedShort();
		assertThat(header & 0x8000).as("two-byte header").isNotZero();
		byte[] body = new byte[header & 0x7FFF];
		input.readFully(body);
		return body;
	}

}
