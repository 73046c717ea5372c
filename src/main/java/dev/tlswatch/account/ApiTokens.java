package dev.tlswatch.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.tlswatch.audit.Audit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: 256 random bits, shown once, stored as their SHA-256 (a token is
 * not a password: it has full entropy, so a fast hash suffices and lookups stay cheap). A
 * token acts for its owner with at most its role ceiling, until it expires or is revoked,
 * and only while its owner is enabled.
 */
@Service
@Transactional
public class ApiTokens {

	/** Every token starts so, which lets secret scanners recognise a leaked one. */
	public static final String TOKEN_PREFIX = "tlsw_";

	static final int MAX_NAME_LENGTH = 100;

	private static final int RANDOM_BYTES = 32;

	private static final int SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length() + 6;

	/** Last use is written at most once a minute per token, not on every request. */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private static final Pattern WELL_FORMED = Pattern.compile(Pattern.quote(TOKEN_PREFIX) + "[A-Za-z0-9_-]{43}");

	private static final String COLUMNS = "t.id, u.username, t.name, t.prefix, t.role_ceiling, t.created_at,"
			+ " t.expires_at, t.last_used_at, t.revoked_at from account_token t join account_user u on u.id = t.user_id";

	private static final Logger logger = LoggerFactory.getLogger(ApiTokens.class);

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Audit audit;

	ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock, Audit audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Create a token for a user.
	 * @param username the owner
	 * @param name what the token is for
	 * @param roleCeiling the highest role it grants; at most the owner's (or the caller's
	 * token's) role
	 * @param expiresAt when it stops working, {@code null} for never; in the future
	 * @return the stored token and its value, which is not kept
	 */
	public CreatedToken create(String username, String name, Role roleCeiling, @Nullable Instant expiresAt) {
		AccountUser owner = this.accounts.find(username)
			.orElseThrow(() -> new AccountNotFoundException("There is no user '" + username + "'."));
		String label = validName(name);
		if (!owner.role().includes(roleCeiling)) {
			throw new InvalidAccountException("roleCeiling",
					"must not be above the owner's role " + owner.role().name());
		}
		Instant now = now();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new InvalidAccountException("expiresAt", "must be in the future");
		}
		Instant expiry = (expiresAt != null) ? expiresAt.truncatedTo(ChronoUnit.MICROS) : null;
		String token = newToken();
		String prefix = token.substring(0, SHOWN_PREFIX_LENGTH);
		long id = this.jdbc
			.sql("insert into account_token (user_id, name, token_hash, prefix, role_ceiling, created_at, expires_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?) returning id")
			.params(owner.id(), label, hash(token), prefix, roleCeiling.name(), Accounts.timestamp(now),
					(expiry != null) ? Accounts.timestamp(expiry) : null)
			.query(Long.class)
			.single();
		logger.info("API token {} '{}' ({}…) created for user '{}'", id, label, prefix, owner.username());
		this.audit.record("TOKEN_CREATED", "token", Long.toString(id),
				"'" + label + "' (" + prefix + "…) for " + owner.username() + ", role ceiling " + roleCeiling);
		return new CreatedToken(
				new TokenDetails(id, owner.username(), label, prefix, roleCeiling, now, expiry, null, null), token);
	}

	@Transactional(readOnly = true)
	public List<TokenDetails> ofUser(String username) {
		return this.jdbc.sql("select " + COLUMNS + " where lower(u.username) = lower(?) order by t.created_at desc")
			.param(username)
			.query(ApiTokens::details)
			.list();
	}

	@Transactional(readOnly = true)
	public List<TokenDetails> all() {
		return this.jdbc.sql("select " + COLUMNS + " order by lower(u.username), t.created_at desc")
			.query(ApiTokens::details)
			.list();
	}

	@Transactional(readOnly = true)
	public TokenDetails get(long id) {
		return this.jdbc.sql("select " + COLUMNS + " where t.id = ?")
			.param(id)
			.query(ApiTokens::details)
			.optional()
			.orElseThrow(() -> new AccountNotFoundException("There is no token with id " + id + "."));
	}

	/**
	 * Revoke a token; revoking a revoked token changes nothing.
	 * @param id the token
	 * @return the token as now stored
	 */
	public TokenDetails revoke(long id) {
		TokenDetails token = get(id);
		this.jdbc.sql("update account_token set revoked_at = ? where id = ? and revoked_at is null")
			.params(Accounts.timestamp(now()), id)
			.update();
		logger.info("API token {} '{}' of user '{}' revoked", id, token.name(), token.username());
		this.audit.record("TOKEN_REVOKED", "token", Long.toString(id), "'" + token.name() + "' of " + token.username());
		return get(id);
	}

	/**
	 * Who a token speaks for.
	 * @param token the value sent by a client
	 * @return the owner and role, empty for an unknown, expired or revoked token or a
	 * disabled owner
	 */
	public Optional<TokenAuthentication> authenticate(String token) {
		if (!WELL_FORMED.matcher(token).matches()) {
			return Optional.empty();
		}
		Instant now = now();
		Optional<ActiveToken> found = this.jdbc
			.sql("select t.id, u.username, u.role, t.role_ceiling, t.last_used_at from account_token t"
					+ " join account_user u on u.id = t.user_id where t.token_hash = ? and u.enabled"
					+ " and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)")
			.params(hash(token), Accounts.timestamp(now))
			.query((rs, row) -> new ActiveToken(rs.getLong("id"), rs.getString("username"),
					Role.valueOf(rs.getString("role")).atMost(Role.valueOf(rs.getString("role_ceiling"))),
					instant(rs, "last_used_at")))
			.optional();
		found.filter(
				(active) -> active.lastUsedAt() == null || !active.lastUsedAt().plus(LAST_USED_RESOLUTION).isAfter(now))
			.ifPresent((active) -> this.jdbc.sql("update account_token set last_used_at = ? where id = ?")
				.params(Accounts.timestamp(now), active.id())
				.update());
		return found.map((active) -> new TokenAuthentication(active.id(), active.username(), active.role()));
	}

	private String newToken() {
		byte[] bytes = new byte[RANDOM_BYTES];
		this.random.nextBytes(bytes);
		return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The stored form of a token.
	 * @param token the token
	 * @return its SHA-256 in lower-case hex
	 */
	static String hash(String token) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static String validName(String name) {
		String label = name.strip();
		if (label.isEmpty() || label.length() > MAX_NAME_LENGTH || label.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidAccountException("name",
					"must be 1-" + MAX_NAME_LENGTH + " characters without control characters");
		}
		return label;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static TokenDetails details(ResultSet rs, int row) throws SQLException {
		return new TokenDetails(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
				rs.getString("prefix"), Role.valueOf(rs.getString("role_ceiling")),
				rs.getTimestamp("created_at").toInstant(), instant(rs, "expires_at"), instant(rs, "last_used_at"),
				instant(rs, "revoked_at"));
	}

	private record ActiveToken(long id, String username, Role role, @Nullable Instant lastUsedAt) {
	}

}
