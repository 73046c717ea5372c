package dev.tlswatch.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start that failed on the embedded PostgreSQL's data folder in one paragraph
 * (registered in {@code META-INF/spring.factories}).
 */
class DataFolderFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataFolderException cause) {
		return new FailureAnalysis(
				"The data folder of the embedded PostgreSQL, " + cause.folder() + ", " + cause.problem() + ".",
				"Make that folder (and its parents) a directory the user " + System.getProperty("user.name")
						+ " can read and write (for example: mkdir -p " + cause.folder() + " && chown -R "
						+ System.getProperty("user.name") + " " + cause.folder()
						+ "), choose another one with tlswatch.embedded-db.data-directory"
						+ " (TLSWATCH_EMBEDDEDDB_DATADIRECTORY), or use your own PostgreSQL with"
						+ " spring.datasource.url (SPRING_DATASOURCE_URL).",
				cause);
	}

}
