package dev.tlswatch.scan;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start that failed on {@code tlswatch.scan.trust-bundle} in one paragraph
 * (registered in {@code META-INF/spring.factories}).
 */
class TrustBundleFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTrustBundleException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTrustBundleException cause) {
		return new FailureAnalysis(
				"The trust bundle configured as tlswatch.scan.trust-bundle, " + cause.path().toAbsolutePath() + ", "
						+ cause.problem() + ". Scans would not trust the certificate authorities it should add.",
				"Put a PEM file of CA certificates (-----BEGIN CERTIFICATE----- blocks) at that path and make it"
						+ " readable by the user TLSWatch runs as, correct the path, or remove"
						+ " tlswatch.scan.trust-bundle (TLSWATCH_SCAN_TRUSTBUNDLE) to trust the JDK's CAs only.",
				cause);
	}

}
