package dev.tlswatch.probe;

/**
 * The SSL and TLS protocol versions a server may accept, oldest first.
 */
public enum TlsVersion {

	/** SSL 2.0 (prohibited by RFC 6176). */
	SSL_2_0("SSLv2"),

	/** SSL 3.0 (RFC 6101, deprecated by RFC 7568). */
	SSL_3_0("SSLv3"),

	/** TLS 1.0 (RFC 2246, deprecated by RFC 8996). */
	TLS_1_0("TLSv1.0"),

	/** TLS 1.1 (RFC 4346, deprecated by RFC 8996). */
	TLS_1_1("TLSv1.1"),

	/** TLS 1.2 (RFC 5246). */
	TLS_1_2("TLSv1.2"),

	/** TLS 1.3 (RFC 8446). */
	TLS_1_3("TLSv1.3");

	private final String displayName;

	TlsVersion(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * The name as users know it, the same as JSSE's protocol names except for TLS 1.0,
	 * which JSSE calls {@code TLSv1}.
	 * @return {@code SSLv2}, {@code SSLv3}, {@code TLSv1.0}, {@code TLSv1.1},
	 * {@code TLSv1.2} or {@code TLSv1.3}
	 */
	public String displayName() {
		return this.displayName;
	}

}
