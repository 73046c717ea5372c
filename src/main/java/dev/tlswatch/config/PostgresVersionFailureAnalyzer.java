package dev.tlswatch.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a data folder of another PostgreSQL major version, with the upgrade path, in
 * one paragraph (registered in {@code META-INF/spring.factories}).
 */
class PostgresVersionFailureAnalyzer extends AbstractFailureAnalyzer<PostgresVersionMismatchException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PostgresVersionMismatchException cause) {
		int old = cause.dataVersion();
		return new FailureAnalysis(
				"The embedded PostgreSQL data folder " + cause.folder() + " was created by PostgreSQL " + old
						+ ", but this TLSWatch bundles PostgreSQL " + cause.serverVersion()
						+ ", which cannot open it. Nothing was changed in the folder.",
				"Keep your data by moving it to PostgreSQL " + cause.serverVersion() + " with a dump"
						+ " (docs/operations.md, \"Upgrading the embedded PostgreSQL\"): 1. start the previous TLSWatch"
						+ " (PostgreSQL " + old
						+ ") with --tlswatch.embedded-db.port=54329 and run pg_dump -h localhost"
						+ " -p 54329 -U postgres -Fc -f tlswatch.dump postgres, then stop it; 2. move the folder aside"
						+ " (mv " + cause.folder() + " " + cause.folder() + "-" + old + "); 3. start this TLSWatch with"
						+ " --tlswatch.embedded-db.port=54329 and run pg_restore -h localhost -p 54329 -U postgres"
						+ " --clean --if-exists -d postgres tlswatch.dump; 4. restart it. Or point"
						+ " tlswatch.embedded-db.data-directory at a new folder to start empty.",
				cause);
	}

}
