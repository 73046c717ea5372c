package dev.tlswatch.scan;

/**
 * The kinds of problems a chain as sent can have.
 */
public enum ChainIssueType {

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

	/** A key is too small. */
	WEAK_KEY,

	/** A certificate is signed with SHA-1, MD5 or MD2. */
	WEAK_SIGNATURE,

	/** The leaf is not for TLS servers (extended key usage without serverAuth). */
	NO_SERVER_AUTH

}
