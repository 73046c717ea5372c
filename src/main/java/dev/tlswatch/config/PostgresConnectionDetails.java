package dev.tlswatch.config;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Connection details of a PostgreSQL server that TLSWatch (or a test) started itself.
 *
 * @param jdbcUrl the JDBC URL
 * @param username the user
 * @param password the password, empty for none
 */
public record PostgresConnectionDetails(String jdbcUrl, String username,
		String password) implements JdbcConnectionDetails {

	/**
	 * The superuser {@code postgres} without password on {@code localhost}, as embedded
	 * servers run.
	 * @param port the server's port
	 * @return the details
	 */
	public static PostgresConnectionDetails embedded(int port) {
		return new PostgresConnectionDetails("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
	}

	@Override
	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

}
