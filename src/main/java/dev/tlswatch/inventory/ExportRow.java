package dev.tlswatch.inventory;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One endpoint of an export with its latest scan's headline.
 *
 * @param id the endpoint
 * @param host host name or IP literal
 * @param port TCP port
 * @param tlsMode how TLS starts
 * @param sniName the SNI name, {@code null} for the host
 * @param tags sorted tags
 * @param interval minutes between scans
 * @param enabled whether scheduled scans run
 * @param status the status judged from the latest scan ({@code PENDING} if none)
 * @param scannedAt when the latest scan finished, {@code null} if never scanned
 * @param leafNotAfter end of validity of the leaf certificate
 * @param protocol the negotiated protocol
 * @param cipherSuite the negotiated cipher suite
 * @param findings the codes of the latest scan's findings
 */
public record ExportRow(long id, String host, int port, String tlsMode, @Nullable String sniName, List<String> tags,
		int interval, boolean enabled, String status, @Nullable Instant scannedAt, @Nullable Instant leafNotAfter,
		@Nullable String protocol, @Nullable String cipherSuite, List<String> findings) {

	public ExportRow {
		tags = List.copyOf(tags);
		findings = List.copyOf(findings);
	}

}
