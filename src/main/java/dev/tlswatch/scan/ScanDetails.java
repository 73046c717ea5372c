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

	/** The error of {@link #gone}. */
	public static final String GONE = "scan no longer stored";

	public ScanDetails {
		results = List.copyOf(results);
	}

	/**
	 * A scan that a stored event names but that is no longer stored (its endpoint was
	 * deleted, or retention pruned it, before the event was handled): listeners skip it.
	 * @param id the scan's id
	 * @param endpointId its endpoint's id
	 * @return the stand-in
	 */
	public static ScanDetails gone(long id, long endpointId) {
		return new ScanDetails(id, endpointId, ScanTrigger.SCHEDULED, Instant.EPOCH, Instant.EPOCH,
				HandshakeOutcome.ERROR, GONE, List.of(), ScanKind.FULL, Instant.EPOCH);
	}

	/**
	 * Whether this is the stand-in for a scan no longer stored ({@link #gone}).
	 * @return whether there is nothing to judge
	 */
	public boolean gone() {
		return GONE.equals(this.error) && this.results.isEmpty() && Instant.EPOCH.equals(this.startedAt);
	}

	/**
	 * A full probe.
	 */
	public ScanDetails(long id, long endpointId, ScanTrigger trigger, Instant startedAt, Instant finishedAt,
			HandshakeOutcome outcome, @Nullable String error, List<AddressResult> results) {
		this(id, endpointId, trigger, startedAt, finishedAt, outcome, error, results, ScanKind.FULL, startedAt);
	}

}
