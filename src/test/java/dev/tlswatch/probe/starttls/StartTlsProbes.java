package dev.tlswatch.probe.starttls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.probe.TlsProber;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.support.StartTlsTestServer;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTlsServer.ServerHandshake;
import dev.tlswatch.support.TestTrustBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes a {@link StartTlsTestServer} with {@link TlsProber#jsse()} and checks what a
 * completed upgrade shows, for the negotiator tests.
 */
final class StartTlsProbes {

	/** Short enough to keep the timeout tests quick, long enough for a loaded machine. */
	static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

	// Far above the short timeout; only catches a dialogue that is not bounded at all
	static final Duration SANITY_BOUND = Duration.ofSeconds(5);

	private static Issued leaf;

	private StartTlsProbes() {
	}

	/**
	 * The leaf every STARTTLS test server presents: {@code localhost}, signed by the test
	 * CA.
	 * @return the leaf, created once
	 */
	static synchronized Issued leaf() {
		if (leaf == null) {
			leaf = TestCertificates.localhost(TestTrustBundle.ca());
		}
		return leaf;
	}

	static HandshakeObservation probe(StartTlsTestServer server, StartTls startTls) {
		return Probers.handshakes().handshake(target(server, startTls), trustingTestCa());
	}

	static HandshakeObservation probeWithShortTimeouts(StartTlsTestServer server, StartTls startTls) {
		ProbeOptions options = new ProbeOptions(SHORT_TIMEOUT, SHORT_TIMEOUT, List.of(TestTrustBundle.ca().root()),
				Clock.systemUTC());
		return Probers.handshakes().handshake(target(server, startTls), options);
	}

	static ProbeTarget target(StartTlsTestServer server, StartTls startTls) {
		return new ProbeTarget(server.address(), server.port(), "localhost", "localhost", startTls);
	}

	/**
	 * Assert that the dialogue led to a full TLS handshake on the same connection.
	 * @param observation what the prober saw
	 * @param server the server, whose side of the handshake is checked too
	 */
	static void assertUpgraded(HandshakeObservation observation, StartTlsTestServer server) {
		ServerHandshake seen = server.awaitHandshake();
		assertThat(seen.completed()).as("server handshake: %s", seen.failure()).isTrue();
		assertThat(observation.outcome()).as("error: %s", observation.error()).isEqualTo(HandshakeOutcome.OK);
		assertThat(observation.error()).isNull();
		assertThat(observation.protocol()).isEqualTo(seen.protocol());
		assertThat(observation.cipherSuite()).isEqualTo(seen.cipherSuite());
		assertThat(seen.requestedServerNames()).containsExactly("localhost");
		assertThat(observation.chain()).extracting(CertificateInfo::sha256)
			.containsExactly(sha256(leaf().certificate()));
		assertThat(observation.trust()).isEqualTo(TrustStatus.TRUSTED);
		assertThat(observation.hostnameMatches()).isTrue();
	}

	/**
	 * Assert that the dialogue failed before TLS with the given error text.
	 * @param observation what the prober saw
	 * @param error the exact error text
	 */
	static void assertStartTlsFailed(HandshakeObservation observation, String error) {
		assertThat(observation.outcome()).as("error: %s", observation.error())
			.isEqualTo(HandshakeOutcome.STARTTLS_FAILED);
		assertThat(observation.error()).isEqualTo(error);
		assertThat(observation.connectTime()).isNotNull();
		assertThat(observation.protocol()).isNull();
		assertThat(observation.handshakeTime()).isNull();
		assertThat(observation.chain()).isEmpty();
		assertThat(observation.trust()).isEqualTo(TrustStatus.UNKNOWN);
		assertThat(observation.hostnameMatches()).isNull();
	}

	static ProbeOptions trustingTestCa() {
		return ProbeOptions.defaults().withExtraTrustAnchors(List.of(TestTrustBundle.ca().root()));
	}

	static String sha256(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
