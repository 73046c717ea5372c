package dev.tlswatch.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.tlswatch.endpoint.CertificateSummary;
import org.jspecify.annotations.Nullable;

/**
 * How scans run, as configured under {@code tlswatch.scan}, for showing.
 *
 * @param connectTimeout bound on each TCP connect
 * @param handshakeTimeout bound on each TLS handshake
 * @param resolveTimeout bound on resolving an endpoint's name
 * @param maxAddresses how many of a name's addresses one scan probes
 * @param connectionsPerAddress connections one scan opens to one address at once
 * @param trustBundle the global trust bundle
 */
public record ScanDefaults(Duration connectTimeout, Duration handshakeTimeout, Duration resolveTimeout,
		int maxAddresses, int connectionsPerAddress, GlobalTrustBundle trustBundle) {

	/** The key of the global trust bundle's path. */
	public static final String TRUST_BUNDLE_KEY = "tlswatch.scan.trust-bundle";

	/**
	 * The global bundle of extra trust anchors ({@value #TRUST_BUNDLE_KEY}).
	 *
	 * @param path the configured file, {@code null} when none is set (the JDK trust store
	 * only)
	 * @param anchors the certificates it holds now, in file order
	 * @param problem why it could not be read (missing file, not PEM), {@code null} if it
	 * could
	 */
	public record GlobalTrustBundle(@Nullable Path path, List<CertificateSummary> anchors, @Nullable String problem) {

		public GlobalTrustBundle {
			anchors = List.copyOf(anchors);
		}

		/** Whether a bundle is configured. */
		public boolean configured() {
			return this.path != null;
		}

	}

}
