package dev.tlswatch.api;

import java.util.List;

import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.TlsMode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as a client sends it, for registering and for replacing. Checked and
 * normalised by the endpoint registry, which names every invalid field; unknown
 * properties are rejected (see {@link ApiJsonConfiguration}).
 *
 * @param host DNS name (Unicode allowed) or IP literal
 * @param port TCP port
 * @param tlsMode how TLS starts
 * @param sniName the name to send as SNI and to expect in the certificate, if not the
 * host
 * @param scanIntervalMinutes minutes between scans
 * @param tags labels
 * @param enabled whether scheduled scans run
 * @param connectAddress an IP literal to connect to instead of resolving the host
 * @param trustBundle PEM certificates trusted in addition
 * @param clientCertificate PEM client certificate chain, leaf first
 * @param clientKey PEM private key of the client certificate; never returned
 */
@Schema(name = "EndpointRequest")
record EndpointRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "mail.example.com",
		description = "DNS name (IDNs allowed) or IPv4/IPv6 literal; stored lower-case ASCII") @Nullable String host,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "465", minimum = "1",
				maximum = "65535") @Nullable Integer port,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "IMPLICIT",
				description = "How TLS starts: IMPLICIT right after connect, STARTTLS_* after that protocol's"
						+ " upgrade dialogue, AUTO from the well-known port at scan time (25 and 587 SMTP, 143 IMAP,"
						+ " 110 POP3, 21 FTP, 389 LDAP, 5222 XMPP, 5432 PostgreSQL, 3306 MySQL, 119 NNTP,"
						+ " 4190 ManageSieve, 24 LMTP, 6667 IRC, 1433 SQL Server, else IMPLICIT)") @Nullable TlsMode tlsMode,
		@Schema(description = "DNS name sent as SNI and expected in the certificate; null or blank for the host",
				nullable = true) @Nullable String sniName,
		@Schema(description = "Minutes between scans; default from tlswatch.endpoint.default-scan-interval-minutes",
				example = "60", minimum = "1", maximum = "10080") @Nullable Integer scanIntervalMinutes,
		@Schema(description = "Up to 20 labels matching [a-z0-9][a-z0-9._-]{0,63} after lower-casing",
				example = "[\"mail\"]") @Nullable List<String> tags,
		@Schema(description = "Whether scheduled scans run; default true", example = "true") @Nullable Boolean enabled,
		@Schema(description = "IPv4 or IPv6 literal to connect to instead of resolving the host; SNI and the name"
				+ " check still use sniName or host (like curl --resolve); null to resolve", nullable = true,
				example = "192.0.2.10") @Nullable String connectAddress,
		@Schema(description = "PEM CA certificates trusted for this endpoint in addition to the JDK's and"
				+ " tlswatch.scan.trust-bundle; at most 256 KiB and 100 certificates; null for none",
				nullable = true) @Nullable String trustBundle,
		@Schema(description = "PEM client certificate chain, leaf first, presented to servers that ask for one"
				+ " (mutual TLS); at most 64 KiB; null removes the certificate and its key",
				nullable = true) @Nullable String clientCertificate,
		@Schema(description = "Unencrypted PEM private key of the client certificate (PKCS#8 PRIVATE KEY, RSA"
				+ " PRIVATE KEY or EC PRIVATE KEY; RSA, EC or Ed25519); at most 64 KiB. Never returned. When replacing,"
				+ " omit it (or null) to keep the stored key, if it belongs to clientCertificate", nullable = true,
				accessMode = Schema.AccessMode.WRITE_ONLY) @Nullable String clientKey) {

	EndpointDraft toDraft() {
		return new EndpointDraft(this.host, this.port, this.tlsMode, this.sniName, this.scanIntervalMinutes, this.tags,
				this.enabled, this.connectAddress, this.trustBundle, this.clientCertificate, this.clientKey);
	}

	/** Never shows the key. */
	@Override
	public String toString() {
		return toDraft().toString();
	}

}
