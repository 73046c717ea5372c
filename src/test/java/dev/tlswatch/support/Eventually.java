package dev.tlswatch.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that background work (a Quartz firing, another node) makes true.
 */
public final class Eventually {

	private Eventually() {
	}

	/**
	 * Poll until the condition holds.
	 * @param timeout how long to wait at most
	 * @param what the condition, described for the failure message
	 * @param condition the condition
	 */
	public static void await(Duration timeout, String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for: " + what, ex);
			}
		}
	}

}
