package dev.tlswatch.config;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL's data folder cannot be used; {@link DataFolderFailureAnalyzer}
 * explains it.
 */
class DataFolderException extends IllegalStateException {

	private final Path folder;

	private final String problem;

	DataFolderException(Path folder, String problem, @Nullable Throwable cause) {
		super("Data folder " + folder + " " + problem, cause);
		this.folder = folder;
		this.problem = problem;
	}

	Path folder() {
		return this.folder;
	}

	String problem() {
		return this.problem;
	}

}
