package dev.tlswatch.scan;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.probe.HandshakeOutcome;
import org.jspecify.annotations.Nullable;

/**
 * One completed scan of an endpoint over all its addresses.
 *
 * @param id the identifier
 * @param endpointId the endpoint scanned
 * @param trigger why it ran
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param outcome {@code OK} if any address completed a handshake, otherwise the first
 * address's failure
 * @param error the error text when not OK
 * @param results one result per address: those the scan target policy denied first
 * ({@link HandshakeOutcome#DENIED}), then the others in the order they resolved
 * @param kind a quick check or a full probe
 * @param fullProbeAt when the full probe whose versions, suites, groups, features and
 * grade the scan shows ran: its own start for a full probe
 */
public record ScanDetails(long id, long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
		HandshakeOutcome outcome, @Nullable String error, List<AddressResult> results, ScanKind kind,
		Instant fullProbeAt) {

	public ScanDetails {
		results = List.copyOf(results);
	}

	/**
	 * A full probe.
	 */
	public ScanDetails(long id, long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
			HandshakeOutcome outcome, @Nullable String error, List<AddressResult> results) {
		this(id, endpointId, trigger, startedAt, finishedAt, outcome, error, results, ScanKind.FULL, startedAt);
	}

}
