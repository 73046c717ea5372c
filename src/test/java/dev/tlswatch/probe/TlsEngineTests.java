package dev.tlswatch.probe;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tlswatch.probe.jsse.HttpsTestServer;
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
			// JSSE turns away an SSL 2.0 CLIENT-HELLO
			assertThat(report.ssl2()).isNotNull();
			assertThat(report.ssl2().verdict()).isEqualTo(VersionVerdict.REJECTED);
			assertThat(report.grade().reasons()).extracting(GradeReason::code).doesNotContain("SSL2_ACCEPTED");
			assertThat(report.chachaPreference()).containsOnlyKeys(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
			// Every vulnerability has a verdict; JSSE is vulnerable to none of the
			// tested ones, and its CBC suites are LUCKY13 (informational)
			assertThat(report.vulnerabilities()).extracting(VulnerabilityResult::vulnerability)
				.containsExactly(Vulnerability.values());
			assertThat(report.vulnerabilities()).filteredOn(VulnerabilityResult::vulnerable)
				.extracting(VulnerabilityResult::vulnerability)
				.containsExactly(Vulnerability.LUCKY13);
			assertThat(report.vulnerabilities())
				.filteredOn((result) -> result.status() == VulnerabilityStatus.NOT_VULNERABLE)
				.extracting(VulnerabilityResult::vulnerability)
				.contains(Vulnerability.HEARTBLEED, Vulnerability.CCS_INJECTION, Vulnerability.TICKETBLEED,
						Vulnerability.ROBOT, Vulnerability.LOGJAM, Vulnerability.POODLE, Vulnerability.SWEET32,
						Vulnerability.DROWN, Vulnerability.CLIENT_RENEGOTIATION);
			// Secure renegotiation decides it without the renegotiation check's
			// connection
			assertThat(report.vulnerabilities())
				.filteredOn((result) -> result.vulnerability() == Vulnerability.CLIENT_RENEGOTIATION)
				.singleElement()
				.extracting(VulnerabilityResult::connections)
				.isEqualTo(0);
			assertThat(report.grade().reasons()).extracting(GradeReason::code)
				.doesNotContain("NOT_TESTED_INSECURE_RENEGOTIATION");
			// Every connection is counted once
			assertThat(report.connections()).isEqualTo(server.acceptedConnections());
			// The version sweeps: one connection per refused version; per accepted one,
			// one per suite, one refusal, at most one for the order
			int sweeps = report.connections() - 1
					- report.groups().stream().mapToInt(GroupEnumeration::connections).sum()
					- report.features().connections() - 1 - chachaConnections(report)
					- report.vulnerabilities().stream().mapToInt(VulnerabilityResult::connections).sum();
			int budget = TlsVersion.probed()
				.stream()
				.mapToInt((version) -> report.suites().containsKey(version)
						? report.suites().get(version).accepted().size() + 2 : 1)
				.sum();
			assertThat(sweeps).isBetween(TlsVersion.probed().size(), budget);
			assertThat(report.suites().get(TlsVersion.TLS_1_3).order()).isEqualTo(ServerOrder.SERVER);
			// The TLS 1.2 sweep carried ALPN and compression: only the fallback question
			// is left
			assertThat(report.features().connections()).isEqualTo(1);
			assertThat(report.features().secureRenegotiation().value()).isTrue();
			assertThat(report.features().compression().value()).isFalse();
			assertThat(report.grade()).isNotNull();
			assertThat(report.grade().reasons()).extracting(GradeReason::text)
				.doesNotContain("Not tested: cipher suites");
			// Not an HTTPS server (no HTTP ALPN, no HTTPS port): HSTS neither asked nor
			// graded
			assertThat(report.hsts().status()).isEqualTo(Observed.Status.NOT_APPLICABLE);
			assertThat(report.grade().reasons()).extracting(GradeReason::code).doesNotContain("NOT_TESTED_HSTS");
			assertThat(report.grade().letter()).isIn(GradeLetter.A_PLUS, GradeLetter.A, GradeLetter.A_MINUS);
			assertThat(report.elapsed()).isPositive();
		}
	}

	@Test
	void anHttpsServerIsAskedForHstsOnOneMoreConnectionAndGradedOnIt() throws Exception {
		Issued leaf = TestCertificates.localhost(CA);
		try (HttpsTestServer withHsts = HttpsTestServer.answering(leaf,
				"HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=31536000\r\n\r\n");
				HttpsTestServer without = HttpsTestServer.answering(leaf, "HTTP/1.1 200 OK\r\n\r\n")) {
			// A generous handshake bound: the first handshake of a cold JVM on a busy
			// machine takes seconds
			ProbeOptions patient = new ProbeOptions(Duration.ofSeconds(2), Duration.ofSeconds(10),
					List.of(CA.certificate()), Clock.systemUTC());
			ProbeReport enabled = new TlsEngine(4).probe(target(withHsts.port()), patient);
			ProbeReport absent = new TlsEngine(4).probe(target(without.port()), patient);

			assertThat(enabled.features().alpn().value()).contains("http/1.1");
			assertThat(enabled.hsts().value().verdict()).isEqualTo(Hsts.Verdict.ENABLED);
			assertThat(enabled.hsts().value().maxAge()).isEqualTo(31_536_000L);
			assertThat(enabled.grade().reasons()).extracting(GradeReason::code)
				.doesNotContain("NOT_TESTED_HSTS", "NO_HSTS", "HSTS_SHORT");
			assertThat(absent.hsts().value().verdict()).isEqualTo(Hsts.Verdict.ABSENT);
			assertThat(absent.grade().reasons()).extracting(GradeReason::code).contains("NO_HSTS");
			assertThat(withHsts.acceptedConnections()).isEqualTo(enabled.connections());
			assertThat(without.acceptedConnections()).isEqualTo(absent.connections());
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
		// A connection counts as open from its accept until just before the server
		// answers. The client holds its permit from before its connect until after it
		// has read the answer, so each counted span lies inside a permit's span and
		// the count can only exceed the cap if the engine does. Counting until after
		// the write (as before) also counted a connection whose client had already
		// read the answer, closed and handed its permit on: 3 > 2 under load.
		try (TestTcpServer server = TestTcpServer.start((socket) -> {
			most.accumulateAndGet(open.incrementAndGet(), Math::max);
			try {
				// Long enough for the jobs to overlap, so that the cap is what holds
				// them back
				Thread.sleep(150);
			}
			finally {
				open.decrementAndGet();
			}
			socket.getOutputStream().write("not TLS at all\r\n".getBytes());
		})) {
			// Read timeouts far above any stall of a loaded machine: a client that gave
			// up before the answer would hand its permit on while still counted
			ProbeOptions patient = new ProbeOptions(Duration.ofSeconds(60), Duration.ofSeconds(60),
					List.of(CA.certificate()), Clock.systemUTC());
			ProbeReport report = new TlsEngine(2).probe(target(server.port()), patient);

			assertThat(report.handshake().outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
			// The handshake, five versions and SSL 2.0; no version accepted, so nothing
			// else
			assertThat(report.connections()).isEqualTo(7);
			assertThat(server.acceptedConnections()).isEqualTo(7);
			assertThat(most.get()).isLessThanOrEqualTo(2);
		}
	}

	@Test
	void sslv2AcceptedCapsTheGradeAtF() {
		Issued leaf = TestCertificates.localhost(CA);
		// No JDK speaks SSL 2.0: the SSL 2.0 answer is given, everything else is probed
		Ssl2Prober ssl2 = (target, options) -> new Ssl2Support(VersionVerdict.ACCEPTED,
				List.of("SSL_CK_RC4_128_WITH_MD5"), "SERVER-HELLO with 1 cipher kind");
		TlsEngine engine = new TlsEngine(Probers.handshakes(), Probers.cipherSuites(), Probers.groups(),
				Probers.features(), Probers.hsts(), ssl2, Probers.chachaPreference(), 4);
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			ProbeReport report = engine.probe(target(server.port()), options());

			assertThat(report.ssl2()).isNotNull();
			assertThat(report.ssl2().cipherKinds()).containsExactly("SSL_CK_RC4_128_WITH_MD5");
			assertThat(report.grade()).isNotNull();
			assertThat(report.grade().gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
			assertThat(report.grade().reasons()).extracting(GradeReason::code).contains("SSL2_ACCEPTED");
			assertThat(report.grade().reasons()).filteredOn((reason) -> reason.code().equals("SSL2_ACCEPTED"))
				.extracting(GradeReason::cap)
				.containsExactly(GradeLetter.F);
		}
	}

	private static int chachaConnections(ProbeReport report) {
		return report.chachaPreference().values().stream().mapToInt(ChachaPreference::connections).sum();
	}

	private static ProbeTarget target(int port) {
		return new ProbeTarget(InetAddress.getLoopbackAddress(), port, "localhost", "localhost");
	}

	private static ProbeOptions options() {
		return new ProbeOptions(Duration.ofSeconds(2), Duration.ofSeconds(2), List.of(CA.certificate()),
				Clock.systemUTC());
	}

}
