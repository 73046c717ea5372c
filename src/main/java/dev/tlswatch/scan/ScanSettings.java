package dev.tlswatch.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scans run.
 *
 * @param connectTimeout bound on each TCP connect
 * @param handshakeTimeout bound on each TLS handshake
 * @param resolveTimeout bound on resolving an endpoint's name
 * @param maxAddresses how many of a name's addresses one scan probes
 * @param connectionsPerAddress how many connections one scan opens to one address at once
 * @param trustBundle a PEM file of extra trust anchors (private CAs), read at every scan;
 * {@code null} for the JDK trust store only
 * @param discoveryExtraPorts ports discovery tries besides the well-known ones (at most
 * {@value #MAX_DISCOVERY_EXTRA_PORTS}), each in the mode its number suggests
 * @param fetchMissingIntermediates whether an issuer a server did not send is fetched
 * from the caIssuers URL of the certificate it issued (every address through the scan
 * target policy), to tell a missing intermediate from an untrusted root
 * @param fullProbeMaxAge how old an endpoint's last full probe may get before a scheduled
 * scan runs the full probe again instead of a quick check
 * @param rateLimitedConnectionsPerMinute how many connections per minute a full probe
 * opens to one address of an endpoint whose server was seen to rate-limit probes
 * @param rateLimitMemory how long such an endpoint stays paced after its server last cut
 * a full probe short
 * @param revocation whether each scan, full probe and quick check alike, checks the
 * revocation status of every certificate of the chain it saw (a valid staple, OCSP, then
 * the CRL); {@code false} reports {@code NOT_CHECKED}
 */
@ConfigurationProperties("tlswatch.scan")
record ScanSettings(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration handshakeTimeout,
		@DefaultValue("10s") Duration resolveTimeout, @DefaultValue("16") int maxAddresses,
		@DefaultValue("4") int connectionsPerAddress, @Nullable Path trustBundle,
		@DefaultValue List<Integer> discoveryExtraPorts, @DefaultValue("true") boolean fetchMissingIntermediates,
		@DefaultValue("24h") Duration fullProbeMaxAge, @DefaultValue("6") int rateLimitedConnectionsPerMinute,
		@DefaultValue("30d") Duration rateLimitMemory, @DefaultValue("true") boolean revocation) {

	/** The most extra ports one discovery tries. */
	static final int MAX_DISCOVERY_EXTRA_PORTS = 64;

	ScanSettings {
		if (maxAddresses < 1) {
			throw new IllegalArgumentException("tlswatch.scan.max-addresses must be at least 1");
		}
		if (connectionsPerAddress < 1) {
			throw new IllegalArgumentException("tlswatch.scan.connections-per-address must be at least 1");
		}
		if (fullProbeMaxAge.isNegative() || fullProbeMaxAge.isZero()) {
			throw new IllegalArgumentException("tlswatch.scan.full-probe-max-age must be positive");
		}
		if (rateLimitedConnectionsPerMinute < 1) {
			throw new IllegalArgumentException("tlswatch.scan.rate-limited-connections-per-minute must be at least 1");
		}
		if (rateLimitMemory.isNegative()) {
			throw new IllegalArgumentException("tlswatch.scan.rate-limit-memory must not be negative");
		}
		discoveryExtraPorts = List.copyOf(new LinkedHashSet<>(discoveryExtraPorts));
		if (discoveryExtraPorts.size() > MAX_DISCOVERY_EXTRA_PORTS) {
			throw new IllegalArgumentException(
					"tlswatch.scan.discovery-extra-ports may list at most " + MAX_DISCOVERY_EXTRA_PORTS + " ports");
		}
		for (int port : discoveryExtraPorts) {
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException(
						"tlswatch.scan.discovery-extra-ports must be ports from 1 to 65535, not " + port);
			}
		}
	}

}
