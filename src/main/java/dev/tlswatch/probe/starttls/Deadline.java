package dev.tlswatch.probe.starttls;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The moment an upgrade dialogue must be over. A read timeout alone does not bound a
 * dialogue: a server that sends one byte just before each timeout would hold the caller
 * for ever, so every read gets only the time that is left.
 */
final class Deadline {

	private final Duration timeout;

	private final long started = System.nanoTime();

	private final long allowedNanos;

	private Deadline(Duration timeout) {
		this.timeout = timeout;
		this.allowedNanos = nanos(timeout);
	}

	/**
	 * A deadline the given time from now.
	 * @param timeout the time allowed
	 * @return the deadline
	 */
	static Deadline after(Duration timeout) {
		return new Deadline(timeout);
	}

	/**
	 * The read timeout for the next read: the time left, at least one millisecond (zero
	 * would mean "no timeout" to a socket).
	 * @param dialogue what is being timed, for the message
	 * @return the milliseconds left
	 * @throws SocketTimeoutException if the deadline has passed
	 */
	int remainingMillis(String dialogue) throws SocketTimeoutException {
		long left = this.allowedNanos - (System.nanoTime() - this.started);
		if (left <= 0) {
			throw expired(dialogue);
		}
		return (int) Math.clamp(Math.ceilDiv(left, 1_000_000L), 1, Integer.MAX_VALUE);
	}

	/**
	 * The exception for a dialogue that outlived the deadline.
	 * @param dialogue what was being timed
	 * @return the exception to throw
	 */
	SocketTimeoutException expired(String dialogue) {
		return new SocketTimeoutException(
				dialogue + " dialogue not completed within " + this.timeout.toMillis() + " ms");
	}

	private static long nanos(Duration timeout) {
		try {
			return timeout.toNanos();
		}
		catch (ArithmeticException ex) {
			// Longer than 292 years
			return Long.MAX_VALUE;
		}
	}

}
