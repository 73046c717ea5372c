package dev.tlswatch.probe.wire;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionProber;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.probe.wire.ServerResponse.HelloRetryRequested;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.wire.WireProbeFixture.SANITY_BOUND;
import static dev.tlswatch.probe.wire.WireProbeFixture.jsse;
import static dev.tlswatch.probe.wire.WireProbeFixture.loopback;
import static dev.tlswatch.probe.wire.WireProbeFixture.options;
import static dev.tlswatch.probe.wire.WireProbeFixture.readRecord;
import static dev.tlswatch.probe.wire.WireProbeFixture.shortOptions;
import static dev.tlswatch.probe.wire.WireProbeFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link VersionProber#wire()} against real JSSE servers, against a scripted server that
 * speaks SSL 3.0 and TLS 1.0 (the JDK no longer can), and against peers that misbehave;
 * all on 127.0.0.1.
 */
class ProtocolVersionProbeTests {

	private static final HexFormat hex = HexFormat.of();

	private static Issued localhost;

	private final VersionProber prober = Probers.versions();

	@BeforeAll
	static void createCertificates() {
		localhost = TestCertificates.localhost(TestCertificates.rootCa("Version Test Root"));
	}

	@Test
	void tls12OnlyServerAcceptsTls12Only() {
		try (TestTlsServer server = jsseServer("TLSv1.2")) {
			Map<TlsVersion, VersionSupport> versions = probe(server.address(), server.port(), options());

			assertThat(versions.get(TlsVersion.TLS_1_2).verdict()).isEqualTo(VersionVerdict.ACCEPTED);
			assertThat(versions.get(TlsVersion.TLS_1_2).detail()).startsWith("TLS_ECDHE_RSA_WITH_AES_");
			assertThat(versions.get(TlsVersion.TLS_1_3).verdict()).isEqualTo(VersionVerdict.REJECTED);
			assertThat(versions.get(TlsVersion.TLS_1_0).verdict()).isEqualTo(VersionVerdict.REJECTED);
			assertThat(versions.get(TlsVersion.TLS_1_1).verdict()).isEqualTo(VersionVerdict.REJECTED);
			assertThat(versions.get(TlsVersion.SSL_3_0).verdict()).isEqualTo(VersionVerdict.REJECTED);
			assertThat(versions.get(TlsVersion.TLS_1_3).detail()).isEqualTo("Alert: fatal protocol_version (70)");
		}
	}

	@Test
	void tls13OnlyServerAcceptsTls13Only() {
		try (TestTlsServer server = jsseServer("TLSv1.3")) {
			Map<TlsVersion, VersionSupport> versions = probe(server.address(), server.port(), options());

			assertThat(versions.get(TlsVersion.TLS_1_3).verdict()).isEqualTo(VersionVerdict.ACCEPTED);
			assertThat(versions.get(TlsVersion.TLS_1_3).detail()).endsWith(", x25519");
			assertThat(versions.get(TlsVersion.TLS_1_2).verdict()).isEqualTo(VersionVerdict.REJECTED);
			assertThat(versions.get(TlsVersion.TLS_1_1).verdict()).isEqualTo(VersionVerdict.REJECTED);
			assertThat(versions.get(TlsVersion.TLS_1_0).verdict()).isEqualTo(VersionVerdict.REJECTED);
			assertThat(versions.get(TlsVersion.SSL_3_0).verdict()).isEqualTo(VersionVerdict.REJECTED);
		}
	}

	@Test
	void defaultJdkServerAcceptsTls12AndTls13() {
		try (TestTlsServer server = TestTlsServer.start(localhost)) {
			List<VersionSupport> versions = this.prober.probe(target(server.address(), server.port()), options());

			assertThat(versions).extracting(VersionSupport::version).containsExactlyElementsOf(TlsVersion.probed());
			assertThat(versions).extracting(VersionSupport::verdict)
				.containsExactly(VersionVerdict.REJECTED, VersionVerdict.REJECTED, VersionVerdict.REJECTED,
						VersionVerdict.ACCEPTED, VersionVerdict.ACCEPTED);
		}
	}

	@Test
	void ecdsaServerFindsASuiteToo() {
		Issued ecLeaf = TestCertificates.leaf("localhost")
			.dnsNames("localhost")
			.keyType(TestCertificates.KeyType.EC_P256)
			.selfSigned();
		try (TestTlsServer server = TestTlsServer.presenting(ecLeaf.key(), ecLeaf.chainWithoutRoot()).start()) {
			Map<TlsVersion, VersionSupport> versions = probe(server.address(), server.port(), options());

			assertThat(versions.get(TlsVersion.TLS_1_2).detail()).startsWith("TLS_ECDHE_ECDSA_WITH_");
			assertThat(versions.get(TlsVersion.TLS_1_3).verdict()).isEqualTo(VersionVerdict.ACCEPTED);
		}
	}

	@Test
	void emptyKeyShareGetsAHelloRetryRequestFromARealServer() throws Exception {
		try (TestTlsServer server = jsseServer("TLSv1.3");
				Socket socket = new Socket(server.address(), server.port())) {
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write(ClientHelloBuilder.offering(TlsVersion.TLS_1_3).serverName("localhost").build());

			ServerResponse response = ServerResponseReader.read(socket.getInputStream());

			assertThat(response).isInstanceOfSatisfying(HelloRetryRequested.class, (retry) -> {
				assertThat(retry.group()).isNotNull();
				assertThat(VersionVerdicts.judge(TlsVersion.TLS_1_3, retry).verdict())
					.isEqualTo(VersionVerdict.ACCEPTED);
			});
		}
	}

