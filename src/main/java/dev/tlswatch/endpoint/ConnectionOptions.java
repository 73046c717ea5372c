package dev.tlswatch.endpoint;

import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How an endpoint is connected to, beyond host and port: a fixed address instead of
 * resolving the name, extra trust anchors, and whether a client certificate is presented.
 * Holds no secret: the client key stays in the registry (see {@link ClientCredentials}).
 *
 * @param connectAddress the IP literal to connect to instead of resolving the host (SNI
 * and the name check still use the endpoint's name), {@code null} to resolve
 * @param trustBundle PEM certificates trusted in addition to the JDK's and the global
 * bundle, {@code null} for none
 * @param clientCertificate the client certificate chain (PEM, leaf first), {@code null}
 * for none
 * @param clientKeyConfigured whether a client key is stored with the certificate
 */
public record ConnectionOptions(@Nullable String connectAddress, @Nullable String trustBundle,
		@Nullable String clientCertificate, boolean clientKeyConfigured) {

	/** No options: resolve the name, default trust, no client certificate. */
	public static final ConnectionOptions NONE = new ConnectionOptions(null, null, null, false);

	/**
	 * The certificates of the trust bundle.
	 * @return the anchors, empty without a bundle
	 */
	public List<X509Certificate> trustAnchors() {
		return (this.trustBundle != null) ? Pem.certificates(this.trustBundle) : List.of();
	}

	/**
	 * What the trust bundle holds.
	 * @return one summary per certificate, in order
	 */
	public List<CertificateSummary> trustBundleSummary() {
		return trustAnchors().stream().map(CertificateSummary::of).toList();
	}

	/**
	 * The client certificate (the leaf of the configured chain).
	 * @return its summary, {@code null} without one
	 */
	public @Nullable CertificateSummary clientCertificateSummary() {
		return (this.clientCertificate != null) ? CertificateSummary.of(Pem.certificates(this.clientCertificate).get(0))
				: null;
	}

}
