package dev.tlswatch.fleet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.tlswatch.finding.EndpointStatus;

/**
 * The whole fleet at a glance.
 *
 * @param endpoints how many endpoints are registered
 * @param byStatus endpoints per status, every status present (zero when none)
 * @param nextExpiries the soonest leaf expiries, expired ones first
 * @param grades endpoints per worst grade, best grade first, only grades that occur
 * @param protocols how many endpoints accept old and new protocol versions
 * @param expiriesPerWeek leaf expiries in each of the next weeks, starting today
 */
public record FleetOverview(long endpoints, Map<EndpointStatus, Long> byStatus, List<UpcomingExpiry> nextExpiries,
		Map<String, Long> grades, ProtocolUsage protocols, List<WeekCount> expiriesPerWeek) {

	public FleetOverview {
		byStatus = Map.copyOf(byStatus);
		nextExpiries = List.copyOf(nextExpiries);
		grades = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(grades));
		expiriesPerWeek = List.copyOf(expiriesPerWeek);
	}

	/**
	 * One upcoming (or past) leaf expiry.
	 *
	 * @param endpointId the endpoint
	 * @param host its host
	 * @param port its port
	 * @param notAfter when its leaf certificate expires
	 * @param notBefore when its validity started, {@code null} if the certificate is not
	 * stored any more
	 */
	public record UpcomingExpiry(long endpointId, String host, int port, Instant notAfter,
			@org.jspecify.annotations.Nullable Instant notBefore) {

		/**
		 * An expiry whose start of validity is not known.
		 * @param endpointId the endpoint
		 * @param host its host
		 * @param port its port
		 * @param notAfter when its leaf certificate expires
		 */
		public UpcomingExpiry(long endpointId, String host, int port, Instant notAfter) {
			this(endpointId, host, port, notAfter, null);
		}

	}

	/**
	 * Protocol versions across the fleet's latest scans; each count is of endpoints.
	 *
	 * @param scanned endpoints with a completed latest scan that probed versions
	 * @param legacy accept SSL 3.0, TLS 1.0 or TLS 1.1
	 * @param ssl3 accept SSL 3.0
	 * @param tls10 accept TLS 1.0
	 * @param tls11 accept TLS 1.1
	 * @param tls13 accept TLS 1.3
	 * @param postQuantum accept a post-quantum hybrid key exchange
	 */
	public record ProtocolUsage(long scanned, long legacy, long ssl3, long tls10, long tls11, long tls13,
			long postQuantum) {
	}

	/**
	 * Leaf expiries in one week.
	 *
	 * @param start the first day of the week (UTC)
	 * @param count endpoints whose leaf expires in it
	 */
	public record WeekCount(LocalDate start, long count) {
	}

}
