package dev.tlswatch.probe.jsse;

import java.time.Duration;

/**
 * Converts durations to the units socket APIs take, saturating instead of overflowing,
 * and never to zero (which means "no timeout" to a socket).
 */
final class Timeouts {

	private Timeouts() {
	}

	static int millis(Duration timeout) {
		long millis = saturatedMillis(timeout);
		return Math.clamp(millis, 1, Integer.MAX_VALUE);
	}

	static long nanos(Duration timeout) {
		try {
			return Math.max(1, timeout.toNanos());
		}
		catch (ArithmeticException ex) {
			// Longer than 292 years
			return Long.MAX_VALUE;
		}
	}

	private static long saturatedMillis(Duration timeout) {
		try {
			return timeout.toMillis();
		}
		catch (ArithmeticException ex) {
			// Longer than 292 million years
			return Long.MAX_VALUE;
		}
	}

}
