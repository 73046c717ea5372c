package dev.tlswatch.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A registered endpoint, as other modules and clients see it.
 *
 * @param id the identifier
 * @param host the host name (lower case, ASCII; IDNs in their {@code xn--} form) or IP
 * literal
 * @param port the TCP port
 * @param tlsMode how TLS starts
 * @param sniName the name sent as SNI and expected in the certificate, {@code null} to
 * use the host
 * @param scanIntervalMinutes minutes between scheduled scans
 * @param enabled whether scheduled scans run
 * @param tags free labels, lower case, sorted
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 * @param options connect address, trust bundle and client certificate
 */
public record EndpointDetails(long id, String host, int port, TlsMode tlsMode, @Nullable String sniName,
		int scanIntervalMinutes, boolean enabled, List<String> tags, Instant createdAt, Instant updatedAt,
		ConnectionOptions options) {

	public EndpointDetails {
		tags = List.copyOf(tags);
		Objects.requireNonNull(options, "options");
	}

	/**
	 * An endpoint without connection options.
	 */
	public EndpointDetails(long id, String host, int port, TlsMode tlsMode, @Nullable String sniName,
			int scanIntervalMinutes, boolean enabled, List<String> tags, Instant createdAt, Instant updatedAt) {
		this(id, host, port, tlsMode, sniName, scanIntervalMinutes, enabled, tags, createdAt, updatedAt,
				ConnectionOptions.NONE);
	}

	/** The name the certificate must match and, for host names, the SNI sent. */
	public String effectiveName() {
		return (this.sniName != null) ? this.sniName : this.host;
	}

	/** {@code host:port}, with IPv6 literals in brackets. */
	public String displayName() {
		return (this.host.indexOf(':') >= 0 ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

}
