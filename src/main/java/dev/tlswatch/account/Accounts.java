package dev.tlswatch.account;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.tlswatch.audit.Audit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users: create, list, enable or disable, reset the password, change the role.
 * Passwords are stored only as {@link PasswordEncoder} hashes (bcrypt by default). One
 * enabled administrator always remains. A change of role, enabled state or password moves
 * the user's security stamp, which ends the user's sessions and remember-me cookies.
 */
@Service
@Transactional
public class Accounts {

	static final int MIN_PASSWORD_LENGTH = 10;

	/** bcrypt reads at most 72 bytes: longer passwords are refused, not cut. */
	static final int MAX_PASSWORD_BYTES = 72;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

	private static final Logger logger = LoggerFactory.getLogger(Accounts.class);

	private static final String COLUMNS = "id, username, role, enabled, created_at";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final Audit audit;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, Audit audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<AccountUser> list() {
		return this.jdbc.sql("select " + COLUMNS + " from account_user order by lower(username)")
			.query(Accounts::user)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<AccountUser> find(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from account_user where lower(username) = lower(?)")
			.param(username)
			.query(Accounts::user)
			.optional();
	}

	@Transactional(readOnly = true)
	public AccountUser get(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from account_user where id = ?")
			.param(id)
			.query(Accounts::user)
			.optional()
			.orElseThrow(() -> new AccountNotFoundException("There is no user with id " + id + "."));
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.jdbc.sql("select count(*) from account_user").query(Long.class).single();
	}

	/**
	 * Create a user.
	 * @param username the name to sign in with
	 * @param password the password, at least 10 characters and at most 72 bytes
	 * @param role the role
	 * @return the stored user
	 * @throws InvalidAccountException for a bad username or password
	 * @throws AccountConflictException when the username is taken
	 */
	public AccountUser create(String username, String password, Role role) {
		String name = validUsername(username);
		String hash = this.passwords.encode(validPassword(password));
		Instant now = now();
		try {
			long id = this.jdbc
				.sql("insert into account_user (username, password_hash, role, enabled, created_at, updated_at)"
						+ " values (?, ?, ?, true, ?, ?) returning id")
				.params(name, hash, role.name(), timestamp(now), timestamp(now))
				.query(Long.class)
				.single();
			logger.info("User '{}' created with role {}", name, role);
			this.audit.record("USER_CREATED", "user", Long.toString(id), name + " with role " + role);
			return new AccountUser(id, name, role, true, now);
		}
		catch (DuplicateKeyException ex) {
			throw new AccountConflictException("The username '" + name + "' is taken.");
		}
	}

	public AccountUser setEnabled(long id, boolean enabled) {
		AccountUser user = get(id);
		if (!enabled) {
			requireAnotherAdmin(user);
		}
		update("enabled = ?", enabled, id);
		logger.info("User '{}' {}", user.username(), enabled ? "enabled" : "disabled");
		this.audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", "user", Long.toString(id), user.username());
		return get(id);
	}

	public AccountUser setRole(long id, Role role) {
		AccountUser user = get(id);
		if (role != Role.ADMIN) {
			requireAnotherAdmin(user);
		}
		update("role = ?", role.name(), id);
		logger.info("User '{}' now has role {}", user.username(), role);
		this.audit.record("USER_ROLE_CHANGED", "user", Long.toString(id),
				user.username() + ": " + user.role() + " to " + role);
		return get(id);
	}

	public AccountUser resetPassword(long id, String password) {
		AccountUser user = get(id);
		update("password_hash = ?", this.passwords.encode(validPassword(password)), id);
		logger.info("Password of user '{}' reset", user.username());
		this.audit.record("USER_PASSWORD_RESET", "user", Long.toString(id), user.username());
		return user;
	}

	/**
	 * Change a user in one transaction: an invalid value changes nothing.
	 * @param id the user
	 * @param role a new role, or {@code null}
	 * @param enabled a new state, or {@code null}
	 * @param password a new password, or {@code null}
	 * @return the user as now stored
	 */
	public AccountUser change(long id, @Nullable Role role, @Nullable Boolean enabled, @Nullable String password) {
		get(id);
		if (password != null) {
			validPassword(password);
		}
		if (role != null) {
			setRole(id, role);
		}
		if (enabled != null) {
			setEnabled(id, enabled);
		}
		if (password != null) {
			resetPassword(id, password);
		}
		return get(id);
	}

	/**
	 * The stored hash for sign-in; package-private so that it never leaves the module.
	 */
	Optional<StoredCredentials> credentials(String username) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ ", password_hash, security_stamp from account_user where lower(username) = lower(?)")
			.param(username)
			.query((rs, row) -> new StoredCredentials(user(rs, row), rs.getString("password_hash"),
					rs.getLong("security_stamp")))
			.optional();
	}

	/**
	 * Whether a sign-in still holds: the user exists, is enabled, and neither the role
	 * nor the password has changed since (the security stamp is the same). Asked on every
	 * request of a dashboard session, so that taking a right away ends the sessions that
	 * had it at once, on every instance.
	 * @param user who signed in
	 * @return whether the session may go on
	 */
	@Transactional(readOnly = true)
	public boolean isCurrent(SignedInUser user) {
		return this.jdbc
			.sql("select count(*) from account_user where lower(username) = lower(?) and enabled"
					+ " and security_stamp = ?")
			.params(user.getUsername(), user.securityStamp())
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * The user's security stamp, which changes with every change of role, enabled state
	 * or password; remember-me cookies are signed with it.
	 * @param username the user
	 * @return the stamp, empty for an unknown user
	 */
	@Transactional(readOnly = true)
	public Optional<Long> securityStamp(String username) {
		return this.jdbc.sql("select security_stamp from account_user where lower(username) = lower(?)")
			.param(username)
			.query(Long.class)
			.optional();
	}

	/** Each change of what a user may do moves the stamp: their sessions end. */
	private void update(String assignment, Object value, long id) {
		this.jdbc
			.sql("update account_user set " + assignment
					+ ", security_stamp = security_stamp + 1, updated_at = ? where id = ?")
			.params(value, timestamp(now()), id)
			.update();
	}

	/** Lock the enabled admins so that two concurrent changes cannot remove the last. */
	private void requireAnotherAdmin(AccountUser user) {
		if (user.role() != Role.ADMIN || !user.enabled()) {
			return;
		}
		List<Long> admins = this.jdbc
			.sql("select id from account_user where role = 'ADMIN' and enabled and id <> ? for update")
			.param(user.id())
			.query(Long.class)
			.list();
		if (admins.isEmpty()) {
			throw new AccountConflictException(
					"'" + user.username() + "' is the last enabled administrator and must stay one.");
		}
	}

	static String validUsername(String username) {
		String name = username.strip();
		if (!USERNAME.matcher(name).matches()) {
			throw new InvalidAccountException("username",
					"must be 1-64 letters, digits or . _ @ - and start with a letter or digit");
		}
		return name;
	}

	static String validPassword(String password) {
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidAccountException("password",
					"must be at least " + MIN_PASSWORD_LENGTH + " characters long");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new InvalidAccountException("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes long");
		}
		return password;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static java.sql.Timestamp timestamp(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}

	static AccountUser user(ResultSet rs, int row) throws SQLException {
		return new AccountUser(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
				rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * A user with the stored password hash.
	 *
	 * @param user the user
	 * @param passwordHash the encoded password
	 * @param securityStamp the security stamp
	 */
	record StoredCredentials(AccountUser user, String passwordHash, long securityStamp) {
	}

}
