package dev.tlswatch.api;

import java.time.Instant;
import java.util.List;

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
 */
record EndpointResponse(long id, String host, int port, TlsMode tlsMode, @Nullable String sniName,
		int scanIntervalMinutes, boolean enabled, List<String> tags, Instant createdAt, Instant updatedAt) {

	static EndpointResponse of(EndpointDetails details) {
		return new EndpointResponse(details.id(), details.host(), details.port(), details.tlsMode(), details.sniName(),
				details.scanIntervalMinutes(), details.enabled(), details.tags(), details.createdAt(),
				details.updatedAt());
	}

}
