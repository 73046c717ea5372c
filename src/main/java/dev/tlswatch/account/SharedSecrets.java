package dev.tlswatch.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secrets every instance of a cluster must share, kept in the database: the first
 * instance that asks for one makes it (32 random bytes), every other instance reads the
 * same value. Used for the key that signs remember-me cookies when none is configured, so
 * that a cookie made by one instance is valid on all of them and after a restart.
 */
@Component
public class SharedSecrets {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

	private static final int SECRET_BYTES = 32;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SharedSecrets(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The secret of this name, made now if no instance has made it yet.
	 * @param name a lower-case name such as {@code remember-me-key}
	 * @return the secret, Base64
	 */
	@Transactional
	public String get(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Invalid secret name: " + name);
		}
		byte[] bytes = new byte[SECRET_BYTES];
		this.random.nextBytes(bytes);
		// Two instances starting at once: the first insert wins, both read its value.
		this.jdbc
			.sql("insert into account_secret (name, value, created_at) values (?, ?, ?) on conflict (name) do nothing")
			.params(name, Base64.getEncoder().encodeToString(bytes), Accounts.timestamp(this.clock.instant()))
			.update();
		return this.jdbc.sql("select value from account_secret where name = ?")
			.param(name)
			.query(String.class)
			.single();
	}

}
