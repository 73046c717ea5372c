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
 */
record ValidEndpoint(String host, int port, TlsMode tlsMode, @Nullable String sniName, int scanIntervalMinutes,
		List<String> tags, boolean enabled) {

	ValidEndpoint {
		tags = List.copyOf(tags);
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
