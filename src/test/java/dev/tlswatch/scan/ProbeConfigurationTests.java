package dev.tlswatch.scan;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.RevocationChecker;
import dev.tlswatch.probe.RevocationReport;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.probe.TlsEngine;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tlswatch.scan.revocation} decides whether the engine gets the application's
 * revocation check.
 */
class ProbeConfigurationTests {

	private static final Issued CA = TestCertificates.rootCa("Probe Configuration Root");

	private final AtomicInteger checks = new AtomicInteger();

	private Revocation answer = Revocation.good(Revocation.Source.OCSP, "Good");

	@Test
	void revocationOnUsesTheApplicationsChecker() {
		ProbeReport report = probe(settings(true));

		assertThat(this.checks).hasValue(1);
		assertThat(report.revocation().summary().status()).isEqualTo(Revocation.Status.GOOD);
	}

	@Test
	void revokedChainCapsTheGradeAtT() {
		this.answer = Revocation.revoked(Revocation.Source.CRL, "keyCompromise", Instant.now(), "On the CRL");

		ProbeReport report = probe(settings(true));

		assertThat(report.grade()).isNotNull();
		assertThat(report.grade().letter()).isEqualTo(GradeLetter.T);
		assertThat(report.grade().gradeIgnoringTrust()).isNotEqualTo(GradeLetter.T);
		assertThat(report.grade().reasons().get(0).code()).isEqualTo("CERT_REVOKED");
	}

	@Test
	void revocationOffChecksNothing() {
		ProbeReport report = probe(settings(false));

		assertThat(this.checks).hasValue(0);
		assertThat(report.revocation().summary().status()).isEqualTo(Revocation.Status.NOT_CHECKED);
		assertThat(report.revocation().summary().detail()).contains("switched off");
	}

	private ProbeReport probe(ScanSettings settings) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("checker", (RevocationChecker) (chain, staples, options) -> {
			this.checks.incrementAndGet();
			return new RevocationReport(chain.stream().map((certificate) -> this.answer).toList());
		});
		TlsEngine engine = new ProbeConfiguration().tlsEngine(settings, beans.getBeanProvider(RevocationChecker.class));
		try (TestTlsServer server = TestTlsServer.start(TestCertificates.localhost(CA))) {
			return engine.probe(
					ProbeTarget.forName(InetAddress.getLoopbackAddress(), server.port(), "localhost", StartTls.NONE),
					ProbeOptions.defaults().withExtraTrustAnchors(List.of(CA.certificate())));
		}
	}

	private static ScanSettings settings(boolean revocation) {
		return new ScanSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5), 16, 4, null,
				List.of(), true, Duration.ofHours(24), 6, Duration.ofDays(30), revocation);
	}

}
