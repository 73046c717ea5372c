package dev.tlswatch.scan;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The configured {@code tlswatch.scan.trust-bundle} is missing or unreadable at start;
 * {@link TrustBundleFailureAnalyzer} explains it.
 */
class InvalidTrustBundleException extends IllegalStateException {

	private final Path path;

	private final String problem;

	InvalidTrustBundleException(Path path, String problem, @Nullable Throwable cause) {
		super("Trust bundle " + path + " " + problem, cause);
		this.path = path;
		this.problem = problem;
	}

	Path path() {
		return this.path;
	}

	String problem() {
		return this.problem;
	}

}
