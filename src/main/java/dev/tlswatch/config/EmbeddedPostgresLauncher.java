package dev.tlswatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL server on a persistent data directory with durable
 * settings (fsync and synchronous commit on), after stopping a server orphaned by a
 * crashed previous run.
 */
final class EmbeddedPostgresLauncher {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

	private static final String PID_FILE = "postmaster.pid";

	private static final long ORPHAN_STOP_WAIT_SECONDS = 30;

	private final Path dataDirectory;

	private final int port;

	EmbeddedPostgresLauncher(Path dataDirectory, int port) {
		this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
		this.port = port;
	}

	EmbeddedPostgres start() throws IOException {
		Files.createDirectories(this.dataDirectory);
		stopOrphanedServer();
		logger.info("Starting embedded PostgreSQL with data directory {}", this.dataDirectory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			// zonky's defaults are made for throw-away test databases; ours must survive
			// a crash.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "100");
		if (this.port > 0) {
			builder.setPort(this.port);
		}
		return builder.start();
	}

	/**
	 * A JVM killed with SIGKILL leaves its postmaster running, and the next start would
	 * fail on the lock file. Stop such a server if its process is still a PostgreSQL
	 * server.
	 */
	private void stopOrphanedServer() {
		readPostmasterPid().flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(EmbeddedPostgresLauncher::isPostgresServer)
			.ifPresent(this::stop);
	}

	private Optional<Long> readPostmasterPid() {
		Path pidFile = this.dataDirectory.resolve(PID_FILE);
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			// An unreadable lock file is PostgreSQL's to judge; it reports a clear error.
			logger.warn("Could not read {}: {}", pidFile, ex.getMessage());
			return Optional.empty();
		}
	}

	private static boolean isPostgresServer(ProcessHandle process) {
		return process.info().command().map((command) -> command.endsWith("/postgres")).orElse(false);
	}

	private void stop(ProcessHandle process) {
		logger.warn("Stopping orphaned embedded PostgreSQL server (pid {}) left by an earlier run", process.pid());
		process.destroy();
		try {
			process.onExit().get(ORPHAN_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Unable to stop orphaned PostgreSQL server with pid " + process.pid()
					+ " using data directory " + this.dataDirectory, ex);
		}
	}

}
