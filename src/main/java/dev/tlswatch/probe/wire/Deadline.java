package dev.tlswatch.probe.wire;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A point in time after which a connection gets no more time, however slowly its peer
 * sends: each read may only wait for what is left.
 */
final class Deadline {

	private static final long NANOS_PER_MILLI = 1_000_000;

	private final long endNanos;

	private Deadline(long endNanos) {
		this.endNanos = endNanos;
	}

	/**
	 * The deadline a timeout from now.
	 * @param timeout the time allowed
	 * @return the deadline
	 */
	static Deadline after(Duration timeout) {
		return new Deadline(System.nanoTime() + saturatedNanos(timeout));
	}

	/**
	 * The time left as a socket read timeout.
	 * @return at least 1 ms, since 0 means "no timeout" to a socket
	 * @throws SocketTimeoutException if no time is left
	 */
	int socketTimeoutMillis() throws SocketTimeoutException {
		long left = this.endNanos - System.nanoTime();
		if (left <= 0) {
			throw new SocketTimeoutException("Deadline passed");
		}
		long millis = (left + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI;
		return (int) Math.min(millis, Integer.MAX_VALUE);
	}

	/**
	 * A timeout in whole milliseconds as sockets take it: at least 1, at most
	 * {@link Integer#MAX_VALUE}.
	 * @param timeout the timeout
	 * @return the milliseconds
	 */
	static int socketMillis(Duration timeout) {
		long millis = saturatedNanos(timeout) / NANOS_PER_MILLI;
		return (int) Math.clamp(millis, 1, Integer.MAX_VALUE);
	}

	private static long saturatedNanos(Duration timeout) {
		try {
			return Math.max(1, timeout.toNanos());
		}
		catch (ArithmeticException ex) {
			// Longer than 292 years; nanoTime differences would overflow, so keep a
			// margin
			return Long.MAX_VALUE / 2;
		}
	}

}
