package dev.tlswatch.account;

/**
 * Who a valid token speaks for, and with which role.
 *
 * @param tokenId the token's id
 * @param username its owner
 * @param role the owner's role limited by the token's ceiling
 */
public record TokenAuthentication(long tokenId, String username, Role role) {
}
