package dev.tlswatch.scan;

/**
 * A protocol version a server may accept.
 */
public enum ProtocolVersion {

	/** SSL 2.0, prohibited by RFC 6176; probed with a CLIENT-HELLO of its own format. */
	SSL_2_0("SSL 2.0", true),

	/** SSL 3.0 (RFC 6101), prohibited by RFC 7568. */
	SSL_3_0("SSL 3.0", true),

	/** TLS 1.0 (RFC 2246), deprecated by RFC 8996. */
	TLS_1_0("TLS 1.0", true),

	/** TLS 1.1 (RFC 4346), deprecated by RFC 8996. */
	TLS_1_1("TLS 1.1", true),

	/** TLS 1.2 (RFC 5246). */
	TLS_1_2("TLS 1.2", false),

	/** TLS 1.3 (RFC 8446). */
	TLS_1_3("TLS 1.3", false);

	private final String displayName;

	private final boolean deprecated;

	ProtocolVersion(String displayName, boolean deprecated) {
		this.displayName = displayName;
		this.deprecated = deprecated;
	}

	/**
	 * The version's name in its RFC ({@code TLS 1.2}).
	 * @return the name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Whether the IETF has deprecated or prohibited the version (RFC 7568, RFC 8996).
	 * @return whether it is deprecated
	 */
	public boolean deprecated() {
		return this.deprecated;
	}

	/**
	 * Whether the IETF prohibited the version outright: SSL 2.0 (RFC 6176) and SSL 3.0
	 * (RFC 7568).
	 * @return whether it is prohibited
	 */
	public boolean prohibited() {
		return this == SSL_2_0 || this == SSL_3_0;
	}

}
