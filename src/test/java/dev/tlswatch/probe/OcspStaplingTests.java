package dev.tlswatch.probe;

import java.net.InetAddress;
import java.util.List;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OCSP stapling as the JSSE handshake sees it, against servers on 127.0.0.1 that staple a
 * real OCSP response from a responder on 127.0.0.1, and servers that do not.
 */
class OcspStaplingTests {

	private static Issued root;

	private static Issued intermediate;

	private final TlsProber prober = Probers.handshakes();

	@BeforeAll
	static void createCertificates() {
		root = TestCertificates.rootCa("Stapling Test Root");
		intermediate = TestCertificates.intermediateCa("Stapling Test Intermediate", root);
	}

	@ParameterizedTest
	@ValueSource(strings = { "TLSv1.3", "TLSv1.2" })
	void aStapledResponseIsSeen(String protocol) throws Exception {
		try (StaplingServer server = StaplingServer.start(intermediate, true, protocol)) {
			HandshakeObservation observation = this.prober.handshake(target(server.address(), server.port()),
					options());

			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.protocol()).isEqualTo(protocol);
			assertThat(observation.ocspStapled().value()).isTrue();
			assertThat(observation.ocspStapled().detail()).startsWith("OCSP response stapled (");
			assertThat(observation.chainReport().mustStaple()).isTrue();
			assertThat(observation.mustStapleWithoutStaple()).isFalse();
			assertThat(server.ocspRequests()).isPositive();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "TLSv1.3", "TLSv1.2" })
	void aServerThatDoesNotStapleIsSeenNotTo(String protocol) {
		Issued leaf = TestCertificates.localhost(intermediate);
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.protocols(protocol)
			.start()) {
			HandshakeObservation observation = this.prober.handshake(target(server.address(), server.port()),
					options());

			assertThat(observation.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(observation.ocspStapled()).isEqualTo(Observed.of(false, "No OCSP response stapled"));
			assertThat(observation.mustStapleWithoutStaple()).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "TLSv1.3", "TLSv1.2" })
	void aMustStapleLeafWithoutAStapleIsFlagged(String protocol) {
		// SEQUENCE { INTEGER 5 }: TLS Feature status_request (RFC 7633)
		Issued leaf = TestCertificates.leaf("localhost")
			.dnsNames("localhost")
			.ipAddresses("127.0.0.1")
			.extension("1.3.6.1.5.5.7.1.24", new byte[] { 0x30, 0x03, 0x02, 0x01, 0x05 })
			.issuedBy(intermediate);
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.protocols(protocol)
			.start()) {
			HandshakeObservation observation = this.prober.handshake(target(server.address(), server.port()),
					options());

			assertThat(observation.ocspStapled().value()).isFalse();
			assertThat(observation.chainReport().mustStaple()).isTrue();
			assertThat(observation.mustStapleWithoutStaple()).isTrue();
		}
	}

	@Test
	void noCompletedHandshakeMeansNotKnown() {
		Issued leaf = TestCertificates.localhost(intermediate);
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.protocols("TLSv1.3")
			.requireClientAuth()
			.start()) {
			HandshakeObservation observation = this.prober.handshake(target(server.address(), server.port()),
					options());

			assertThat(observation.outcome()).isNotEqualTo(HandshakeOutcome.OK);
			assertThat(observation.ocspStapled().status()).isEqualTo(Observed.Status.COULD_NOT_TEST);
		}
	}

	private static ProbeTarget target(InetAddress address, int port) {
		return new ProbeTarget(address, port, "localhost", "localhost");
	}

	private static ProbeOptions options() {
		return ProbeOptions.defaults().withExtraTrustAnchors(List.of(root.certificate()));
	}

}
