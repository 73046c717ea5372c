package dev.tlswatch.probe.wire;

import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.tlswatch.probe.FeatureProber;
import dev.tlswatch.probe.FeatureReport;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.support.StartTlsTestServer;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import org.jspecify.annotations.Nullable;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link FeatureProber#wire()} against real JSSE servers, against scripted servers that
 * answer with hand-made ServerHellos what JSSE never would, and against peers that
 * misbehave; all on 127.0.0.1.
 */
class ProtocolFeatureProbeTests {

	private static final HexFormat hex = HexFormat.of();

	private static final String RENEGOTIATION_INFO = "ff01" + "0001" + "00";

	private static Issued localhost;

	private final FeatureProber prober = Probers.features();

	@BeforeAll
	static void createCertificates() {
		localhost = TestCertificates.localhost(TestCertificates.rootCa("Feature Test Root"));
	}

	@Test
	void jsseServerOfTls12And13AnswersEveryQuestion() {
		try (TestTlsServer server = jsse(localhost).applicationProtocols("h2", "http/1.1").start()) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);

			assertThat(report.alpn()).isEqualTo(Observed.of(List.of("h2", "http/1.1"),
					"h2 chosen from [h2, http/1.1]; http/1.1 chosen from [http/1.1]"));
			assertThat(report.secureRenegotiation())
				.isEqualTo(Observed.of(true, "renegotiation_info in the TLS 1.2 ServerHello"));
			// JSSE knows the SCSV's code but does not act on it (JDK 25)
			assertThat(report.fallbackScsv()).isEqualTo(Observed.of(false,
					"The server answered TLS 1.2 with TLS_FALLBACK_SCSV with a TLS 1.2 ServerHello"));
			assertThat(report.compression())
				.isEqualTo(Observed.of(false, "The TLS 1.2 ServerHello chose null compression"));
			assertThat(report.connections()).isEqualTo(4);
			assertThat(server.acceptedConnections()).isEqualTo(4);
		}
	}

	@Test
	void jsseServerOfTls12OnlyHasNoFallbackAndRefusesAnAlpnOfferWithoutItsProtocol() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2").applicationProtocols("h2").start()) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_2, null);

			assertThat(report.alpn()).isEqualTo(Observed.of(List.of("h2"),
					"h2 chosen from [h2, http/1.1]; Alert: fatal no_application_protocol (120) to [http/1.1]"));
			assertThat(report.secureRenegotiation().value()).isTrue();
			assertThat(report.fallbackScsv().status()).isEqualTo(Status.NOT_APPLICABLE);
			assertThat(report.fallbackScsv().value()).isNull();
			assertThat(report.compression().value()).isFalse();
			assertThat(report.connections()).isEqualTo(3);
			assertThat(server.acceptedConnections()).isEqualTo(3);
		}
	}

	@Test
	void jsseServerOfTls13OnlyShowsAlpnInAHandshakeAndNothingElseApplies() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.3")
			.applicationProtocols("h2", "http/1.1")
			.start()) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_3, null);

			assertThat(report.alpn()).isEqualTo(Observed.of(List.of("h2", "http/1.1"),
					"h2 chosen from [h2, http/1.1]; http/1.1 chosen from [http/1.1]"));
			assertThat(report.secureRenegotiation()).isEqualTo(Observed
				.notApplicable("The server accepts only TLS 1.3, which has no renegotiation (RFC 8446 §4.1.2)"));
			assertThat(report.compression().status()).isEqualTo(Status.NOT_APPLICABLE);
			assertThat(report.fallbackScsv().status()).isEqualTo(Status.NOT_APPLICABLE);
			assertThat(report.connections()).isEqualTo(2);
			assertThat(server.acceptedConnections()).isEqualTo(2);
			assertThat(server.awaitHandshake().protocol()).isEqualTo("TLSv1.3");
		}
	}

	@Test
	void jsseServerOfTls13OnlyRefusingHttp11() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.3").applicationProtocols("h2").start()) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_3, null);

			assertThat(report.alpn()).isEqualTo(Observed.of(List.of("h2"),
					"h2 chosen from [h2, http/1.1]; Alert: fatal no_application_protocol (120) to [http/1.1]"));
		}
	}

	@Test
	void jsseServerWithoutAlpnChoosesNone() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.3").start()) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_3, null);

			assertThat(report.alpn()).isEqualTo(Observed.of(List.of(),
					"No protocol chosen from [h2, http/1.1]; No protocol chosen from [http/1.1]"));
		}
	}

	@Test
	void everyQuestionRunsTheStartTlsDialogue() {
		try (StartTlsTestServer server = StartTlsTestServer.smtp(localhost)) {
			ProbeTarget target = new ProbeTarget(server.address(), server.port(), "localhost", "localhost",
					StartTls.SMTP);

			FeatureReport report = this.prober.probe(target, options(), TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);

			assertThat(report.alpn().value()).isEmpty();
			assertThat(report.secureRenegotiation().value()).isTrue();
			assertThat(report.fallbackScsv().value()).isFalse();
			assertThat(report.compression().value()).isFalse();
			assertThat(report.connections()).isEqualTo(4);
			assertThat(server.received()).filteredOn("STARTTLS"::equals).hasSize(4);
		}
	}

	@Test
	void serverThatChoosesDeflateCompresses() {
		List<Hello> hellos = new CopyOnWriteArrayList<>();
		try (TestTcpServer server = scripted(hellos, (hello) -> serverHello(hello.version(), suiteFor(hello),
				hello.compressionMethods().contains(1) ? "01" : "00", RENEGOTIATION_INFO))) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_2, TlsVersion.TLS_1_1);

			assertThat(report.compression()).isEqualTo(Observed.of(true, "The TLS 1.2 ServerHello chose DEFLATE"));
			assertThat(report.secureRenegotiation().value()).isTrue();
			assertThat(report.fallbackScsv()).isEqualTo(Observed.of(false,
					"The server answered TLS 1.1 with TLS_FALLBACK_SCSV with a TLS 1.1 ServerHello"));
			assertThat(report.alpn()).isEqualTo(Observed.of(List.of(),
					"No protocol chosen from [h2, http/1.1]; No protocol chosen from [http/1.1]"));
			assertThat(report.connections()).isEqualTo(4);
			assertThat(server.acceptedConnections()).isEqualTo(4);
			assertThat(hellos).extracting(Hello::version).containsOnly(0x0303, 0x0302);
			assertThat(hellos).filteredOn((hello) -> hello.cipherSuites().contains(0x5600))
				.singleElement()
				.extracting(Hello::version)
				.isEqualTo(0x0302);
			assertThat(hellos).filteredOn((hello) -> hello.compressionMethods().equals(List.of(1, 0))).hasSize(1);
			assertThat(hellos).extracting(Hello::alpn)
				.containsExactlyInAnyOrder(List.of("h2", "http/1.1"), List.of("http/1.1"), List.of(), List.of());
		}
	}

	@Test
	void serverThatRefusesTheFallbackSupportsTheScsv() {
		List<Hello> hellos = new CopyOnWriteArrayList<>();
		// RFC 7507 §3: a TLS 1.2 server refuses a lower version with the SCSV
		try (TestTcpServer server = scripted(hellos,
				(hello) -> (hello.cipherSuites().contains(0x5600) && hello.version() < 0x0303) ? "15030300020256"
						: serverHello(hello.version(), suiteFor(hello), "00", RENEGOTIATION_INFO))) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_2, TlsVersion.TLS_1_0);

			assertThat(report.fallbackScsv()).isEqualTo(Observed.of(true, "Alert: fatal inappropriate_fallback (86)"));
			assertThat(report.secureRenegotiation().value()).isTrue();
			assertThat(hellos).filteredOn((hello) -> hello.cipherSuites().contains(0x5600))
				.singleElement()
				.satisfies((hello) -> {
					assertThat(hello.version()).isEqualTo(0x0301);
					assertThat(hello.cipherSuites()).last().isEqualTo(0x5600);
				});
		}
	}

	@Test
	void serverHelloWithoutRenegotiationInfoHasNoSecureRenegotiation() {
		try (TestTcpServer server = scripted(new ArrayList<>(),
				(hello) -> serverHello(hello.version(), "c02f", "00", ""))) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_2, null);

			assertThat(report.secureRenegotiation())
				.isEqualTo(Observed.of(false, "No renegotiation_info in the TLS 1.2 ServerHello"));
			assertThat(report.compression().value()).isFalse();
		}
	}

	@Test
	void serverThatChoosesFromTheOfferedProtocols() {
		try (TestTcpServer server = scripted(new ArrayList<>(),
				(hello) -> serverHello(hello.version(), "c02f", "00", alpn(hello.alpn().getLast())))) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_2, null);

			assertThat(report.alpn().value()).containsExactly("http/1.1");
		}
	}

	@Test
	void alpnChoiceThatWasNotOfferedIsAnError() {
		try (TestTcpServer server = scripted(new ArrayList<>(),
				(hello) -> serverHello(hello.version(), "c02f", "00", alpn("h3")))) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_2, null);

			assertThat(report.alpn()).isEqualTo(Observed.none(Status.ERROR,
					"malformed ServerHello: it chose ALPN protocol \"h3\", which was not offered (offering [h2, http/1.1])"));
		}
	}

	@Test
	void nonEmptyRenegotiatedConnectionIsAnError() {
		try (TestTcpServer server = scripted(new ArrayList<>(),
				(hello) -> serverHello(hello.version(), "c02f", "00", "ff01" + "0002" + "01" + "aa"))) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_2, null);

			assertThat(report.secureRenegotiation()).isEqualTo(Observed.none(Status.ERROR,
					"malformed ServerHello: renegotiation_info of an initial handshake with 1 bytes of "
							+ "renegotiated_connection, not 0 (RFC 5746 §3.4)"));
		}
	}

	@Test
	void deflateToAHelloThatOfferedOnlyNullIsAnError() {
		try (TestTcpServer server = scripted(new ArrayList<>(),
				(hello) -> serverHello(hello.version(), "c02f", "01", RENEGOTIATION_INFO))) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_2, null);

			// renegotiation shares the hello that offered DEFLATE; the ALPN hellos did
			// not
			assertThat(report.compression().value()).isTrue();
			assertThat(report.secureRenegotiation().value()).isTrue();
			assertThat(report.alpn()).isEqualTo(Observed.none(Status.ERROR,
					"malformed ServerHello: it chose compression method 1, which was not offered"
							+ " (offering [h2, http/1.1])"));
		}
	}

	@Test
	void sslv3OnlyServerHasNoAlpnButAnswersTheRest() {
		List<Hello> hellos = new CopyOnWriteArrayList<>();
		try (TestTcpServer server = scripted(hellos,
				(hello) -> serverHello(0x0300, "000a", hello.compressionMethods().contains(1) ? "01" : "00", null))) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.SSL_3_0, null);

			assertThat(report.alpn())
				.isEqualTo(Observed.notApplicable("The server accepts only SSL 3.0, whose hellos carry no extensions"));
			assertThat(report.secureRenegotiation())
				.isEqualTo(Observed.of(false, "No renegotiation_info in the SSL 3.0 ServerHello"));
			assertThat(report.compression().value()).isTrue();
			assertThat(report.connections()).isEqualTo(1);
			assertThat(hellos).allSatisfy((hello) -> assertThat(hello.cipherSuites()).contains(0x00FF));
		}
	}

	@Test
	void alertsSayNothingButWhatTheyAreAskedAbout() {
		try (TestTcpServer server = scripted(new ArrayList<>(), (hello) -> "15030300020228")) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_2, TlsVersion.TLS_1_1);

			Observed<Boolean> handshakeFailure = Observed.none(Status.COULD_NOT_TEST,
					"Alert: fatal handshake_failure (40)");
			assertThat(report.secureRenegotiation()).isEqualTo(handshakeFailure);
			assertThat(report.fallbackScsv()).isEqualTo(handshakeFailure);
			assertThat(report.compression()).isEqualTo(handshakeFailure);
			assertThat(report.alpn()).isEqualTo(Observed.none(Status.COULD_NOT_TEST,
					"Alert: fatal handshake_failure (40) (offering [h2, http/1.1])"));
		}
	}

	@Test
	void garbageIsAnErrorWithItsReason() {
		try (TestTcpServer server = TestTcpServer.garbage()) {
			FeatureReport report = probe(server.address(), server.port(), TlsVersion.TLS_1_2, TlsVersion.TLS_1_1);

			String reason = "malformed ServerHello: Not a TLS record: content type 0x48";
			assertThat(List.of(report.secureRenegotiation(), report.fallbackScsv(), report.compression()))
				.containsOnly(Observed.none(Status.ERROR, reason));
			assertThat(report.alpn()).isEqualTo(Observed.none(Status.ERROR, reason + " (offering [h2, http/1.1])"));
			assertThat(report.connections()).isEqualTo(4);
		}
	}

	@Test
	void silentServerTimesOutWithinTheHandshakeTimeout() {
		try (TestTcpServer server = TestTcpServer.hanging()) {
			long started = System.nanoTime();
			FeatureReport report = this.prober.probe(target(server.address(), server.port()), shortOptions(),
					TlsVersion.TLS_1_2, TlsVersion.TLS_1_1);

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SANITY_BOUND);
			String reason = "No answer within the handshake timeout";
			assertThat(List.of(report.secureRenegotiation(), report.fallbackScsv(), report.compression()))
				.containsOnly(Observed.none(Status.TIMED_OUT, reason));
			assertThat(report.alpn()).isEqualTo(Observed.none(Status.TIMED_OUT, reason + " (offering [h2, http/1.1])"));
		}
	}

	@Test
	void silentTls13ServerTimesOutInTheJsseHandshakeToo() {
		try (TestTcpServer server = TestTcpServer.hanging()) {
			long started = System.nanoTime();
			FeatureReport report = this.prober.probe(target(server.address(), server.port()), shortOptions(),
					TlsVersion.TLS_1_3, null);

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SANITY_BOUND);
			assertThat(report.alpn()).isEqualTo(Observed.none(Status.TIMED_OUT,
					"TLS handshake not completed within 500 ms (offering [h2, http/1.1])"));
			assertThat(report.connections()).isEqualTo(2);
		}
	}

	@Test
	void drippingServerCannotHoldTheProbePastItsTimeout() {
		try (TestTcpServer server = TestTcpServer.dripping(Duration.ofMillis(50))) {
			long started = System.nanoTime();
			FeatureReport report = this.prober.probe(target(server.address(), server.port()), shortOptions(),
					TlsVersion.TLS_1_2, TlsVersion.TLS_1_1);

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SANITY_BOUND);
			assertThat(report.compression().status()).isEqualTo(Status.TIMED_OUT);
		}
	}

	@Test
	void refusedPortCouldNotBeTestedAndEveryAttemptCounts() throws Exception {
		FeatureReport report = this.prober.probe(target(loopback(), TestTcpServer.refusedPort()), options(),
				TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);

		assertThat(List.of(report.alpn(), report.secureRenegotiation(), report.fallbackScsv(), report.compression()))
			.allSatisfy((observed) -> {
				assertThat(observed.status()).isEqualTo(Status.COULD_NOT_TEST);
				assertThat(observed.value()).isNull();
				assertThat(observed.detail()).startsWith("Connect failed: ");
			});
		assertThat(report.connections()).isEqualTo(4);
	}

	@Test
	void secondVersionMustBeLowerThanTheHighest() throws Exception {
		ProbeTarget target = target(loopback(), 443);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.prober.probe(target, options(), TlsVersion.TLS_1_2, TlsVersion.TLS_1_2));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.prober.probe(target, options(), TlsVersion.TLS_1_2, TlsVersion.TLS_1_3));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.prober.probe(target, options(), TlsVersion.SSL_3_0, TlsVersion.SSL_2_0));
	}

	private FeatureReport probe(InetAddress address, int port, TlsVersion highest, @Nullable TlsVersion second) {
		return this.prober.probe(target(address, port), options(), highest, second);
	}

	/**
	 * A server that reads each ClientHello, notes it, and answers with the given hex
	 * bytes; then it half-closes and waits for the client to close first.
	 */
	private static TestTcpServer scripted(List<Hello> hellos, Function<Hello, String> answer) {
		return TestTcpServer.start((socket) -> {
			Hello hello = Hello.parse(readRecord(socket));
			hellos.add(hello);
			OutputStream output = socket.getOutputStream();
			output.write(hex.parseHex(answer.apply(hello)));
			output.flush();
			socket.shutdownOutput();
			socket.getInputStream().read();
		});
	}

	/**
	 * A ServerHello record with an empty session id.
	 * @param version the version
	 * @param suite the suite in hex
	 * @param compression the compression method in hex
	 * @param extensions the extensions in hex, {@code null} for none at all
	 */
	private static String serverHello(int version, String suite, String compression, @Nullable String extensions) {
		String body = String.format("%04x", version) + "aa".repeat(32) + "00" + suite + compression
				+ ((extensions != null) ? String.format("%04x", extensions.length() / 2) + extensions : "");
		String message = "02" + String.format("%06x", body.length() / 2) + body;
		return "16" + String.format("%04x", Math.min(version, 0x0303)) + String.format("%04x", message.length() / 2)
				+ message;
	}

	/** A suite the ClientHello offered for its version. */
	private static String suiteFor(Hello hello) {
		return (hello.version() == 0x0303) ? "c02f" : "c013";
	}

	private static String alpn(String protocol) {
		String name = String.format("%02x", protocol.length()) + hex.formatHex(protocol.getBytes());
		String list = String.format("%04x", name.length() / 2) + name;
		return "0010" + String.format("%04x", list.length() / 2) + list;
	}

	/**
	 * What a scripted server saw of a ClientHello (RFC 5246 §7.4.1.2).
	 */
	record Hello(int version, List<Integer> cipherSuites, List<Integer> compressionMethods, List<String> alpn) {

		static Hello parse(byte[] record) {
			ByteBuffer buffer = ByteBuffer.wrap(record);
			buffer.position(5 + 4);
			int version = u16(buffer);
			buffer.position(buffer.position() + 32);
			int sessionIdLength = u8(buffer);
			buffer.position(buffer.position() + sessionIdLength);
			List<Integer> suites = new ArrayList<>();
			int suitesLength = u16(buffer);
			for (int i = 0; i < suitesLength / 2; i++) {
				suites.add(u16(buffer));
			}
			List<Integer> methods = new ArrayList<>();
			int methodsLength = u8(buffer);
			for (int i = 0; i < methodsLength; i++) {
				methods.add(u8(buffer));
			}
			Map<Integer, ByteBuffer> extensions = extensions(buffer);
			ByteBuffer alpn = extensions.get(16);
			return new Hello(version, suites, methods, (alpn != null) ? protocols(alpn) : List.of());
		}

		private static Map<Integer, ByteBuffer> extensions(ByteBuffer buffer) {
			Map<Integer, ByteBuffer> extensions = new LinkedHashMap<>();
			if (buffer.hasRemaining()) {
				u16(buffer);
				while (buffer.hasRemaining()) {
					int type = u16(buffer);
					byte[] data = new byte[u16(buffer)];
					buffer.get(data);
					extensions.put(type, ByteBuffer.wrap(data));
				}
			}
			return extensions;
		}

		private static List<String> protocols(ByteBuffer alpn) {
			List<String> protocols = new ArrayList<>();
			u16(alpn);
			while (alpn.hasRemaining()) {
				byte[] name = new byte[u8(alpn)];
				alpn.get(name);
				protocols.add(new String(name, StandardCharsets.US_ASCII));
			}
			return protocols;
		}

		private static int u8(ByteBuffer buffer) {
			return buffer.get() & 0xFF;
		}

		private static int u16(ByteBuffer buffer) {
			return buffer.getShort() & 0xFFFF;
		}

	}

}
