package dev.tlswatch.probe.wire;

import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.CipherSuiteProber;
import dev.tlswatch.probe.CipherSuites;
import dev.tlswatch.probe.FeatureAnswers;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionSweep;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.support.StartTlsTestServer;
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
import static dev.tlswatch.probe.wire.WireProbeFixture.shortOptions;
import static dev.tlswatch.probe.wire.WireProbeFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link CipherSuiteProber#wire()} against real JSSE servers, against scripted servers
 * for what JSSE no longer speaks (TLS 1.0, SSL 3.0, 3DES) and for servers that break the
 * rules; all on 127.0.0.1. Every test counts the connections.
 */
class CipherSuiteProbeTests {

	// A server order that is neither the client's nor alphabetical
	private static final List<String> FOUR_SUITES = List.of("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

	private static Issued localhost;

	private final CipherSuiteProber prober = Probers.cipherSuites();

	@BeforeAll
	static void createCertificates() {
		localhost = TestCertificates.localhost(TestCertificates.rootCa("Suite Test Root"));
	}

	@Test
	void tls13OnlyServerAcceptsExactlyTheJdksTls13Suites() throws Exception {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.3").start()) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_3);

			List<String> expected = jdkTls13Suites();
			assertThat(suites.accepted()).extracting(CipherSuite::name).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(suites.complete()).isTrue();
			assertThat(suites.order()).isNotEqualTo(ServerOrder.UNKNOWN);
			// One per suite, one refusal, and one for the order unless the finds came
			// against the order offered
			assertThat(suites.connections()).isBetween(expected.size() + 1, expected.size() + 2);
		}
	}

