package dev.tlswatch.probe;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TlsEngineTests {

	private static final Issued CA = TestCertificates.rootCa("Engine Test Root");

	@Test
	void probesAnAnsweringAddressCompletelyAndGradesIt() {
		Issued leaf = TestCertificates.localhost(CA);
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			ProbeReport report = new TlsEngine(4).probe(target(server.port()), options());

			assertThat(report.answered()).isTrue();
			assertThat(report.handshake().outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(report.versions()).extracting(VersionSupport::version)
				.containsExactlyElementsOf(TlsVersion.probed());
			assertThat(report.suites()).containsOnlyKeys(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
			assertThat(report.suites().get(TlsVersion.TLS_1_3).accepted()).extracting(CipherSuite::name)
				.contains("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
			assertThat(report.groups()).extracting(GroupEnumeration::version)
				.containsExactly(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
			assertThat(report.features()).isNotNull();
			// Every connection is counted once: handshake, versions, suites, groups,
			// features
			assertThat(report.connections()).isEqualTo(1 + report.versions().size()
					+ report.suites().values().stream().mapToInt(SuiteEnumeration::connections).sum()
					+ report.groups().stream().mapToInt(GroupEnumeration::connections).sum()
					+ report.features().connections());
			assertThat(report.grade()).isNotNull();
			assertThat(report.grade().reasons()).extracting(GradeReason::text)
				.doesNotContain("Not tested: cipher suites");
			assertThat(report.grade().letter()).isIn(GradeLetter.A, GradeLetter.A_MINUS);
			assertThat(report.elapsed()).isPositive();
		}
	}

	@Test
	void refusedAddressCostsOneConnectionAndIsNotGraded() {
		ProbeReport report = new TlsEngine(4).probe(target(TestTcpServer.refusedPort()), options());

		assertThat(report.answered()).isFalse();
		assertThat(report.versions()).isEmpty();
		assertThat(report.grade()).isNull();
		assertThat(report.connections()).isEqualTo(1);
	}

	@Test
	void neverOpensMoreConnectionsAtOnceThanItsCap() {
		AtomicInteger open = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		try (TestTcpServer server = TestTcpServer.start((socket) -> {
			most.accumulateAndGet(open.incrementAndGet(), Math::max);
			try {
				Thread.sleep(150);
				socket.getOutputStream().write("not TLS at all\r\n".getBytes());
			}
			finally {
				open.decrementAndGet();
			}
		})) {
			ProbeReport report = new TlsEngine(2).probe(target(server.port()), options());

			assertThat(report.handshake().outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
			assertThat(report.connections()).isEqualTo(6);
			assertThat(server.acceptedConnections()).isEqualTo(6);
			assertThat(most.get()).isLessThanOrEqualTo(2);
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
