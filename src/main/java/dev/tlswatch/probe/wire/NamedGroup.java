package dev.tlswatch.probe.wire;

import java.util.List;
import java.util.stream.Stream;

import dev.tlswatch.probe.TlsVersion;

/**
 * The key exchange groups the ClientHellos offer in supported_groups, with their IANA
 * "TLS Supported Groups" names and codes, in the order offered.
 */
enum NamedGroup {

	/** RFC 8422 §5.1.1, RFC 8446 §4.2.7. */
	X25519(0x001D, "x25519", false),

	/** RFC 8422 §5.1.1. */
	SECP256R1(0x0017, "secp256r1", false),

	/** RFC 8422 §5.1.1. */
	SECP384R1(0x0018, "secp384r1", false),

	/** RFC 8422 §5.1.1. */
	SECP521R1(0x0019, "secp521r1", false),

	/** RFC 7919 §2. */
	FFDHE2048(0x0100, "ffdhe2048", false),

	/**
	 * The hybrid of ML-KEM-768 and X25519 (draft-ietf-tls-ecdhe-mlkem); a key share of
	 * TLS 1.3 only.
	 */
	X25519MLKEM768(0x11EC, "X25519MLKEM768", true);

	private final int code;

	private final String ianaName;

	private final boolean tls13Only;

	NamedGroup(int code, String ianaName, boolean tls13Only) {
		this.code = code;
		this.ianaName = ianaName;
		this.tls13Only = tls13Only;
	}

	int code() {
		return this.code;
	}

	/**
	 * The groups a ClientHello offering one version lists.
	 * @param version the version offered, TLS 1.0 or later
	 * @return the groups
	 */
	static List<NamedGroup> offeredFor(TlsVersion version) {
		return Stream.of(values()).filter((group) -> version == TlsVersion.TLS_1_3 || !group.tls13Only).toList();
	}

	/**
	 * The IANA name of a code.
	 * @param code the two-byte code
	 * @return the name if the group is one of ours, else the code in hex
	 */
	static String nameOf(int code) {
		return Stream.of(values())
			.filter((group) -> group.code == code)
			.map((group) -> group.ianaName)
			.findFirst()
			.orElseGet(() -> Hex.u16(code));
	}

}
