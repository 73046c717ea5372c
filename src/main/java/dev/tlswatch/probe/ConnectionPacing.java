package dev.tlswatch.probe;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A {@link ConnectionWatch} that spaces the connects of one address evenly: at most the
 * given number per minute, each waiting for its slot. The time source and the sleep are
 * given, so tests need not wait. Thread-safe.
 */
public final class ConnectionPacing implements ConnectionWatch {

	private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	private long nextSlot = Long.MIN_VALUE;

	/**
	 * Pacing at the given rate.
	 * @param connectionsPerMinute the most connects per minute, at least 1
	 * @param nanoTime a monotonic time source ({@link System#nanoTime()})
	 * @param sleeper how to wait ({@link Thread#sleep(Duration)})
	 */
	public ConnectionPacing(int connectionsPerMinute, LongSupplier nanoTime, Sleeper sleeper) {
		if (connectionsPerMinute < 1) {
			throw new IllegalArgumentException("At least one connection per minute is needed");
		}
		this.intervalNanos = NANOS_PER_MINUTE / connectionsPerMinute;
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
	}

	/**
	 * Pacing in real time.
	 * @param connectionsPerMinute the most connects per minute, at least 1
	 * @return the pacing
	 */
	public static ConnectionPacing perMinute(int connectionsPerMinute) {
		return new ConnectionPacing(connectionsPerMinute, System::nanoTime, Thread::sleep);
	}

	/**
	 * The time between two connects.
	 * @return the interval
	 */
	public Duration interval() {
		return Duration.ofNanos(this.intervalNanos);
	}

	@Override
	public void beforeConnect() throws InterruptedException {
		long wait = reserveSlot();
		if (wait > 0) {
			this.sleeper.sleep(Duration.ofNanos(wait));
		}
	}

	/** Takes the next free slot and says how long until it comes. */
	private synchronized long reserveSlot() {
		long now = this.nanoTime.getAsLong();
		long slot = (this.nextSlot == Long.MIN_VALUE || this.nextSlot - now < 0) ? now : this.nextSlot;
		this.nextSlot = slot + this.intervalNanos;
		return slot - now;
	}

	/**
	 * How a pacing waits.
	 */
	@FunctionalInterface
	public interface Sleeper {

		/**
		 * Wait.
		 * @param duration how long
		 * @throws InterruptedException if interrupted
		 */
		void sleep(Duration duration) throws InterruptedException;

	}

}
