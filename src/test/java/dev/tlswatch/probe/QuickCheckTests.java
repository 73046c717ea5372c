package dev.tlswatch.probe;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick check: one handshake per address that fingerprints chain, version, suite,
 * group and the ServerHello's extensions, and the revocation check of the chain it saw.
 */
class QuickCheckTests {

	private static final Issued CA = TestCertificates.rootCa("Quick Check Test Root");

	private static final Instant REVOKED_AT = Instant.parse("2026-11-01T08:00:00Z");

	// RFC 8446 §4.2: supported_versions and key_share
	private static final int SUPPORTED_VERSIONS = 43;

	private static final int KEY_SHARE = 51;

	// RFC 5746: renegotiation_info
	private static final int RENEGOTIATION_INFO = 0xff01;

	@Test
	void fingerprintsATls13HandshakeWithOneConnection() {
		Issued leaf = TestCertificates.localhost(CA);
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.protocols("TLSv1.3")
			.namedGroups("x25519")
			.start()) {
			QuickCheck check = Probers.engine(4).quickCheck(target(server.port()), options());

			assertThat(check.answered()).isTrue();
			assertThat(check.connections()).isEqualTo(1);
			assertThat(server.acceptedConnections()).isEqualTo(1);
			HandshakeFingerprint fingerprint = check.fingerprint();
			assertThat(fingerprint.chain()).containsExactly(check.handshake().chain().get(0).sha256());
			assertThat(fingerprint.protocol()).isEqualTo("TLSv1.3");
			assertThat(fingerprint.cipherSuite()).isEqualTo(check.handshake().cipherSuite());
			assertThat(fingerprint.group()).isEqualTo("x25519");
			assertThat(fingerprint.extensions()).contains(SUPPORTED_VERSIONS, KEY_SHARE);
			assertThat(fingerprint.value()).hasSize(64);
		}
	}

	@Test
	void readsTheGroupOfATls12KeyExchange() {
		Issued leaf = TestCertificates.localhost(CA);
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.protocols("TLSv1.2")
			.namedGroups("secp384r1")
			.start()) {
			QuickCheck check = Probers.engine(4).quickCheck(target(server.port()), options());

			assertThat(check.fingerprint().protocol()).isEqualTo("TLSv1.2");
			assertThat(check.fingerprint().group()).isEqualTo("secp384r1");
			assertThat(check.fingerprint().extensions()).contains(RENEGOTIATION_INFO);
		}
	}

	@Test
	void theSameServerGivesTheSameFingerprintAndAnotherCertificateAnother() {
		Issued leaf = TestCertificates.localhost(CA);
		Issued renewed = TestCertificates.localhost(CA);
		try (TestTlsServer server = TestTlsServer.start(leaf); TestTlsServer other = TestTlsServer.start(renewed)) {
			TlsEngine engine = Probers.engine(4);
			String first = engine.quickCheck(target(server.port()), options()).fingerprint().value();
			String again = engine.quickCheck(target(server.port()), options()).fingerprint().value();
			String changed = engine.quickCheck(target(other.port()), options()).fingerprint().value();

			assertThat(again).isEqualTo(first);
			assertThat(changed).isNotEqualTo(first);
		}
	}

	@Test
	void retriesOnceWhenTheAddressDoesNotAnswer() {
		QuickCheck check = Probers.engine(4).quickCheck(target(TestTcpServer.refusedPort()), options());

		assertThat(check.answered()).isFalse();
		assertThat(check.connections()).isEqualTo(2);
		assertThat(check.fingerprint().chain()).isEmpty();
	}

	@Test
	void doesNotRetryAnAddressThatLetTheHandshakeTimeOut() {
		try (TestTcpServer tarpit = TestTcpServer.hanging()) {
			ProbeOptions options = new ProbeOptions(Duration.ofSeconds(2), Duration.ofMillis(300),
					List.of(CA.certificate()), Clock.systemUTC());
			QuickCheck check = Probers.engine(4)
				.quickCheck(new ProbeTarget(tarpit.address(), tarpit.port(), "localhost", "localhost"), options);

			assertThat(check.handshake().outcome()).isEqualTo(HandshakeOutcome.TIMEOUT);
			assertThat(check.connections()).isEqualTo(1);
			assertThat(tarpit.acceptedConnections()).isEqualTo(1);
		}
	}

	@Test
	void aFullProbeRecordsTheSameFingerprintAsAQuickCheck() {
		Issued leaf = TestCertificates.localhost(CA);
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			TlsEngine engine = Probers.engine(4);
			ProbeReport full = engine.probe(target(server.port()), options());
			QuickCheck quick = engine.quickCheck(target(server.port()), options());

			assertThat(full.fingerprint()).isNotNull();
			assertThat(full.fingerprint().value()).isEqualTo(quick.fingerprint().value());
			assertThat(full.rateLimit()).isNull();
		}
	}

	@Test
	void checksTheRevocationOfTheChainItSawWithoutAnotherConnection() {
		Issued leaf = TestCertificates.localhost(CA);
		List<List<CertificateInfo>> chains = new CopyOnWriteArrayList<>();
		List<List<OcspStaple>> staples = new CopyOnWriteArrayList<>();
		RevocationChecker checker = (chain, stapled, options) -> {
			chains.add(chain);
			staples.add(stapled);
			return new RevocationReport(Collections.nCopies(chain.size(),
					Revocation.revoked(Revocation.Source.OCSP, "keyCompromise", REVOKED_AT, "Revoked (test)")));
		};
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			QuickCheck check = new TlsEngine(4, checker).quickCheck(target(server.port()), options());

			assertThat(check.revocation().revoked()).isTrue();
			assertThat(check.revocation().summary().revokedAt()).isEqualTo(REVOKED_AT);
			assertThat(check.revocation().certificates()).hasSameSizeAs(check.handshake().chain());
			assertThat(chains).containsExactly(check.handshake().chain());
			assertThat(staples).containsExactly(check.handshake().staples());
			assertThat(check.connections()).isEqualTo(1);
			assertThat(server.acceptedConnections()).isEqualTo(1);
		}
	}

	@Test
	void anAddressThatShowsNoChainIsNotCheckedForRevocation() {
		List<List<CertificateInfo>> chains = new CopyOnWriteArrayList<>();
		RevocationChecker checker = (chain, stapled, options) -> {
			chains.add(chain);
			return RevocationReport.notChecked(chain.size(), "unexpected");
		};

		QuickCheck check = new TlsEngine(4, checker).quickCheck(target(TestTcpServer.refusedPort()), options());

		assertThat(check.answered()).isFalse();
		assertThat(check.revocation().certificates()).isEmpty();
		assertThat(chains).isEmpty();
	}

	@Test
	void aFailingRevocationCheckerMakesTheChainUnknownNotTheCheckFail() {
		Issued leaf = TestCertificates.localhost(CA);
		RevocationChecker checker = (chain, stapled, options) -> {
			throw new IllegalStateException("checker bug");
		};
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			QuickCheck check = new TlsEngine(4, checker).quickCheck(target(server.port()), options());

			assertThat(check.answered()).isTrue();
			assertThat(check.revocation().summary().status()).isEqualTo(Revocation.Status.UNKNOWN);
			assertThat(check.revocation().summary().detail()).contains("Revocation check failed", "checker bug");
		}
	}

	private static ProbeTarget target(int port) {
		return new ProbeTarget(InetAddress.getLoopbackAddress(), port, "localhost", "localhost");
	}

	private static ProbeOptions options() {
		return new ProbeOptions(Duration.ofSeconds(2), Duration.ofSeconds(2), List.of(CA.certificate()),
				Clock.systemUTC());
	}

}
