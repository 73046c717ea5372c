package dev.tlswatch.account;

/**
 * A token just created: the only time its secret value exists outside the caller's hands.
 *
 * @param details the stored token
 * @param token the value to send as {@code Authorization: Bearer <token>}
 */
public record CreatedToken(TokenDetails details, String token) {

	@Override
	public String toString() {
		return "CreatedToken[" + this.details + "]";
	}

}