	@Test
	void tls12ServerThatDecidesShowsItsSuitesInItsOrder() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites(FOUR_SUITES.toArray(String[]::new))
			.useCipherSuitesOrder(true)
			.start()) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(suites.accepted()).extracting(CipherSuite::name).containsExactlyElementsOf(FOUR_SUITES);
			assertThat(suites.order()).isEqualTo(ServerOrder.SERVER);
			assertThat(suites.incompleteReason()).isNull();
			// Found against the order offered: that proves the server's order, with no
			// connection of its own
			assertThat(suites.connections()).isEqualTo(4 + 1);
		}
	}

	@Test
	void tls12ServerThatFollowsTheClientIsClientOrder() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites(FOUR_SUITES.toArray(String[]::new))
			.useCipherSuitesOrder(false)
			.start()) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(suites.accepted()).extracting(CipherSuite::name)
				.containsExactlyInAnyOrderElementsOf(FOUR_SUITES);
			assertThat(suites.order()).isEqualTo(ServerOrder.CLIENT);
			// Found in the order offered: one more hello offers them in reverse
			assertThat(suites.connections()).isEqualTo(4 + 1 + 1);
		}
	}

	@Test
	void theFirstTls12HelloAsksWhetherTheServerTakesUpHeartbeatsAndSessionTickets() {
		// JSSE issues session tickets (RFC 5077) but has no heartbeats (RFC 6520)
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites(FOUR_SUITES.toArray(String[]::new))
			.start()) {
			FeatureAnswers answers = this.prober
				.sweep(target(server.address(), server.port()), options(), TlsVersion.TLS_1_2, true)
				.features();

			assertThat(answers.heartbeat()).isEqualTo(Observed.of(false, "No heartbeat extension in the ServerHello"));
			assertThat(answers.sessionTicket())
				.isEqualTo(Observed.of(true, "The ServerHello took up the session_ticket extension"));
		}
	}

	@Test
	void tls13ServerRefusesTls12AtOnce() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.3").start()) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(suites.accepted()).isEmpty();
			assertThat(suites.complete()).isTrue();
			assertThat(suites.order()).isEqualTo(ServerOrder.UNKNOWN);
			assertThat(suites.connections()).isEqualTo(1);
		}
	}

	@Test
	void tls13OverSmtpStartTlsTakesTheSamePath() throws Exception {
		try (StartTlsTestServer server = StartTlsTestServer.smtp(localhost)) {
			SuiteEnumeration suites = this.prober.enumerate(
					new ProbeTarget(server.address(), server.port(), "localhost", "localhost", StartTls.SMTP),
					options(), TlsVersion.TLS_1_3);

			assertThat(suites.accepted()).extracting(CipherSuite::name)
				.containsExactlyInAnyOrderElementsOf(jdkTls13Suites());
			// EHLO and STARTTLS on every connection
			assertThat(server.received()).hasSize(2 * suites.connections());
		}
	}

	@Test
	void tls10ServerOfCbcAnd3desSuitesInItsOrder() {
		List<Integer> preference = List.of(0xC014, 0x000A, 0xC012, 0x002F);
		try (TestTcpServer server = TestTcpServer.start(ScriptedServers.suites(0x0301, preference, true))) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_0);

			assertThat(suites.accepted()).extracting(CipherSuite::name)
				.containsExactly("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
						"TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA");
			assertThat(suites.order()).isEqualTo(ServerOrder.SERVER);
			assertThat(suites.complete()).isTrue();
			assertThat(suites.connections()).isEqualTo(4 + 1).isEqualTo(server.acceptedConnections());
		}
	}

	@Test
	void serverWhoseOrderIsTheOfferedOneIsToldApartByTheReversedOffer() {
		List<Integer> preference = SuiteCatalog.enumerable(TlsVersion.TLS_1_0).subList(0, 3);
		try (TestTcpServer server = TestTcpServer.start(ScriptedServers.suites(0x0301, preference, true))) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_0);

			assertThat(suites.accepted()).extracting(CipherSuite::code).containsExactlyElementsOf(preference);
			assertThat(suites.order()).isEqualTo(ServerOrder.SERVER);
			assertThat(suites.connections()).isEqualTo(3 + 1 + 1).isEqualTo(server.acceptedConnections());
		}
	}

	@Test
	void ssl3ServerInClientOrderAndTheHelloSignalsSecureRenegotiation() {
		Map<Integer, List<Integer>> offers = new ConcurrentHashMap<>();
		List<Integer> preference = List.of(0x0005, 0x000A);
		try (TestTcpServer server = TestTcpServer.start(ScriptedServers.reading((socket, hello) -> {
			offers.put(offers.size(), hello.cipherSuites());
			ScriptedServers.answerSuites(socket, hello, 0x0300, preference, false);
		}))) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.SSL_3_0);

			assertThat(suites.accepted()).extracting(CipherSuite::code).containsExactlyInAnyOrder(0x000A, 0x0005);
			assertThat(suites.order()).isEqualTo(ServerOrder.CLIENT);
			assertThat(suites.connections()).isEqualTo(2 + 1 + 1);
		}
		assertThat(offers.values()).allSatisfy((offer) -> assertThat(offer).last().isEqualTo(0x00FF));
	}

	@Test
	void serverThatFailsOnLongSuiteListsIsEnumeratedInChunksAndRanked() {
		List<Integer> offer = SuiteCatalog.enumerable(TlsVersion.TLS_1_2);
		int inFirstChunk = offer.get(3);
		int inSecondChunk = offer.get(CipherSuiteProbe.MAX_SUITES_PER_HELLO + 5);
		int chunks = (offer.size() + CipherSuiteProbe.MAX_SUITES_PER_HELLO - 1) / CipherSuiteProbe.MAX_SUITES_PER_HELLO;
		try (TestTcpServer server = TestTcpServer.start(ScriptedServers
			.intolerant(CipherSuiteProbe.MAX_SUITES_PER_HELLO, 0x0303, List.of(inSecondChunk, inFirstChunk)))) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(suites.accepted()).extracting(CipherSuite::code).containsExactly(inSecondChunk, inFirstChunk);
			assertThat(suites.order()).isEqualTo(ServerOrder.SERVER);
			assertThat(suites.complete()).isTrue();
			// the whole list, then each chunk (+1 per suite found), the order, one
			// ranking
			assertThat(suites.connections()).isEqualTo(1 + chunks + 2 + 2 + 1);
		}
	}

	@Test
	void chunkedSuitesOfOneChunkNeedNoRanking() {
		List<Integer> offer = SuiteCatalog.enumerable(TlsVersion.TLS_1_2);
		int chunks = (offer.size() + CipherSuiteProbe.MAX_SUITES_PER_HELLO - 1) / CipherSuiteProbe.MAX_SUITES_PER_HELLO;
		try (TestTcpServer server = TestTcpServer.start(ScriptedServers
			.intolerant(CipherSuiteProbe.MAX_SUITES_PER_HELLO, 0x0303, List.of(offer.get(7), offer.get(2))))) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(suites.accepted()).extracting(CipherSuite::code).containsExactly(offer.get(7), offer.get(2));
			assertThat(suites.order()).isEqualTo(ServerOrder.SERVER);
			// Found against the order offered: the server's order, no connection of its
			// own
			assertThat(suites.connections()).isEqualTo(1 + chunks + 2);
		}
	}

	@Test
	void serverThatClosesOnEveryHelloRefusesEverySuite() {
		int chunks = (SuiteCatalog.enumerable(TlsVersion.TLS_1_2).size() + CipherSuiteProbe.MAX_SUITES_PER_HELLO - 1)
				/ CipherSuiteProbe.MAX_SUITES_PER_HELLO;
		try (TestTcpServer server = TestTcpServer.start(ScriptedServers.reading((socket, hello) -> {
			socket.shutdownOutput();
			socket.getInputStream().read();
		}))) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(suites.accepted()).isEmpty();
			assertThat(suites.complete()).isTrue();
			assertThat(suites.connections()).isEqualTo(1 + chunks);
		}
	}

	@Test
	void serverThatChoosesARemovedSuiteStopsTheEnumeration() {
		try (TestTcpServer server = TestTcpServer.start(ScriptedServers.choosing(0x0303, (offered) -> 0xC02F))) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(suites.accepted()).extracting(CipherSuite::code).containsExactly(0xC02F);
			assertThat(suites.incompleteReason())
				.isEqualTo("The server chose TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f), which was not offered");
			assertThat(suites.order()).isEqualTo(ServerOrder.UNKNOWN);
			assertThat(suites.connections()).isEqualTo(2);
		}
	}

	@Test
	void serverThatChoosesASuiteNeverOfferedIsIncompleteAtOnce() {
		try (TestTcpServer server = TestTcpServer.start(ScriptedServers.choosing(0x0303, (offered) -> 0x0A0A))) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(suites.accepted()).isEmpty();
			assertThat(suites.incompleteReason())
				.isEqualTo("The server chose cipher suite 0x0a0a, which was not offered");
			assertThat(suites.connections()).isEqualTo(1);
		}
	}

	@Test
	void serverThatAnswersAnotherVersionIsIncomplete() {
		try (TestTcpServer server = TestTcpServer
			.start(ScriptedServers.choosing(0x0301, (offered) -> offered.get(0)))) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(suites.accepted()).isEmpty();
			assertThat(suites.incompleteReason())
				.isEqualTo("The server answered with TLS 1.0 to a ClientHello offering TLS 1.2");
			assertThat(suites.connections()).isEqualTo(1);
		}
	}

	@Test
	void garbageIsIncompleteWithItsReason() {
		try (TestTcpServer server = TestTcpServer.garbage()) {
			SuiteEnumeration suites = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(suites.accepted()).isEmpty();
			assertThat(suites.incompleteReason())
				.isEqualTo("Answer not understood: Not a TLS record: content type 0x48");
			assertThat(suites.connections()).isEqualTo(1);
		}
	}

	@Test
	void silentServerIsIncompleteWithinTheHandshakeTimeout() {
		try (TestTcpServer server = TestTcpServer.hanging()) {
			long started = System.nanoTime();
			SuiteEnumeration suites = this.prober.enumerate(target(server.address(), server.port()), shortOptions(),
					TlsVersion.TLS_1_3);

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SANITY_BOUND);
			assertThat(suites.incompleteReason()).isEqualTo("No answer within the handshake timeout");
			assertThat(suites.connections()).isEqualTo(1);
		}
	}

	@Test
	void drippingServerCannotHoldTheProbePastItsTimeout() {
		try (TestTcpServer server = TestTcpServer.dripping(Duration.ofMillis(50))) {
			long started = System.nanoTime();
			SuiteEnumeration suites = this.prober.enumerate(target(server.address(), server.port()), shortOptions(),
					TlsVersion.TLS_1_2);

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SANITY_BOUND);
			assertThat(suites.complete()).isFalse();
			assertThat(suites.connections()).isEqualTo(1);
		}
	}

	@Test
	void refusedPortIsIncompleteAfterOneAttempt() throws Exception {
		SuiteEnumeration suites = this.prober.enumerate(target(loopback(), TestTcpServer.refusedPort()), options(),
				TlsVersion.TLS_1_2);

		assertThat(suites.incompleteReason()).startsWith("Connect failed: ");
		assertThat(suites.connections()).isEqualTo(1);
	}

	@Test
	void ssl2IsNotProbed() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> this.prober
			.enumerate(target(loopback(), TestTcpServer.refusedPort()), options(), TlsVersion.SSL_2_0));
	}

	@Test
	void sweepOfARefusedVersionCostsOneConnectionAndSaysSo() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.3").start()) {
			VersionSweep sweep = this.prober.sweep(target(server.address(), server.port()), options(),
					TlsVersion.TLS_1_2, true);

			assertThat(sweep.accepted()).isFalse();
			assertThat(sweep.support().verdict()).isEqualTo(VersionVerdict.REJECTED);
			assertThat(sweep.support().detail()).contains("protocol_version");
			assertThat(sweep.suites().accepted()).isEmpty();
			assertThat(sweep.suites().connections()).isEqualTo(1).isEqualTo(server.acceptedConnections());
		}
	}

	@Test
	void tls12SweepIsTheVersionProbeAndCarriesTheAlpnAndCompressionQuestions() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites(FOUR_SUITES.toArray(String[]::new))
			.useCipherSuitesOrder(true)
			.applicationProtocols("h2")
			.start()) {
			List<String> told = new CopyOnWriteArrayList<>();
			VersionSweep sweep = this.prober.sweep(target(server.address(), server.port()), options(),
					TlsVersion.TLS_1_2, true, (suite) -> told.add(suite.name()));

			assertThat(told).as("each suite is told as soon as it is chosen").containsAll(FOUR_SUITES);
			assertThat(sweep.support().verdict()).isEqualTo(VersionVerdict.ACCEPTED);
			assertThat(sweep.suites().accepted()).extracting(CipherSuite::name).containsExactlyElementsOf(FOUR_SUITES);
			assertThat(sweep.suites().order()).isEqualTo(ServerOrder.SERVER);
			FeatureAnswers answers = sweep.features();
			assertThat(answers.version()).isEqualTo(TlsVersion.TLS_1_2);
			assertThat(answers.alpnPreferred()).isEqualTo(Observed.of(List.of("h2"), "h2 chosen from [h2, http/1.1]"));
			assertThat(answers.alpnAlone())
				.isEqualTo(Observed.of(List.of(), "Alert: fatal no_application_protocol (120) to [http/1.1]"));
			assertThat(answers.secureRenegotiation().value()).isTrue();
			assertThat(answers.compression().value()).isFalse();
			// The second hello was refused for its ALPN offer, so it went again without
			// it: one connection more than the suites need
			assertThat(sweep.suites().connections()).isEqualTo(4 + 1 + 1).isEqualTo(server.acceptedConnections());
		}
	}

	@Test
	void sweepWithoutQuestionsAnswersNone() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites(FOUR_SUITES.toArray(String[]::new))
			.start()) {
			VersionSweep sweep = this.prober.sweep(target(server.address(), server.port()), options(),
					TlsVersion.TLS_1_2, false);

			assertThat(sweep.accepted()).isTrue();
			assertThat(sweep.features()).isEqualTo(FeatureAnswers.NONE);
		}
	}

	@Test
	void featureQuestionsAreNotAskedInTls13() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> this.prober
			.sweep(target(loopback(), TestTcpServer.refusedPort()), options(), TlsVersion.TLS_1_3, true));
	}

	private SuiteEnumeration enumerate(InetAddress address, int port, TlsVersion version) {
		return this.prober.enumerate(target(address, port), options(), version);
	}

	private static List<String> jdkTls13Suites() throws GeneralSecurityException {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, null, null);
		return Arrays.stream(context.getDefaultSSLParameters().getCipherSuites())
			.filter((name) -> CipherSuites.byName(name).map(SuiteCatalog::isTls13Only).orElse(false))
			.toList();
	}

}
