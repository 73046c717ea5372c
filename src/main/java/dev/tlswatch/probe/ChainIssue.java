package dev.tlswatch.probe;

import java.util.Objects;

/**
 * Something wrong with a chain as sent, found without a connection.
 *
 * @param type what is wrong
 * @param position the position in the chain as sent (0 = leaf) of the certificate it
 * concerns
 * @param detail a sentence for users, naming the certificate
 */
public record ChainIssue(Type type, int position, String detail) {

	public ChainIssue {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(detail, "detail");
	}

	/**
	 * The kinds of chain issues.
	 */
	public enum Type {

		/** An issuer on the way to a trust anchor was not sent and is not an anchor. */
		INCOMPLETE,

		/** The certificates are not sent leaf first, each followed by its issuer. */
		WRONG_ORDER,

		/** The leaf signs itself. */
		SELF_SIGNED_LEAF,

		/** A certificate has expired. */
		EXPIRED,

		/** A certificate is not valid yet. */
		NOT_YET_VALID,

		/** A key is too small: RSA or DSA under 2048 bits, EC under 224 bits. */
		WEAK_KEY,

		/**
		 * A certificate is signed with SHA-1, MD5 or MD2 (a root's self-signature does
		 * not count).
		 */
		WEAK_SIGNATURE,

		/** The leaf has extended key usages, none of them serverAuth. */
		NO_SERVER_AUTH

	}

}
