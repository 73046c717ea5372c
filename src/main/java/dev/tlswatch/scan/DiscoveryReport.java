package dev.tlswatch.scan;

import java.time.Instant;
import java.util.List;

/**
 * What discovery found on a host.
 *
 * @param host the host as asked, trimmed
 * @param addresses every address it resolved to, all probed
 * @param ports one result per address and port, by address and then in the order of the
 * ports tried
 * @param startedAt when discovery began
 * @param finishedAt when the last port answered or timed out
 */
public record DiscoveryReport(String host, List<String> addresses, List<DiscoveredPort> ports, Instant startedAt,
		Instant finishedAt) {

	public DiscoveryReport {
		addresses = List.copyOf(addresses);
		ports = List.copyOf(ports);
	}

	/**
	 * The ports that speak TLS.
	 * @return those results
	 */
	public List<DiscoveredPort> tlsPorts() {
		return this.ports.stream().filter((port) -> port.state() == PortState.TLS).toList();
	}

}
