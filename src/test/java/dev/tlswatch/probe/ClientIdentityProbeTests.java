package dev.tlswatch.probe;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates.KeyType;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTlsServer.ServerHandshake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutual TLS: the probe presents a configured {@link ClientIdentity} to real servers on
 * 127.0.0.1 that require a client certificate, and explains the failure without one.
 */
class ClientIdentityProbeTests {

	private static Issued serverRoot;

	private static Issued server;

	private static Issued clientRoot;

	private static Issued client;

	private final TlsProber prober = Probers.handshakes();

	@BeforeAll
	static void createCertificates() {
		serverRoot = TestCertificates.rootCa("mTLS Server Root");
		server = TestCertificates.localhost(serverRoot);
		clientRoot = TestCertificates.rootCa("mTLS Client Root");
		client = TestCertificates.leaf("probe client").clientAuthOnly().issuedBy(clientRoot);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "TLSv1.3", "TLSv1.2" })
	void withoutAnIdentityTheFailureSaysAClientCertificateIsRequiredAndTheChainIsRecorded(String protocol) {
		try (TestTlsServer mtls = mtlsServer(protocol)) {
			HandshakeObservation observation = this.prober.handshake(target(mtls), options());

			assertThat(mtls.awaitHandshake().completed()).isFalse();
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
			assertThat(observation.error())
				.startsWith("The server requires a client certificate and none is configured (");
			assertThat(observation.chain()).extracting(CertificateInfo::subject).containsExactly("CN=localhost");
			assertThat(observation.trust()).isEqualTo(TrustStatus.TRUSTED);
			assertThat(observation.hostnameMatches()).isTrue();
			assertThat(observation.clientCertificateRequested()).isTrue();
			assertThat(observation.clientCertificateRequired()).isTrue();
		}
	}

	@Test
	void theAuthoritiesTheServerAcceptsForClientCertificatesAreRecorded() {
		try (TestTlsServer mtls = mtlsServer("TLSv1.2")) {
			HandshakeObservation observation = this.prober.handshake(target(mtls), options());

			assertThat(observation.clientCertificateRequested()).isTrue();
			assertThat(observation.clientCertificateAuthorities()).containsExactly("CN=mTLS Client Root");
		}
	}

	@Test
	void aServerThatAsksForNoClientCertificateSaysSo() {
		try (TestTlsServer plain = TestTlsServer.start(server)) {
			HandshakeObservation observation = this.prober.handshake(target(plain), options());

			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.clientCertificateRequested()).isFalse();
			assertThat(observation.clientCertificateRequired()).isFalse();
			assertThat(observation.clientCertificateAuthorities()).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "TLSv1.3", "TLSv1.2" })
	void withTheIdentityTheHandshakeCompletesAndTheServerSawTheCertificate(String protocol) {
		try (TestTlsServer mtls = mtlsServer(protocol)) {
			HandshakeObservation observation = this.prober.handshake(target(mtls),
					options().withClientIdentity(new ClientIdentity(client.key(), client.chainWithoutRoot())));
			ServerHandshake seen = mtls.awaitHandshake();

			assertThat(seen.completed()).isTrue();
			assertThat(seen.clientSubject()).isEqualTo("CN=probe client");
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.error()).isNull();
			assertThat(observation.protocol()).isEqualTo(protocol);
			assertThat(observation.chain()).extracting(CertificateInfo::subject).containsExactly("CN=localhost");
			assertThat(observation.trust()).isEqualTo(TrustStatus.TRUSTED);
			assertThat(observation.clientCertificateRequested()).isTrue();
			assertThat(observation.clientCertificateRequired()).isFalse();
		}
	}

	@Test
	void anEcIdentityIsPresentedToo() {
		Issued ecClient = TestCertificates.leaf("ec client")
			.keyType(KeyType.EC_P256)
			.clientAuthOnly()
			.issuedBy(clientRoot);
		try (TestTlsServer mtls = mtlsServer("TLSv1.3")) {
			HandshakeObservation observation = this.prober.handshake(target(mtls),
					options().withClientIdentity(new ClientIdentity(ecClient.key(), ecClient.chainWithoutRoot())));

			assertThat(mtls.awaitHandshake().clientSubject()).isEqualTo("CN=ec client");
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
		}
	}

	@Test
	void anIdentityTheServerDoesNotTrustIsNamedInTheFailure() {
		Issued stranger = TestCertificates.leaf("stranger").clientAuthOnly().issuedBy(TestCertificates.rootCa("Other"));
		try (TestTlsServer mtls = mtlsServer("TLSv1.3")) {
			HandshakeObservation observation = this.prober.handshake(target(mtls),
					options().withClientIdentity(new ClientIdentity(stranger.key(), stranger.chainWithoutRoot())));

			assertThat(mtls.awaitHandshake().completed()).isFalse();
			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
			assertThat(observation.error())
				.startsWith("The server asked for a client certificate and did not accept CN=stranger (");
			assertThat(observation.chain()).hasSize(1);
		}
	}

	@Test
	void theWireProbesEnumerateVersionsAndSuitesOfAnMtlsServerWithoutAnIdentity() {
		try (TestTlsServer mtls = TestTlsServer.presenting(server.key(), server.chainWithoutRoot())
			.protocols("TLSv1.3", "TLSv1.2")
			.requireClientAuth(clientRoot.certificate())
			.start()) {
			ProbeReport report = new TlsEngine(2).probe(target(mtls), options());

			assertThat(report.handshake().outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
			assertThat(report.versions()).filteredOn((version) -> version.verdict() == VersionVerdict.ACCEPTED)
				.extracting(VersionSupport::version)
				.containsExactlyInAnyOrder(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
			assertThat(report.suites().get(TlsVersion.TLS_1_3).accepted()).isNotEmpty();
			assertThat(report.suites().get(TlsVersion.TLS_1_2).accepted()).isNotEmpty();
		}
	}

	@Test
	void theKeyIsNeverShown() {
		ClientIdentity identity = new ClientIdentity(client.key(), client.chain());
		String text = options().withClientIdentity(identity).toString();

		assertThat(text).contains("ClientIdentity[CN=probe client, key=(hidden)]");
		assertThat(identity.toString()).doesNotContain(client.key().toString());
	}

	private static TestTlsServer mtlsServer(String protocol) {
		return TestTlsServer.presenting(server.key(), server.chainWithoutRoot())
			.protocols(protocol)
			.requireClientAuth(clientRoot.certificate())
			.start();
	}

	private static ProbeTarget target(TestTlsServer server) {
		return new ProbeTarget(server.address(), server.port(), "localhost", "localhost");
	}

	private static ProbeOptions options() {
		return new ProbeOptions(Duration.ofSeconds(3), Duration.ofSeconds(3), List.of(serverRoot.certificate()),
				Clock.systemUTC());
	}

}
