package dev.tlswatch.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates.KeyType;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTlsServer.ServerHandshake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TlsProber#jsse()} against real TLS servers on 127.0.0.1.
 */
class JsseTlsProberTests {

	private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

	// Far above the short timeout; only catches a probe that is not bounded at all
	private static final Duration SANITY_BOUND = Duration.ofSeconds(5);

	private static Issued root;

	private static Issued intermediate;

	private static Issued localhost;

	private final TlsProber prober = Probers.handshakes();

	@BeforeAll
	static void createCertificates() {
		root = TestCertificates.rootCa("Prober Test Root");
		intermediate = TestCertificates.intermediateCa("Prober Test Intermediate", root);
		localhost = TestCertificates.localhost(intermediate);
	}

	@Test
	void validChainToAnExtraAnchorIsTrustedAndMatches() {
		try (TestTlsServer server = TestTlsServer.start(localhost)) {
			HandshakeObservation observation = this.prober.handshake(target(server, "localhost"), trustingRoot());
			ServerHandshake seen = server.awaitHandshake();
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.error()).isNull();
			assertThat(observation.protocol()).isEqualTo("TLSv1.3");
			assertThat(observation.cipherSuite()).isEqualTo(seen.cipherSuite()).startsWith("TLS_");
			assertThat(observation.connectTime()).isNotNull();
			assertThat(observation.handshakeTime()).isNotNull();
			assertThat(observation.trust()).isEqualTo(TrustStatus.TRUSTED);
			assertThat(observation.trustError()).isNull();
			assertThat(observation.hostnameMatches()).isTrue();
			assertThat(observation.chain()).extracting(CertificateInfo::sha256)
				.containsExactly(sha256(localhost.certificate()), sha256(intermediate.certificate()));
			CertificateInfo leaf = observation.chain().get(0);
			assertThat(leaf.notAfter()).isEqualTo(localhost.certificate().getNotAfter().toInstant());
			assertThat(leaf.subjectAltNames()).containsExactly("DNS:localhost", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1");
			assertThat(seen.requestedServerNames()).containsExactly("localhost");
		}
	}

	@Test
	void serverLimitedToTls12NegotiatesTls12WithTheServersCipherSuite() {
		try (TestTlsServer server = TestTlsServer.presenting(localhost.key(), localhost.chainWithoutRoot())
			.protocols("TLSv1.2")
			.start()) {
			HandshakeObservation observation = this.prober.handshake(target(server, "localhost"), trustingRoot());
			ServerHandshake seen = server.awaitHandshake();
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(seen.protocol()).isEqualTo("TLSv1.2");
			assertThat(observation.protocol()).isEqualTo("TLSv1.2");
			assertThat(observation.cipherSuite()).isEqualTo(seen.cipherSuite()).startsWith("TLS_ECDHE_RSA_");
			assertThat(observation.trust()).isEqualTo(TrustStatus.TRUSTED);
		}
	}

