package dev.tlswatch.account;

import java.time.Instant;

/**
 * A user as the rest of the application sees it: never with the password hash.
 *
 * @param id the user's id
 * @param username the name used to sign in
 * @param role what the user may do
 * @param enabled whether the user may sign in and use tokens
 * @param createdAt when the user was created
 */
public record AccountUser(long id, String username, Role role, boolean enabled, Instant createdAt) {
}
