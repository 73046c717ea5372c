package dev.tlswatch.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A personal API token as listed: never the token itself, which is shown only once.
 *
 * @param id the token's id
 * @param username whose token it is
 * @param name what the owner called it
 * @param prefix the token's first characters, to tell tokens apart
 * @param roleCeiling the highest role the token grants (never more than its owner's)
 * @param createdAt when it was created
 * @param expiresAt when it stops working, {@code null} for never
 * @param lastUsedAt when it was last used (to the minute), {@code null} for never
 * @param revokedAt when it was revoked, {@code null} while it is not
 */
public record TokenDetails(long id, String username, String name, String prefix, Role roleCeiling, Instant createdAt,
		@Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	/**
	 * Whether the token works at the given time (its owner permitting).
	 * @param now the time
	 * @return {@code true} unless revoked or expired
	 */
	public boolean activeAt(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
	}

	/**
	 * The token's state in one word.
	 * @param now the time
	 * @return {@code active}, {@code expired} or {@code revoked}
	 */
	public String stateAt(Instant now) {
		if (this.revokedAt != null) {
			return "revoked";
		}
		return activeAt(now) ? "active" : "expired";
	}

}
