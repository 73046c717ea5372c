package dev.tlswatch.probe;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection budget of a full probe (issue 13, item 7): a modern TLS 1.2 + 1.3
 * server, configured as Mozilla's "intermediate" profile (TLS 1.3's three AEAD suites;
 * TLS 1.2 ECDHE with AES-GCM and ChaCha20, of which an RSA key serves three; groups
 * x25519, secp256r1 and secp384r1), is probed completely with at most 30 connections,
 * counted by the server. The result is checked in full, so that no saving costs a
 * finding.
 */
class ConnectionBudgetTests {

	/** The budget for a full probe of a modern TLS 1.2 + 1.3 server. */
	static final int BUDGET = 30;

	private static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
			"TLS_CHACHA20_POLY1305_SHA256");

	private static final List<String> TLS12_SUITES = List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
			"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

	private static final List<KeyExchangeGroup> GROUPS = List.of(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1,
			KeyExchangeGroup.SECP384R1);

	private static Issued ca;

	private static Issued leaf;

	@BeforeAll
	static void createCertificates() {
		ca = TestCertificates.rootCa("Budget Test Root");
		leaf = TestCertificates.localhost(ca);
	}

	/**
	 * The modern server: Mozilla's suites in its order, its three groups.
	 * @param leaf the key and chain to present
	 * @param protocols the JSSE protocol names
	 * @return the server's builder
	 */
	static TestTlsServer.Builder modernServer(Issued leaf, String... protocols) {
		List<String> suites = new java.util.ArrayList<>(TLS13_SUITES);
		suites.addAll(TLS12_SUITES);
		return TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.protocols(protocols)
			.cipherSuites(suites.toArray(String[]::new))
			.useCipherSuitesOrder(true)
			.namedGroups("x25519", "secp256r1", "secp384r1");
	}

	@Test
	void aModernServerIsProbedCompletelyWithinTheBudget() {
		try (TestTlsServer server = modernServer(leaf, "TLSv1.3", "TLSv1.2").start()) {
			ProbeReport report = new TlsEngine(4).probe(target(server.port()), options());

			assertThat(report.connections()).isEqualTo(server.acceptedConnections()).isLessThanOrEqualTo(BUDGET);
			assertVersions(report, TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
			assertThat(report.suites().get(TlsVersion.TLS_1_3).accepted()).extracting(CipherSuite::name)
				.containsExactlyElementsOf(TLS13_SUITES);
			assertThat(report.suites().get(TlsVersion.TLS_1_3).order()).isEqualTo(ServerOrder.SERVER);
			assertTls12Suites(report);
			// Groups at the highest version: TLS 1.3 names each; TLS 1.2's curves are
			// TLS 1.3's, and one ClientHello offering every other curve is refused
			assertThat(report.groups()).extracting(GroupEnumeration::version)
				.containsExactly(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
			GroupEnumeration tls13 = report.groups().get(0);
			GroupEnumeration tls12 = report.groups().get(1);
			assertThat(tls13.accepted()).containsExactlyElementsOf(GROUPS);
			assertThat(tls13.complete()).isTrue();
			assertThat(tls13.connections()).isEqualTo(GROUPS.size() + 1);
			assertThat(tls12.accepted()).containsExactlyElementsOf(GROUPS);
			assertThat(tls12.complete()).isTrue();
			assertThat(tls12.connections()).isEqualTo(1);
			assertFeaturesAndVulnerabilities(report);
			assertThat(report.chachaPreference()).containsOnlyKeys(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
			assertThat(report.chachaPreference().values()).allSatisfy((preference) -> {
				assertThat(preference.prefersChacha().status()).isEqualTo(Observed.Status.OBSERVED);
				assertThat(preference.prefersChacha().value()).isFalse();
			});
			assertThat(report.handshake().outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(report.handshake().chain()).hasSize(1);
			assertThat(report.grade().letter()).isIn(GradeLetter.A_PLUS, GradeLetter.A);
			assertThat(report.grade().reasons()).extracting(GradeReason::code)
				.noneMatch((code) -> code.startsWith("NOT_TESTED"));
		}
	}

	@Test
	void withoutTls13TheCurvesOfTls12AreEnumeratedOnTheirOwn() {
		try (TestTlsServer server = modernServer(leaf, "TLSv1.2").start()) {
			ProbeReport report = new TlsEngine(4).probe(target(server.port()), options());

			assertThat(report.connections()).isEqualTo(server.acceptedConnections()).isLessThanOrEqualTo(BUDGET);
			assertVersions(report, TlsVersion.TLS_1_2);
			assertTls12Suites(report);
			assertThat(report.groups()).singleElement().satisfies((groups) -> {
				assertThat(groups.version()).isEqualTo(TlsVersion.TLS_1_2);
				assertThat(groups.accepted()).containsExactlyElementsOf(GROUPS);
				assertThat(groups.complete()).isTrue();
				// one ClientHello per curve and the refusal of the rest
				assertThat(groups.connections()).isEqualTo(GROUPS.size() + 1);
			});
			assertFeaturesAndVulnerabilities(report);
		}
	}

	private static void assertVersions(ProbeReport report, TlsVersion... accepted) {
		assertThat(report.versions()).extracting(VersionSupport::version)
			.containsExactlyElementsOf(TlsVersion.probed());
		assertThat(report.versions()).filteredOn((version) -> version.verdict() == VersionVerdict.ACCEPTED)
			.extracting(VersionSupport::version)
			.containsExactlyInAnyOrder(accepted);
		assertThat(report.versions()).filteredOn((version) -> version.verdict() != VersionVerdict.ACCEPTED)
			.extracting(VersionSupport::verdict)
			.containsOnly(VersionVerdict.REJECTED);
		assertThat(report.ssl2().verdict()).isEqualTo(VersionVerdict.REJECTED);
		assertThat(report.suites().values()).allMatch(SuiteEnumeration::complete);
	}

	/** The three suites an RSA key serves, in the server's order. */
	private static void assertTls12Suites(ProbeReport report) {
		assertThat(report.suites().get(TlsVersion.TLS_1_2).accepted()).extracting(CipherSuite::name)
			.containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
					"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
		assertThat(report.suites().get(TlsVersion.TLS_1_2).order()).isEqualTo(ServerOrder.SERVER);
	}

	private static void assertFeaturesAndVulnerabilities(ProbeReport report) {
		assertThat(report.features().secureRenegotiation().value()).isTrue();
		assertThat(report.features().compression().value()).isFalse();
		// TLS_FALLBACK_SCSV needs a version below the highest to fall back to
		assertThat(report.features().fallbackScsv().status())
			.isEqualTo((report.suites().size() > 1) ? Observed.Status.OBSERVED : Observed.Status.NOT_APPLICABLE);
		assertThat(report.vulnerabilities()).extracting(VulnerabilityResult::vulnerability)
			.containsExactly(Vulnerability.values());
		// The Ticketbleed check completes CBC handshakes only, which this server has none
		// of
		assertThat(report.vulnerabilities()).filteredOn((result) -> result.vulnerability() != Vulnerability.TICKETBLEED)
			.extracting(VulnerabilityResult::status)
			.containsOnly(VulnerabilityStatus.NOT_VULNERABLE);
		// The TLS 1.2 sweep offered heartbeats, and the ServerHello did not take them up:
		// Heartbleed is decided without a connection of its own
		assertThat(report.vulnerabilities()).filteredOn((result) -> result.vulnerability() == Vulnerability.HEARTBLEED)
			.singleElement()
			.satisfies((result) -> {
				assertThat(result.connections()).isZero();
				assertThat(result.detail()).startsWith("No heartbeat extension in the ServerHello");
			});
		// JSSE takes up session tickets, so the check would need a CBC handshake
		assertThat(report.vulnerabilities()).filteredOn((result) -> result.vulnerability() == Vulnerability.TICKETBLEED)
			.singleElement()
			.satisfies((result) -> {
				assertThat(result.status()).isEqualTo(VulnerabilityStatus.NOT_TESTED);
				assertThat(result.connections()).isZero();
			});
	}

	private static ProbeTarget target(int port) {
		return new ProbeTarget(InetAddress.getLoopbackAddress(), port, "localhost", "localhost");
	}

	private static ProbeOptions options() {
		// Generous bounds: a busy machine may stall a handshake for seconds
		return new ProbeOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), List.of(ca.certificate()),
				Clock.systemUTC());
	}

}
