package dev.tlswatch.scan;

import java.time.Duration;

/**
 * A scan was requested too soon after others; nothing was scanned.
 */
public class ScanRateLimitedException extends RuntimeException {

	private final Duration retryAfter;

	public ScanRateLimitedException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/** How long to wait before asking again. */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	/** {@link #getRetryAfter()} in whole seconds, at least 1, as HTTP's Retry-After. */
	public long getRetryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
