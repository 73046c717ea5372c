package dev.tlswatch.api;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.endpoint.CertificateSummary;
import dev.tlswatch.endpoint.ConnectionOptions;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.TlsMode;
import org.jspecify.annotations.Nullable;

/**
 * A registered endpoint.
 *
 * @param id the identifier
 * @param host lower-case ASCII DNS name ({@code xn--} for IDNs) or IP literal (IPv6
 * without brackets)
 * @param port the TCP port
 * @param tlsMode how TLS starts
 * @param sniName the SNI name, {@code null} for the host
 * @param scanIntervalMinutes minutes between scans
 * @param enabled whether scheduled scans run
 * @param tags sorted labels
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 * @param connectAddress the IP literal connected to instead of resolving the host,
 * {@code null} to resolve
 * @param trustBundle what the endpoint's trust bundle holds, {@code null} without one
 * @param clientCertificate the client certificate presented, {@code null} without one
 * @param clientKeyConfigured whether its private key is stored (the key itself is never
 * returned)
 */
record EndpointResponse(long id, String host, int port, TlsMode tlsMode, @Nullable String sniName,
		int scanIntervalMinutes, boolean enabled, List<String> tags, Instant createdAt, Instant updatedAt,
		@Nullable String connectAddress, @Nullable TrustBundleSummary trustBundle,
		@Nullable CertificateSummary clientCertificate, boolean clientKeyConfigured) {

	static EndpointResponse of(EndpointDetails details) {
		ConnectionOptions options = details.options();
		return new EndpointResponse(details.id(), details.host(), details.port(), details.tlsMode(), details.sniName(),
				details.scanIntervalMinutes(), details.enabled(), details.tags(), details.createdAt(),
				details.updatedAt(), options.connectAddress(), TrustBundleSummary.of(options),
				options.clientCertificateSummary(), options.clientKeyConfigured());
	}

	/**
	 * What an endpoint's trust bundle holds.
	 *
	 * @param certificates how many certificates
	 * @param subjects their subjects (RFC 2253), in order
	 */
	record TrustBundleSummary(int certificates, List<String> subjects) {

		static @Nullable TrustBundleSummary of(ConnectionOptions options) {
			if (options.trustBundle() == null) {
				return null;
			}
			List<String> subjects = options.trustBundleSummary().stream().map(CertificateSummary::subject).toList();
			return new TrustBundleSummary(subjects.size(), subjects);
		}

	}

}
