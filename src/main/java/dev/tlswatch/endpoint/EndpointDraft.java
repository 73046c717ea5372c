package dev.tlswatch.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint as a user asked for it, before validation and normalisation. Missing values
 * are {@code null}; {@link Endpoints} reports them as invalid fields or applies defaults
 * (interval, tags, enabled).
 *
 * @param host host name or IP literal
 * @param port TCP port
 * @param tlsMode how TLS starts
 * @param sniName the SNI name, {@code null} or blank for the host
 * @param scanIntervalMinutes minutes between scans, {@code null} for the default
 * @param tags labels, {@code null} for none
 * @param enabled whether scheduled scans run, {@code null} for yes
 * @param connectAddress an IP literal to connect to instead of resolving the host,
 * {@code null} or blank to resolve
 * @param trustBundle PEM certificates to trust in addition, {@code null} or blank for
 * none
 * @param clientCertificate the client certificate chain (PEM, leaf first), {@code null}
 * or blank for none (which removes a stored key, too)
 * @param clientKey the client certificate's private key (PEM); {@code null} when updating
 * keeps the stored key if it belongs to the certificate
 */
public record EndpointDraft(@Nullable String host, @Nullable Integer port, @Nullable TlsMode tlsMode,
		@Nullable String sniName, @Nullable Integer scanIntervalMinutes, @Nullable List<String> tags,
		@Nullable Boolean enabled, @Nullable String connectAddress, @Nullable String trustBundle,
		@Nullable String clientCertificate, @Nullable String clientKey) {

	/**
	 * A draft without connection options.
	 */
	public EndpointDraft(@Nullable String host, @Nullable Integer port, @Nullable TlsMode tlsMode,
			@Nullable String sniName, @Nullable Integer scanIntervalMinutes, @Nullable List<String> tags,
			@Nullable Boolean enabled) {
		this(host, port, tlsMode, sniName, scanIntervalMinutes, tags, enabled, null, null, null, null);
	}

	/** Never shows the key. */
	@Override
	public String toString() {
		return "EndpointDraft[host=" + this.host + ", port=" + this.port + ", tlsMode=" + this.tlsMode + ", sniName="
				+ this.sniName + ", connectAddress=" + this.connectAddress + ", clientKey="
				+ ((this.clientKey != null) ? "(given)" : null) + "]";
	}

}