	@Test
	void oldServerAcceptsSsl3AndTls10AndDowngradesTheRest() {
		Map<Integer, byte[]> hellos = new ConcurrentHashMap<>();
		try (TestTcpServer server = TestTcpServer.start((socket) -> answerLikeAnOldServer(socket, hellos))) {
			Map<TlsVersion, VersionSupport> versions = probe(server.address(), server.port(), options());

			assertThat(versions.get(TlsVersion.SSL_3_0)).isEqualTo(
					new VersionSupport(TlsVersion.SSL_3_0, VersionVerdict.ACCEPTED, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"));
			assertThat(versions.get(TlsVersion.TLS_1_0)).isEqualTo(
					new VersionSupport(TlsVersion.TLS_1_0, VersionVerdict.ACCEPTED, "TLS_RSA_WITH_AES_128_CBC_SHA"));
			for (TlsVersion newer : List.of(TlsVersion.TLS_1_1, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)) {
				assertThat(versions.get(newer)).isEqualTo(
						new VersionSupport(newer, VersionVerdict.REJECTED, "Downgrade: the server chose TLS 1.0"));
			}
			assertThat(server.acceptedConnections()).isEqualTo(5);
			// Record versions 3.0 and 3.1; client versions up to 3.3 (TLS 1.3 names
			// itself in an
			// extension)
			assertThat(hellos).containsOnlyKeys(0x0300_0300, 0x0301_0301, 0x0301_0302, 0x0301_0303);
		}
	}

	@Test
	void silentServerTimesOutWithinTheHandshakeTimeout() {
		try (TestTcpServer server = TestTcpServer.hanging()) {
			long started = System.nanoTime();
			List<VersionSupport> versions = this.prober.probe(target(server.address(), server.port()), shortOptions());

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SANITY_BOUND);
			assertThat(versions).allSatisfy((version) -> {
				assertThat(version.verdict()).isEqualTo(VersionVerdict.TIMEOUT);
				assertThat(version.detail()).isEqualTo("No answer within the handshake timeout");
			});
		}
	}

	@Test
	void drippingServerCannotHoldTheProbePastItsTimeout() {
		try (TestTcpServer server = TestTcpServer.dripping(Duration.ofMillis(50))) {
			long started = System.nanoTime();
			List<VersionSupport> versions = this.prober.probe(target(server.address(), server.port()), shortOptions());

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SANITY_BOUND);
			assertThat(versions).extracting(VersionSupport::verdict).containsOnly(VersionVerdict.TIMEOUT);
		}
	}

	@Test
	void garbageServerIsAnErrorWithItsReason() {
		try (TestTcpServer server = TestTcpServer.garbage()) {
			List<VersionSupport> versions = this.prober.probe(target(server.address(), server.port()), options());

			assertThat(versions).allSatisfy((version) -> {
				assertThat(version.verdict()).isEqualTo(VersionVerdict.ERROR);
				assertThat(version.detail()).isEqualTo("Answer not understood: Not a TLS record: content type 0x48");
			});
		}
	}

	@Test
	void refusedPortIsAnErrorNotARefusal() throws Exception {
		List<VersionSupport> versions = this.prober.probe(target(loopback(), TestTcpServer.refusedPort()), options());

		assertThat(versions).allSatisfy((version) -> {
			assertThat(version.verdict()).isEqualTo(VersionVerdict.ERROR);
			assertThat(version.detail()).startsWith("Connect failed: ");
		});
	}

	@Test
	void serverThatClosesAtOnceRefuses() {
		try (TestTcpServer server = TestTcpServer.start(WireProbeFixture::readRecord)) {
			List<VersionSupport> versions = this.prober.probe(target(server.address(), server.port()), options());

			assertThat(versions).allSatisfy((version) -> {
				assertThat(version.verdict()).isEqualTo(VersionVerdict.REJECTED);
				assertThat(version.detail()).isEqualTo("Connection closed without an answer");
			});
		}
	}

	/**
	 * A server of SSL 3.0 and TLS 1.0: it answers SSL 3.0 in kind and everything else
	 * with TLS 1.0, as RFC 5246 Appendix E.1 has servers do. The ServerHellos are
	 * hand-made.
	 */
	private static void answerLikeAnOldServer(Socket socket, Map<Integer, byte[]> hellos) throws Exception {
		byte[] record = readRecord(socket);
		int recordVersion = ((record[1] & 0xFF) << 8) | (record[2] & 0xFF);
		int clientVersion = ((record[9] & 0xFF) << 8) | (record[10] & 0xFF);
		hellos.put((recordVersion << 16) | clientVersion, record);
		String answer = (clientVersion == 0x0300)
				// handshake record 3.0 of 42 bytes: ServerHello 3.0, empty session id,
				// TLS_RSA_WITH_3DES_EDE_CBC_SHA, null compression, no extensions
				? "160300002a" + "02000026" + "0300" + "aa".repeat(32) + "00" + "000a" + "00"
				// the same in TLS 1.0 with TLS_RSA_WITH_AES_128_CBC_SHA and an empty
				// renegotiation_info
				: "1603010031" + "0200002d" + "0301" + "aa".repeat(32) + "00" + "002f" + "00" + "0005" + "ff01000100";
		OutputStream output = socket.getOutputStream();
		output.write(hex.parseHex(answer));
		output.flush();
		socket.shutdownOutput();
		socket.getInputStream().read();
	}

	private Map<TlsVersion, VersionSupport> probe(InetAddress address, int port, ProbeOptions options) {
		return this.prober.probe(target(address, port), options)
			.stream()
			.collect(Collectors.toMap(VersionSupport::version, Function.identity()));
	}

	private static TestTlsServer jsseServer(String protocol) {
		return jsse(localhost).protocols(protocol).start();
	}

}
