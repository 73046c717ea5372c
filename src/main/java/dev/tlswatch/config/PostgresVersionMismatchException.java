package dev.tlswatch.config;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL's data folder was made by another major version than the
 * bundled server; {@link PostgresVersionFailureAnalyzer} gives the upgrade path.
 */
class PostgresVersionMismatchException extends IllegalStateException {

	private final Path folder;

	private final int dataVersion;

	private final int serverVersion;

	PostgresVersionMismatchException(Path folder, int dataVersion, int serverVersion) {
		super("Data folder " + folder + " is of PostgreSQL " + dataVersion + ", the embedded server is PostgreSQL "
				+ serverVersion);
		this.folder = folder;
		this.dataVersion = dataVersion;
		this.serverVersion = serverVersion;
	}

	Path folder() {
		return this.folder;
	}

	int dataVersion() {
		return this.dataVersion;
	}

	int serverVersion() {
		return this.serverVersion;
	}

}