	@Test
	void ecLeafIsDescribed() {
		Issued ecLeaf = TestCertificates.leaf("ec.localhost")
			.dnsNames("localhost")
			.keyType(KeyType.EC_P256)
			.issuedBy(intermediate);
		try (TestTlsServer server = TestTlsServer.start(ecLeaf)) {
			HandshakeObservation observation = this.prober.handshake(target(server, "localhost"), trustingRoot());
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.chain().get(0).keyAlgorithm()).isEqualTo("EC");
			assertThat(observation.chain().get(0).keySize()).isEqualTo(256);
			assertThat(observation.chain().get(0).subject()).isEqualTo("CN=ec.localhost");
		}
	}

	@Test
	void expiredLeafIsRecordedAndExpired() {
		Instant notAfter = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Issued expired = TestCertificates.leaf("localhost")
			.dnsNames("localhost")
			.validity(notAfter.minus(90, ChronoUnit.DAYS), notAfter)
			.issuedBy(intermediate);
		try (TestTlsServer server = TestTlsServer.start(expired)) {
			HandshakeObservation observation = this.prober.handshake(target(server, "localhost"), trustingRoot());
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.trust()).isEqualTo(TrustStatus.EXPIRED);
			assertThat(observation.trustError()).contains("expired").contains(notAfter.toString());
			assertThat(observation.chain()).hasSize(2);
			assertThat(observation.chain().get(0).notAfter()).isEqualTo(notAfter);
			assertThat(observation.hostnameMatches()).isTrue();
		}
	}

	@Test
	void selfSignedLeafIsUntrusted() {
		Issued selfSigned = TestCertificates.leaf("localhost").dnsNames("localhost").selfSigned();
		try (TestTlsServer server = TestTlsServer.start(selfSigned)) {
			HandshakeObservation observation = this.prober.handshake(target(server, "localhost"), trustingRoot());
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.trust()).isEqualTo(TrustStatus.UNTRUSTED);
			assertThat(observation.trustError()).isEqualTo("self-signed certificate");
			assertThat(observation.chain()).singleElement().satisfies((leaf) -> {
				assertThat(leaf.selfSigned()).isTrue();
				assertThat(leaf.sha256()).isEqualTo(sha256(selfSigned.certificate()));
			});
			assertThat(observation.hostnameMatches()).isTrue();
		}
	}

	@Test
	void otherHostDoesNotMatch() {
		try (TestTlsServer server = TestTlsServer.start(localhost)) {
			ProbeTarget target = new ProbeTarget(server.address(), server.port(), "www.example.com", "www.example.com");
			HandshakeObservation observation = this.prober.handshake(target, trustingRoot());
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.trust()).isEqualTo(TrustStatus.TRUSTED);
			assertThat(observation.hostnameMatches()).isFalse();
			assertThat(server.awaitHandshake().requestedServerNames()).containsExactly("www.example.com");
		}
	}

	@Test
	void ipLiteralMatchesIpSubjectAltNameAndSendsNoSni() {
		try (TestTlsServer server = TestTlsServer.start(localhost)) {
			ProbeTarget target = new ProbeTarget(server.address(), server.port(), null, "127.0.0.1");
			HandshakeObservation observation = this.prober.handshake(target, trustingRoot());
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.hostnameMatches()).isTrue();
			assertThat(server.awaitHandshake().requestedServerNames()).isEmpty();
		}
	}

	@ParameterizedTest(name = "SNI \"{0}\" is not sent")
	@ValueSource(strings = { "127.0.0.1", "::1", "not a host name", "under_score.example", "" })
	void invalidSniNameIsNotSent(String sniName) {
		try (TestTlsServer server = TestTlsServer.start(localhost)) {
			ProbeTarget target = new ProbeTarget(server.address(), server.port(), sniName, "localhost");
			assertThat(this.prober.handshake(target, trustingRoot()).outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(server.awaitHandshake().requestedServerNames()).isEmpty();
		}
	}

	@Test
	void sniNameIsSentWithoutTrailingDot() {
		try (TestTlsServer server = TestTlsServer.start(localhost)) {
			ProbeTarget target = new ProbeTarget(server.address(), server.port(), "localhost.", "localhost.");
			HandshakeObservation observation = this.prober.handshake(target, trustingRoot());
			assertThat(observation.hostnameMatches()).isTrue();
			assertThat(server.awaitHandshake().requestedServerNames()).containsExactly("localhost");
		}
	}

	@Test
	void missingIntermediateIsUntrusted() {
		try (TestTlsServer server = TestTlsServer.presenting(localhost.key(), List.of(localhost.certificate()))
			.start()) {
			HandshakeObservation observation = this.prober.handshake(target(server, "localhost"), trustingRoot());
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.trust()).isEqualTo(TrustStatus.UNTRUSTED);
			assertThat(observation.trustError()).contains("Prober Test Intermediate").contains("not sent");
			assertThat(observation.chain()).hasSize(1);
		}
	}

	@Test
	void chainIsRecordedInTheOrderSent() {
		List<X509Certificate> misordered = List.of(localhost.certificate(), root.certificate(),
				intermediate.certificate());
		try (TestTlsServer server = TestTlsServer.presenting(localhost.key(), misordered).start()) {
			HandshakeObservation observation = this.prober.handshake(target(server, "localhost"), trustingRoot());
			assertThat(observation.chain()).extracting(CertificateInfo::subject)
				.containsExactly("CN=localhost", "CN=Prober Test Root", "CN=Prober Test Intermediate");
			assertThat(observation.trust()).isEqualTo(TrustStatus.TRUSTED);
		}
	}

	@Test
	void unknownCaIsUntrustedWithoutExtraAnchor() {
		try (TestTlsServer server = TestTlsServer.start(localhost)) {
			HandshakeObservation observation = this.prober.handshake(target(server, "localhost"),
					ProbeOptions.defaults());
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.trust()).isEqualTo(TrustStatus.UNTRUSTED);
			assertThat(observation.trustError()).startsWith("no path to a trusted root");
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "TLSv1.3", "TLSv1.2" })
	void serverRequiringClientCertificateFailsWithTheChainRecorded(String protocol) {
		try (TestTlsServer server = TestTlsServer.presenting(localhost.key(), localhost.chainWithoutRoot())
			.protocols(protocol)
			.requireClientAuth()
			.start()) {
			HandshakeObservation observation = this.prober.handshake(target(server, "localhost"), trustingRoot());
			assertThat(server.awaitHandshake().completed()).isFalse();
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
			assertThat(observation.error()).isNotBlank();
			assertThat(observation.protocol()).isNull();
			assertThat(observation.chain()).hasSize(2);
			assertThat(observation.trust()).isEqualTo(TrustStatus.TRUSTED);
			assertThat(observation.hostnameMatches()).isTrue();
		}
	}

	@Test
	void refusedPortIsConnectionRefused() throws Exception {
		ProbeTarget target = new ProbeTarget(loopback(), TestTcpServer.refusedPort(), "localhost", "localhost");
		HandshakeObservation observation = this.prober.handshake(target, trustingRoot());
		assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.CONNECTION_REFUSED);
		assertThat(observation.error()).isNotBlank();
		assertThat(observation.connectTime()).isNull();
		assertThat(observation.chain()).isEmpty();
		assertThat(observation.trust()).isEqualTo(TrustStatus.UNKNOWN);
		assertThat(observation.trustError()).isNull();
		assertThat(observation.hostnameMatches()).isNull();
	}

	@Test
	void silentServerTimesOut() {
		try (TestTcpServer server = TestTcpServer.hanging()) {
			long started = System.nanoTime();
			HandshakeObservation observation = this.prober.handshake(target(server.address(), server.port()),
					shortTimeouts());
			Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.TIMEOUT);
			assertThat(observation.error()).isNotBlank();
			assertThat(observation.connectTime()).isNotNull();
			assertThat(observation.chain()).isEmpty();
			assertThat(elapsed).isLessThan(SANITY_BOUND);
		}
	}

	@Test
	void drippingServerIsCutOffAtTheHandshakeTimeout() {
		try (TestTcpServer server = TestTcpServer.dripping(Duration.ofMillis(50))) {
			long started = System.nanoTime();
			HandshakeObservation observation = this.prober.handshake(target(server.address(), server.port()),
					shortTimeouts());
			Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.TIMEOUT);
			assertThat(observation.error()).isEqualTo("TLS handshake not completed within 500 ms");
			assertThat(elapsed).isLessThan(SANITY_BOUND);
		}
	}

	@Test
	void garbageIsATlsFailure() {
		try (TestTcpServer server = TestTcpServer.garbage()) {
			HandshakeObservation observation = this.prober.handshake(target(server.address(), server.port()),
					trustingRoot());
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
			assertThat(observation.error()).isNotBlank().hasSizeLessThanOrEqualTo(500);
			assertThat(observation.chain()).isEmpty();
			assertThat(observation.trust()).isEqualTo(TrustStatus.UNKNOWN);
		}
	}

	@Test
	void clockBeforeOrAfterTheValidityFlipsTrust() {
		Instant notBefore = localhost.certificate().getNotBefore().toInstant();
		Instant notAfter = localhost.certificate().getNotAfter().toInstant();
		try (TestTlsServer server = TestTlsServer.start(localhost)) {
			ProbeTarget target = target(server, "localhost");
			assertThat(this.prober.handshake(target, trustingRoot().withClock(fixedAt(notBefore.minusSeconds(60))))
				.trust()).isEqualTo(TrustStatus.NOT_YET_VALID);
			assertThat(
					this.prober.handshake(target, trustingRoot().withClock(fixedAt(notAfter.plusSeconds(60)))).trust())
				.isEqualTo(TrustStatus.EXPIRED);
			assertThat(this.prober.handshake(target, trustingRoot().withClock(fixedAt(notAfter))).trust())
				.isEqualTo(TrustStatus.TRUSTED);
		}
	}

	@Test
	void oneProberServesConcurrentProbes() throws Exception {
		try (TestTlsServer server = TestTlsServer.start(localhost);
				ExecutorService executor = Executors.newFixedThreadPool(4)) {
			List<Callable<HandshakeObservation>> probes = IntStream.range(0, 8)
				.<Callable<HandshakeObservation>>mapToObj(
						(i) -> () -> this.prober.handshake(target(server, "localhost"), trustingRoot()))
				.toList();
			for (Future<HandshakeObservation> result : executor.invokeAll(probes)) {
				HandshakeObservation observation = result.get();
				assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
				assertThat(observation.chain()).hasSize(2);
				assertThat(observation.trust()).isEqualTo(TrustStatus.TRUSTED);
			}
		}
	}

	private static ProbeTarget target(TestTlsServer server, String name) {
		return new ProbeTarget(server.address(), server.port(), name, name);
	}

	private static ProbeTarget target(InetAddress address, int port) {
		return new ProbeTarget(address, port, "localhost", "localhost");
	}

	private static ProbeOptions trustingRoot() {
		return ProbeOptions.defaults().withExtraTrustAnchors(List.of(root.certificate()));
	}

	private static ProbeOptions shortTimeouts() {
		return new ProbeOptions(SHORT_TIMEOUT, SHORT_TIMEOUT, List.of(root.certificate()), Clock.systemUTC());
	}

	private static Clock fixedAt(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static InetAddress loopback() throws UnknownHostException {
		return InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
	}

	private static String sha256(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
