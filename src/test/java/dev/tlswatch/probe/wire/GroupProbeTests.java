package dev.tlswatch.probe.wire;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.tlswatch.probe.CipherSuites;
import dev.tlswatch.probe.GroupEnumeration;
import dev.tlswatch.probe.GroupProber;
import dev.tlswatch.probe.KeyExchangeGroup;
import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.TlsVersion;
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
 * {@link GroupProber#wire()} against real JSSE servers restricted to some groups, against
 * scripted TLS 1.3 servers for the post-quantum hybrids JSSE lacks, and against servers
 * that break the rules; all on 127.0.0.1. Every test counts the connections.
 */
class GroupProbeTests {

	private static Issued localhost;

	private final GroupProber prober = Probers.groups();

	@BeforeAll
	static void createCertificates() {
		localhost = TestCertificates.localhost(TestCertificates.rootCa("Group Test Root"));
	}

	@Test
	void tls13ServerOfTwoGroupsNamesEachInAHelloRetryRequest() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.3").namedGroups("x25519", "secp256r1").start()) {
			GroupEnumeration groups = enumerate(server.address(), server.port(), TlsVersion.TLS_1_3);

			assertThat(groups.accepted()).containsExactlyInAnyOrder(KeyExchangeGroup.X25519,
					KeyExchangeGroup.SECP256R1);
			assertThat(groups.complete()).isTrue();
			assertThat(groups.postQuantum()).isFalse();
			assertThat(groups.connections()).isEqualTo(2 + 1);
		}
	}

	@Test
	void tls12ServerOfTwoCurvesNamesEachInItsServerKeyExchange() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
			.namedGroups("x25519", "secp256r1")
			.start()) {
			GroupEnumeration groups = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(groups.accepted()).containsExactlyInAnyOrder(KeyExchangeGroup.X25519,
					KeyExchangeGroup.SECP256R1);
			assertThat(groups.complete()).isTrue();
			// two curves and the refusal, then the refusal of every DHE suite
			assertThat(groups.connections()).isEqualTo(2 + 1 + 1);
		}
	}

	@Test
	void tls12ServerWithoutDheSuitesIsNotAskedForFiniteFieldGroups() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
			.namedGroups("x25519", "secp256r1")
			.start()) {
			GroupEnumeration groups = this.prober.enumerate(target(server.address(), server.port()), options(),
					TlsVersion.TLS_1_2,
					List.of(CipherSuites.byName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").orElseThrow(),
							CipherSuites.byName("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384").orElseThrow()));

			assertThat(groups.accepted()).containsExactlyInAnyOrder(KeyExchangeGroup.X25519,
					KeyExchangeGroup.SECP256R1);
			assertThat(groups.complete()).isTrue();
			// two curves and the refusal; no DHE suite, so no finite-field round
			assertThat(groups.connections()).isEqualTo(2 + 1).isEqualTo(server.acceptedConnections());
		}
	}

	@Test
	void curvesAlreadyKnownAreNotOfferedAgainAndTheRestIsStillFound() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
			.namedGroups("x25519", "secp256r1", "secp384r1")
			.start()) {
			GroupEnumeration groups = this.prober.enumerate(target(server.address(), server.port()), options(),
					TlsVersion.TLS_1_2,
					List.of(CipherSuites.byName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").orElseThrow()),
					Set.of(KeyExchangeGroup.X25519));

			// Only the groups not known are listed: the server's two other curves
			assertThat(groups.accepted()).containsExactlyInAnyOrder(KeyExchangeGroup.SECP256R1,
					KeyExchangeGroup.SECP384R1);
			assertThat(groups.complete()).isTrue();
			// two curves and the refusal of the rest
			assertThat(groups.connections()).isEqualTo(2 + 1).isEqualTo(server.acceptedConnections());
		}
	}

	@Test
	void everyCurveKnownCostsOneRefusedClientHello() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
			.namedGroups("x25519", "secp256r1")
			.start()) {
			GroupEnumeration groups = this.prober.enumerate(target(server.address(), server.port()), options(),
					TlsVersion.TLS_1_2,
					List.of(CipherSuites.byName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").orElseThrow()),
					Set.of(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1));

			assertThat(groups.accepted()).isEmpty();
			assertThat(groups.complete()).isTrue();
			assertThat(groups.connections()).isEqualTo(1).isEqualTo(server.acceptedConnections());
		}
	}

	@Test
	void nothingLeftToOfferCostsNoConnection() throws Exception {
		GroupEnumeration groups = this.prober.enumerate(target(loopback(), TestTcpServer.refusedPort()), options(),
				TlsVersion.TLS_1_2, List.of(CipherSuites.byName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").orElseThrow()),
				Set.copyOf(KeyExchangeGroup.known()));

		assertThat(groups.accepted()).isEmpty();
		assertThat(groups.complete()).isTrue();
		assertThat(groups.connections()).isZero();
	}

	@Test
	void jsseFallingBackToACurveNotOfferedEndsTheRoundComplete() {
		// With its default groups, JSSE answers an ECDHE ClientHello whose curves it
		// does not support with x25519 all the same: that refuses the curves left
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
			.start()) {
			GroupEnumeration groups = this.prober.enumerate(target(server.address(), server.port()), options(),
					TlsVersion.TLS_1_2,
					List.of(CipherSuites.byName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").orElseThrow()));

			assertThat(groups.complete()).isTrue();
			assertThat(groups.accepted()).contains(KeyExchangeGroup.X25519, KeyExchangeGroup.SECP256R1,
					KeyExchangeGroup.SECP384R1);
			assertThat(groups.connections()).isEqualTo(groups.accepted().size() + 1)
				.isEqualTo(server.acceptedConnections());
		}
	}

	@Test
	void tls12ServerWithOnlyStaticRsaSuitesShowsNoGroupAndCostsNothing() throws Exception {
		GroupEnumeration groups = this.prober.enumerate(target(loopback(), TestTcpServer.refusedPort()), options(),
				TlsVersion.TLS_1_2, List.of(CipherSuites.byName("TLS_RSA_WITH_AES_128_GCM_SHA256").orElseThrow()));

		assertThat(groups.accepted()).isEmpty();
		assertThat(groups.complete()).isTrue();
		assertThat(groups.connections()).isZero();
	}

	@Test
	void tls12ServerOfAFiniteFieldGroupIsKnownByItsPrime() {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")
			.namedGroups("secp384r1", "ffdhe3072")
			.start()) {
			GroupEnumeration groups = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			// Without a common group JSSE falls back to the prime of ffdhe2048, which
			// RFC 7919 §4 forbids; then it uses that prime whatever the client offers
			assertThat(groups.accepted()).containsExactly(KeyExchangeGroup.SECP384R1, KeyExchangeGroup.FFDHE3072,
					KeyExchangeGroup.FFDHE2048);
			assertThat(groups.complete()).isTrue();
			assertThat(groups.connections()).isEqualTo((1 + 1) + (2 + 1));
		}
	}

	@Test
	void helloRetryRequestForX25519MlKem768IsAPostQuantumGroup() {
		try (TestTcpServer server = TestTcpServer
			.start(ScriptedServers.helloRetryRequests(List.of(0x11EC, 0x001D), 0x1301))) {
			GroupEnumeration groups = enumerate(server.address(), server.port(), TlsVersion.TLS_1_3);

			assertThat(groups.accepted()).containsExactly(KeyExchangeGroup.X25519MLKEM768, KeyExchangeGroup.X25519);
			assertThat(groups.accepted().get(0).postQuantum()).isTrue();
			assertThat(groups.postQuantum()).isTrue();
			assertThat(groups.complete()).isTrue();
			assertThat(groups.connections()).isEqualTo(2 + 1).isEqualTo(server.acceptedConnections());
		}
	}

	@Test
	void serverThatAsksForARemovedGroupStopsTheEnumeration() {
		try (TestTcpServer server = TestTcpServer.start(ScriptedServers.retryingWith(0x001D))) {
			GroupEnumeration groups = enumerate(server.address(), server.port(), TlsVersion.TLS_1_3);

			assertThat(groups.accepted()).containsExactly(KeyExchangeGroup.X25519);
			assertThat(groups.incompleteReason()).isEqualTo("The server chose x25519, which was not offered");
			assertThat(groups.connections()).isEqualTo(2);
		}
	}

	@Test
	void garbageIsIncompleteWithItsReason() {
		try (TestTcpServer server = TestTcpServer.garbage()) {
			GroupEnumeration groups = enumerate(server.address(), server.port(), TlsVersion.TLS_1_2);

			assertThat(groups.accepted()).isEmpty();
			assertThat(groups.incompleteReason())
				.isEqualTo("Answer not understood: Not a TLS record: content type 0x48");
			assertThat(groups.connections()).isEqualTo(1);
		}
	}

	@Test
	void silentServerIsIncompleteWithinTheHandshakeTimeout() {
		try (TestTcpServer server = TestTcpServer.hanging()) {
			long started = System.nanoTime();
			GroupEnumeration groups = this.prober.enumerate(target(server.address(), server.port()), shortOptions(),
					TlsVersion.TLS_1_3);

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SANITY_BOUND);
			assertThat(groups.incompleteReason()).isEqualTo("No answer within the handshake timeout");
			assertThat(groups.connections()).isEqualTo(1);
		}
	}

	@Test
	void ssl3HasNoGroups() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> this.prober
			.enumerate(target(loopback(), TestTcpServer.refusedPort()), options(), TlsVersion.SSL_3_0));
	}

	private GroupEnumeration enumerate(InetAddress address, int port, TlsVersion version) {
		return this.prober.enumerate(target(address, port), options(), version);
	}

}
