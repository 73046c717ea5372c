package dev.tlswatch.probe.jsse;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket whose handshake outlives its deadline. A read timeout alone does not
 * bound a handshake: a server that sends one byte just before each timeout would hold the
 * caller for ever. One daemon thread serves all probes; closing a socket unblocks the
 * thread that reads from it.
 */
final class HandshakeWatchdog {

	private static final ScheduledThreadPoolExecutor scheduler = createScheduler();

	private HandshakeWatchdog() {
	}

	/**
	 * Arm a watch that closes the socket when the timeout passes before the watch is
	 * closed.
	 * @param socket the socket to close
	 * @param timeout the time allowed from now
	 * @return the armed watch
	 */
	static Watch watch(Socket socket, Duration timeout) {
		return new Watch(socket, timeout);
	}

	private static ScheduledThreadPoolExecutor createScheduler() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "tlswatch-handshake-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	/**
	 * One armed deadline. Closing it disarms it.
	 */
	static final class Watch implements AutoCloseable {

		private final AtomicBoolean fired = new AtomicBoolean();

		private final ScheduledFuture<?> alarm;

		private final long started = System.nanoTime();

		private final long allowedNanos;

		private Watch(Socket socket, Duration timeout) {
			this.allowedNanos = Timeouts.nanos(timeout);
			this.alarm = scheduler.schedule(() -> fire(socket), this.allowedNanos, TimeUnit.NANOSECONDS);
		}

		/**
		 * Whether the deadline passed and the socket was closed.
		 * @return whether the watch fired
		 */
		boolean fired() {
			return this.fired.get();
		}

		/**
		 * The time left until the deadline.
		 * @return the remaining time, zero once passed
		 */
		Duration remaining() {
			return Duration.ofNanos(Math.max(0, this.allowedNanos - (System.nanoTime() - this.started)));
		}

		@Override
		public void close() {
			this.alarm.cancel(false);
		}

		private void fire(Socket socket) {
			this.fired.set(true);
			try {
				socket.close();
			}
			catch (IOException ex) {
				// The socket is unusable either way; its reader sees the close
			}
		}

	}

}
