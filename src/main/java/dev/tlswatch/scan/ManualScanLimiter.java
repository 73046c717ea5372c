package dev.tlswatch.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Counts scans run on request: at most one per endpoint per
 * {@link ScanRateLimitSettings#perEndpoint()}, and at most
 * {@link ScanRateLimitSettings#perMinute()} in any sliding minute for all endpoints. A
 * request counts when it is let through, before it scans, so that concurrent requests
 * cannot slip past. In memory, per instance; its state is bounded by the number of
 * endpoints asked about within one interval.
 */
@Component
class ManualScanLimiter {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final ScanRateLimitSettings settings;

	private final Clock clock;

	private final Map<Object, Instant> lastByTarget = new HashMap<>();

	private final Deque<Instant> lastMinute = new ArrayDeque<>();

	ManualScanLimiter(ScanRateLimitSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Let one requested scan of an endpoint through, or refuse it.
	 * @param endpointId the endpoint
	 * @throws ScanRateLimitedException if it comes too soon
	 */
	synchronized void acquire(long endpointId) {
		acquire(endpointId, "Endpoint " + endpointId + " may be scanned on request");
	}

	/**
	 * Let one discovery of a host through, or refuse it: a host may be discovered as
	 * often as one endpoint may be scanned on request, and discoveries count towards the
	 * requests per minute.
	 * @param host the host, normalised
	 * @throws ScanRateLimitedException if it comes too soon
	 */
	synchronized void acquireDiscovery(String host) {
		acquire(new DiscoveryKey(host), "Host " + host + " may be discovered");
	}

	private void acquire(Object target, String subject) {
		Instant now = this.clock.instant();
		forgetBefore(now);
		checkTarget(target, subject, now);
		checkGlobal(now);
		if (!this.settings.perEndpoint().isZero()) {
			this.lastByTarget.put(target, now);
		}
		if (this.settings.perMinute() > 0) {
			this.lastMinute.addLast(now);
		}
	}

	private void checkTarget(Object target, String subject, Instant now) {
		Instant last = this.lastByTarget.get(target);
		if (last == null) {
			return;
		}
		Instant next = last.plus(this.settings.perEndpoint());
		if (now.isBefore(next)) {
			throw new ScanRateLimitedException(
					subject + " once every " + seconds(this.settings.perEndpoint()) + "; nothing was scanned.",
					Duration.between(now, next));
		}
	}

	private void checkGlobal(Instant now) {
		int limit = this.settings.perMinute();
		if (limit == 0 || this.lastMinute.size() < limit) {
			return;
		}
		Instant next = this.lastMinute.peekFirst().plus(MINUTE);
		throw new ScanRateLimitedException(
				"At most " + limit + " scans may be requested per minute; nothing was scanned.",
				Duration.between(now, next));
	}

	/** Drops what can no longer refuse anything. */
	private void forgetBefore(Instant now) {
		while (!this.lastMinute.isEmpty() && !this.lastMinute.peekFirst().plus(MINUTE).isAfter(now)) {
			this.lastMinute.removeFirst();
		}
		Duration interval = this.settings.perEndpoint();
		this.lastByTarget.values().removeIf((last) -> !last.plus(interval).isAfter(now));
	}

	/** Keeps host names apart from endpoint ids in one map. */
	private record DiscoveryKey(String host) {
	}

	private static String seconds(Duration duration) {
		return duration.toSeconds() + " s";
	}

}
