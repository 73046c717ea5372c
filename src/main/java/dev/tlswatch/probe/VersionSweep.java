package dev.tlswatch.probe;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the ClientHellos offering one version found: the first one tells whether the
 * server accepts the version at all, the same and the following ones which suites it
 * accepts, so that no connection is spent on the version alone.
 *
 * @param support the verdict on the version, from the first answer
 * @param suites the suites found (none when the version is refused), with every
 * connection of the sweep counted
 * @param features answers to feature questions the first hellos carried along
 * @param certificateFlight the Certificate (and CertificateRequest) a ServerHello of TLS
 * 1.2 or earlier came with, read on the sweep's own connections; {@code null} for TLS 1.3
 * or when no answer carried a certificate
 */
public record VersionSweep(VersionSupport support, SuiteEnumeration suites, FeatureAnswers features,
		@Nullable CertificateFlight certificateFlight) {

	/**
	 * A sweep that read no certificate.
	 * @param support the verdict on the version
	 * @param suites the suites found
	 * @param features the feature answers
	 */
	public VersionSweep(VersionSupport support, SuiteEnumeration suites, FeatureAnswers features) {
		this(support, suites, features, null);
	}

	public VersionSweep {
		Objects.requireNonNull(support, "support");
		Objects.requireNonNull(suites, "suites");
		Objects.requireNonNull(features, "features");
		if (support.version() != suites.version()) {
			throw new IllegalArgumentException("The verdict and the suites must be of one version");
		}
	}

	/**
	 * Whether the server accepts the version.
	 * @return whether the verdict is {@link VersionVerdict#ACCEPTED}
	 */
	public boolean accepted() {
		return this.support.verdict() == VersionVerdict.ACCEPTED;
	}

}
