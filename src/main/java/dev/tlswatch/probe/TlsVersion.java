package dev.tlswatch.probe;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A protocol version a server may accept, with the code it has on the wire
 * ({@code ProtocolVersion}, RFC 8446 §4.1.2 and Appendix B.3.1.1).
 */
public enum TlsVersion {

	/**
	 * SSL 2.0, never an RFC; prohibited by RFC 6176. Graded when known, not probed (its
	 * hello has another format).
	 */
	SSL_2_0(0x0002, "SSL 2.0", "SSLv2", "RFC 6176"),

	/** SSL 3.0, RFC 6101; prohibited by RFC 7568. */
	SSL_3_0(0x0300, "SSL 3.0", "SSLv3", "RFC 6101"),

	/** TLS 1.0, RFC 2246; deprecated by RFC 8996. */
	TLS_1_0(0x0301, "TLS 1.0", "TLSv1.0", "RFC 2246"),

	/** TLS 1.1, RFC 4346; deprecated by RFC 8996. */
	TLS_1_1(0x0302, "TLS 1.1", "TLSv1.1", "RFC 4346"),

	/** TLS 1.2, RFC 5246. */
	TLS_1_2(0x0303, "TLS 1.2", "TLSv1.2", "RFC 5246"),

	/** TLS 1.3, RFC 8446. */
	TLS_1_3(0x0304, "TLS 1.3", "TLSv1.3", "RFC 8446");

	private final int code;

	private final String displayName;

	private final String shortName;

	private final String specification;

	TlsVersion(int code, String displayName, String shortName, String specification) {
		this.code = code;
		this.displayName = displayName;
		this.shortName = shortName;
		this.specification = specification;
	}

	/**
	 * The versions a wire probe asks about, SSL 3.0 up.
	 * @return the probed versions, oldest first
	 */
	public static List<TlsVersion> probed() {
		return List.of(SSL_3_0, TLS_1_0, TLS_1_1, TLS_1_2, TLS_1_3);
	}

	/**
	 * The short name tools use ({@code SSLv3}, {@code TLSv1.0}... {@code TLSv1.3});
	 * JSSE's own names differ only for TLS 1.0, which it calls {@code TLSv1}.
	 * @return the short name
	 */
	public String shortName() {
		return this.shortName;
	}

	/**
	 * The two-byte version code, major byte first ({@code 0x0303} for TLS 1.2).
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * The name the RFC gives the version ({@code TLS 1.2}).
	 * @return the name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * The RFC that defines the version ({@code RFC 5246}).
	 * @return the RFC
	 */
	public String specification() {
		return this.specification;
	}

	/**
	 * Whether the IETF has deprecated or prohibited the version (RFC 7568, RFC 8996):
	 * everything before TLS 1.2.
	 * @return whether it is deprecated
	 */
	public boolean deprecated() {
		return compareTo(TLS_1_2) < 0;
	}

	/**
	 * Whether the IETF prohibited the version outright: SSL 2.0 (RFC 6176) and SSL 3.0
	 * (RFC 7568).
	 * @return whether it is prohibited
	 */
	public boolean prohibited() {
		return this == SSL_2_0 || this == SSL_3_0;
	}

	/**
	 * The version with a wire code.
	 * @param code the two-byte code
	 * @return the version, {@code null} for any other code (drafts, garbage)
	 */
	public static @Nullable TlsVersion ofCode(int code) {
		for (TlsVersion version : values()) {
			if (version.code == code) {
				return version;
			}
		}
		return null;
	}

}
