package dev.tlswatch.config;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a start that failed on {@code spring.datasource.url} in one paragraph: a URL
 * that is no PostgreSQL JDBC URL (Boot's own analysis talks about H2, HSQL and Derby), a
 * server that does not answer, a refused sign-in or a missing database. Runs before
 * Boot's analyzers; registered in {@code META-INF/spring.factories}.
 */
class DatasourceFailureAnalyzer implements FailureAnalyzer, Ordered {

	static final String URL_PROPERTY = "spring.datasource.url";

	private static final String EXAMPLE = "jdbc:postgresql://HOST:5432/DATABASE";

	/**
	 * Messages of a URL the driver does not take (Boot's DataSourceProperties, Hikari).
	 */
	private static final Set<String> BAD_URL_MESSAGES = Set.of("Failed to determine a suitable driver class",
			"claims to not accept jdbcUrl", "Cannot load driver class", "No suitable driver");

	private final Environment environment;

	DatasourceFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		String url = this.environment.getProperty(URL_PROPERTY);
		if (url == null || url.isBlank()) {
			return null;
		}
		String shown = masked(url);
		Set<Throwable> seen = new HashSet<>();
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (isBadUrl(cause)) {
				return new FailureAnalysis(URL_PROPERTY + " is '" + shown + "', which is not a PostgreSQL JDBC URL.",
						"Set " + URL_PROPERTY + " (SPRING_DATASOURCE_URL) to " + EXAMPLE + ", with"
								+ " spring.datasource.username and spring.datasource.password, or remove it to use the"
								+ " embedded PostgreSQL in ./data/postgres.",
						failure);
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				FailureAnalysis analysis = connectionFailure(sql, shown, failure);
				if (analysis != null) {
					return analysis;
				}
			}
		}
		return null;
	}

	private static boolean isBadUrl(Throwable cause) {
		String message = cause.getMessage();
		return message != null && BAD_URL_MESSAGES.stream().anyMatch(message::contains);
	}

	/** By SQLSTATE class (PostgreSQL Appendix A): 08 connection, 28 authorization, 3D. */
	private static @Nullable FailureAnalysis connectionFailure(SQLException sql, String url, Throwable failure) {
		String state = sql.getSQLState();
		String reason = " The driver said: " + sql.getMessage();
		if (state.startsWith("08")) {
			return new FailureAnalysis("TLSWatch could not connect to the database at " + url + "." + reason,
					"Check that PostgreSQL runs and accepts TCP connections on that host and port (listen_addresses,"
							+ " pg_hba.conf, firewalls), correct " + URL_PROPERTY
							+ " (SPRING_DATASOURCE_URL, for example " + EXAMPLE
							+ "), or remove it to use the embedded PostgreSQL.",
					failure);
		}
		if (state.startsWith("28")) {
			return new FailureAnalysis("The database at " + url + " refused the sign-in." + reason,
					"Check spring.datasource.username and spring.datasource.password (SPRING_DATASOURCE_USERNAME,"
							+ " SPRING_DATASOURCE_PASSWORD) and the server's pg_hba.conf.",
					failure);
		}
		if (state.equals("3D000")) {
			return new FailureAnalysis("The database named in " + url + " does not exist." + reason,
					"Create it (createdb -h HOST -U USER DATABASE, or CREATE DATABASE in psql) or correct the database"
							+ " name at the end of " + URL_PROPERTY + ".",
					failure);
		}
		return null;
	}

	/** The URL without a password given as a parameter or in the user info. */
	static String masked(String url) {
		String masked = url.replaceAll("(?i)(password=)[^&;]*", "$1******")
			.replaceAll("//([^/@:]+):[^/@]*@", "//$1:******@");
		return (masked.length() > 300) ? masked.substring(0, 300) + "…" : masked;
	}

}
