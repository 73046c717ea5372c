package dev.tlswatch.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint's settings after validation and normalisation: host and SNI name lower case
 * ASCII, defaults applied, tags unique and sorted.
 *
 * @param host DNS name or IP literal (IPv6 without brackets)
 * @param port TCP port
 * @param tlsMode how TLS starts
 * @param sniName the SNI name, {@code null} for the host
 * @param scanIntervalMinutes minutes between scans
 * @param tags sorted unique tags
 * @param enabled whether scheduled scans run
 * @param connectAddress normalised IP literal to connect to, {@code null} to resolve
 * @param trustBundle PEM certificates to trust in addition, {@code null} for none
 * @param clientCertificate PEM client certificate chain, {@code null} for none
 * @param clientKey PEM private key of the client certificate, {@code null} exactly when
 * there is no certificate
 */
record ValidEndpoint(String host, int port, TlsMode tlsMode, @Nullable String sniName, int scanIntervalMinutes,
		List<String> tags, boolean enabled, @Nullable String connectAddress, @Nullable String trustBundle,
		@Nullable String clientCertificate, @Nullable String clientKey) {

	ValidEndpoint {
		tags = List.copyOf(tags);
		if ((clientCertificate == null) != (clientKey == null)) {
			throw new IllegalArgumentException("Client certificate and key go together");
		}
	}

	/** Settings without connection options. */
	ValidEndpoint(String host, int port, TlsMode tlsMode, @Nullable String sniName, int scanIntervalMinutes,
			List<String> tags, boolean enabled) {
		this(host, port, tlsMode, sniName, scanIntervalMinutes, tags, enabled, null, null, null, null);
	}

	/** Never shows the key. */
	@Override
	public String toString() {
		return "ValidEndpoint[" + displayName() + ", connectAddress=" + this.connectAddress + "]";
	}

	/** The SNI name as the identity index sees it: {@code null} is the empty string. */
	String sniKey() {
		return (this.sniName != null) ? this.sniName : "";
	}

	String displayName() {
		String name = (this.host.indexOf(':') >= 0 ? "[" + this.host + "]" : this.host) + ":" + this.port;
		return (this.sniName != null) ? name + " (SNI " + this.sniName + ")" : name;
	}

}
