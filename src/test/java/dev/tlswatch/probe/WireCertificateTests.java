package dev.tlswatch.probe;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain of a server the JDK cannot shake hands with, read from the wire probes' own
 * connections: a scripted server that speaks TLS 1.2 with RC4 only
 * (TLS_RSA_WITH_RC4_128_SHA, which the JDK disables) and answers with ServerHello,
 * Certificate (and, if asked to, a CertificateRequest) and ServerHelloDone, like the
 * RC4-only GnuTLS server of issue 13.
 */
class WireCertificateTests {

	private static final Issued CA = TestCertificates.rootCa("Wire Chain Root");

	private static final Issued INTERMEDIATE = TestCertificates.intermediateCa("Wire Chain Intermediate", CA);

	private static final int TLS_1_2 = 0x0303;

	// RFC 5246 Appendix A.5
	private static final int TLS_RSA_WITH_RC4_128_SHA = 0x0005;

	@Test
	void anRc4OnlyServerGetsItsChainTrustHostnameAndExpiryFromTheWire() {
		Issued leaf = TestCertificates.localhost(INTERMEDIATE);
		try (TestTcpServer server = TestTcpServer.start((socket) -> rc4Only(socket, leaf.chainWithoutRoot(), null))) {
			ProbeReport report = new TlsEngine(2).probe(target(server.port()), options());

			assertThat(report.handshake().outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
			assertThat(report.suites().get(TlsVersion.TLS_1_2).accepted()).extracting(CipherSuite::name)
				.containsExactly("TLS_RSA_WITH_RC4_128_SHA");
			assertThat(report.handshake().chain()).extracting(CertificateInfo::subject)
				.containsExactly("CN=localhost", "CN=Wire Chain Intermediate");
			assertThat(report.handshake().chain().get(0).notAfter())
				.isEqualTo(leaf.certificate().getNotAfter().toInstant());
			assertThat(report.handshake().trust()).isEqualTo(TrustStatus.TRUSTED);
			assertThat(report.handshake().hostnameMatches()).isTrue();
			assertThat(report.handshake().chainReport().issues()).isEmpty();
			assertThat(report.handshake().clientCertificateRequested()).isFalse();
			// No connection of its own: every connection is one the report counts
			assertThat(server.acceptedConnections()).isEqualTo(report.connections());
		}
	}

	@Test
	void anUntrustedChainFromTheWireIsJudgedLikeAnyOther() {
		Issued stranger = TestCertificates.localhost(TestCertificates.rootCa("Unknown Root"));
		try (TestTcpServer server = TestTcpServer
			.start((socket) -> rc4Only(socket, stranger.chainWithoutRoot(), null))) {
			ProbeReport report = new TlsEngine(2).probe(target(server.port()), options());

			assertThat(report.handshake().chain()).extracting(CertificateInfo::subject).containsExactly("CN=localhost");
			assertThat(report.handshake().trust()).isEqualTo(TrustStatus.UNTRUSTED);
		}
	}

	@Test
	void aCertificateRequestAndItsAuthoritiesAreReadFromTheWire() {
		Issued leaf = TestCertificates.localhost(CA);
		X500Principal authority = new X500Principal("CN=Client CA,O=Example");
		try (TestTcpServer server = TestTcpServer
			.start((socket) -> rc4Only(socket, leaf.chainWithoutRoot(), authority))) {
			ProbeReport report = new TlsEngine(2).probe(target(server.port()), options());

			assertThat(report.handshake().chain()).extracting(CertificateInfo::subject).containsExactly("CN=localhost");
			assertThat(report.handshake().clientCertificateRequested()).isTrue();
			assertThat(report.handshake().clientCertificateAuthorities()).containsExactly("CN=Client CA,O=Example");
		}
	}

	/**
	 * TLS 1.2 with RC4-SHA only: ServerHello, Certificate, [CertificateRequest],
	 * ServerHelloDone to a ClientHello of version 1.2 that offers it; a handshake_failure
	 * (40) or protocol_version (70) alert to everything else.
	 */
	private static void rc4Only(Socket socket, List<X509Certificate> chain, @Nullable X500Principal authority)
			throws Exception {
		DataInputStream input = new DataInputStream(socket.getInputStream());
		byte[] header = input.readNBytes(5);
		if (header.length < 5 || header[0] != 0x16) {
			return;
		}
		byte[] fragment = input.readNBytes(((header[3] & 0xFF) << 8) | (header[4] & 0xFF));
		ByteBuffer hello = ByteBuffer.wrap(fragment);
		hello.position(4);
		int clientVersion = hello.getShort() & 0xFFFF;
		hello.position(hello.position() + 32);
		int sessionIdLength = hello.get() & 0xFF;
		hello.position(hello.position() + sessionIdLength);
		int suitesLength = hello.getShort() & 0xFFFF;
		List<Integer> suites = new ArrayList<>();
		for (int i = 0; i < suitesLength / 2; i++) {
			suites.add(hello.getShort() & 0xFFFF);
		}
		OutputStream output = socket.getOutputStream();
		if (clientVersion != TLS_1_2) {
			output.write(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 70 });
		}
		else if (!suites.contains(TLS_RSA_WITH_RC4_128_SHA)) {
			output.write(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 40 });
		}
		else {
			output.write(flight(chain, authority));
		}
		output.flush();
		socket.shutdownOutput();
		while (input.read() >= 0) {
			// Until the client closes
		}
	}

	private static byte[] flight(List<X509Certificate> chain, @Nullable X500Principal authority)
			throws CertificateEncodingException {
		ByteArrayOutputStream messages = new ByteArrayOutputStream();
		ByteArrayOutputStream serverHello = new ByteArrayOutputStream();
		serverHello.writeBytes(new byte[] { 0x03, 0x03 });
		serverHello.writeBytes(new byte[32]);
		serverHello.write(0);
		serverHello.writeBytes(new byte[] { 0x00, TLS_RSA_WITH_RC4_128_SHA, 0x00 });
		handshake(messages, 2, serverHello.toByteArray());
		ByteArrayOutputStream list = new ByteArrayOutputStream();
		for (X509Certificate certificate : chain) {
			u24(list, certificate.getEncoded().length);
			list.writeBytes(certificate.getEncoded());
		}
		ByteArrayOutputStream certificate = new ByteArrayOutputStream();
		u24(certificate, list.size());
		certificate.writeBytes(list.toByteArray());
		handshake(messages, 11, certificate.toByteArray());
		if (authority != null) {
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			// rsa_sign; rsa_pkcs1_sha256; one distinguished name
			request.writeBytes(new byte[] { 0x01, 0x01, 0x00, 0x02, 0x04, 0x01 });
			byte[] name = authority.getEncoded();
			u16(request, name.length + 2);
			u16(request, name.length);
			request.writeBytes(name);
			handshake(messages, 13, request.toByteArray());
		}
		handshake(messages, 14, new byte[0]);
		// Records of at most 16384 bytes (RFC 5246 §6.2.1)
		byte[] all = messages.toByteArray();
		ByteArrayOutputStream records = new ByteArrayOutputStream();
		for (int start = 0; start < all.length; start += 16384) {
			int length = Math.min(16384, all.length - start);
			records.writeBytes(new byte[] { 0x16, 0x03, 0x03 });
			u16(records, length);
			records.write(all, start, length);
		}
		return records.toByteArray();
	}

	private static void handshake(ByteArrayOutputStream out, int type, byte[] body) {
		out.write(type);
		u24(out, body.length);
		out.writeBytes(body);
	}

	private static void u24(ByteArrayOutputStream out, int value) {
		out.write(value >>> 16);
		out.write(value >>> 8);
		out.write(value);
	}

	private static void u16(ByteArrayOutputStream out, int value) {
		out.write(value >>> 8);
		out.write(value);
	}

	private static ProbeTarget target(int port) {
		return new ProbeTarget(InetAddress.getLoopbackAddress(), port, "localhost", "localhost");
	}

	private static ProbeOptions options() {
		return new ProbeOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), List.of(CA.certificate()),
				Clock.systemUTC());
	}

}
