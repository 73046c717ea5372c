package dev.tlswatch.probe.wire;

import java.util.List;
import java.util.stream.Stream;

import dev.tlswatch.probe.KeyExchangeGroup;
import dev.tlswatch.probe.TlsVersion;

/**
 * The key exchange groups the ClientHellos can offer in supported_groups (IANA "TLS
 * Supported Groups"), each with its family and the versions it belongs to. The version
 * probe offers a short default list; the group probe offers every group of a version and
 * family, in this enum's order.
 */
enum NamedGroup {

	X25519(KeyExchangeGroup.X25519, Family.ELLIPTIC_CURVE, Use.ALL, true),

	SECP256R1(KeyExchangeGroup.SECP256R1, Family.ELLIPTIC_CURVE, Use.ALL, true),

	SECP384R1(KeyExchangeGroup.SECP384R1, Family.ELLIPTIC_CURVE, Use.ALL, true),

	SECP521R1(KeyExchangeGroup.SECP521R1, Family.ELLIPTIC_CURVE, Use.ALL, true),

	FFDHE2048(KeyExchangeGroup.FFDHE2048, Family.FINITE_FIELD, Use.ALL, true),

	/** The hybrid of ML-KEM-768 and X25519 (draft-ietf-tls-ecdhe-mlkem). */
	X25519MLKEM768(KeyExchangeGroup.X25519MLKEM768, Family.HYBRID, Use.TLS_1_3, true),

	SECP256R1MLKEM768(KeyExchangeGroup.SECP256R1MLKEM768, Family.HYBRID, Use.TLS_1_3, false),

	SECP384R1MLKEM1024(KeyExchangeGroup.SECP384R1MLKEM1024, Family.HYBRID, Use.TLS_1_3, false),

	X448(KeyExchangeGroup.X448, Family.ELLIPTIC_CURVE, Use.ALL, false),

	/** RFC 7027 curves; RFC 8446 §4.2.7 leaves them out of TLS 1.3. */
	BRAINPOOLP256R1(KeyExchangeGroup.BRAINPOOLP256R1, Family.ELLIPTIC_CURVE, Use.UP_TO_TLS_1_2, false),

	BRAINPOOLP384R1(KeyExchangeGroup.BRAINPOOLP384R1, Family.ELLIPTIC_CURVE, Use.UP_TO_TLS_1_2, false),

	BRAINPOOLP512R1(KeyExchangeGroup.BRAINPOOLP512R1, Family.ELLIPTIC_CURVE, Use.UP_TO_TLS_1_2, false),

	/** RFC 8734: the same curves, registered again for TLS 1.3. */
	BRAINPOOLP256R1TLS13(KeyExchangeGroup.BRAINPOOLP256R1TLS13, Family.ELLIPTIC_CURVE, Use.TLS_1_3, false),

	BRAINPOOLP384R1TLS13(KeyExchangeGroup.BRAINPOOLP384R1TLS13, Family.ELLIPTIC_CURVE, Use.TLS_1_3, false),

	BRAINPOOLP512R1TLS13(KeyExchangeGroup.BRAINPOOLP512R1TLS13, Family.ELLIPTIC_CURVE, Use.TLS_1_3, false),

	FFDHE3072(KeyExchangeGroup.FFDHE3072, Family.FINITE_FIELD, Use.ALL, false),

	FFDHE4096(KeyExchangeGroup.FFDHE4096, Family.FINITE_FIELD, Use.ALL, false),

	FFDHE6144(KeyExchangeGroup.FFDHE6144, Family.FINITE_FIELD, Use.ALL, false),

	FFDHE8192(KeyExchangeGroup.FFDHE8192, Family.FINITE_FIELD, Use.ALL, false);

	private final KeyExchangeGroup group;

	private final Family family;

	private final Use use;

	private final boolean offeredByDefault;

	NamedGroup(KeyExchangeGroup group, Family family, Use use, boolean offeredByDefault) {
		this.group = group;
		this.family = family;
		this.use = use;
		this.offeredByDefault = offeredByDefault;
	}

	int code() {
		return this.group.code();
	}

	KeyExchangeGroup group() {
		return this.group;
	}

	Family family() {
		return this.family;
	}

	/**
	 * The groups a ClientHello offering one version lists unless told otherwise.
	 * @param version the version offered, TLS 1.0 or later
	 * @return the groups
	 */
	static List<NamedGroup> offeredFor(TlsVersion version) {
		return Stream.of(values()).filter((group) -> group.offeredByDefault && group.use.includes(version)).toList();
	}

	/**
	 * Every group that a ClientHello offering a version may list.
	 * @param version the version offered
	 * @return the groups, in this enum's order
	 */
	static List<NamedGroup> usable(TlsVersion version) {
		return Stream.of(values()).filter((group) -> group.use.includes(version)).toList();
	}

	/**
	 * The codes of groups.
	 * @param groups the groups
	 * @return their codes, in the same order
	 */
	static List<Integer> codes(List<NamedGroup> groups) {
		return groups.stream().map(NamedGroup::code).toList();
	}

	/**
	 * Every group of one family that a ClientHello offering a version may list.
	 * @param version the version offered, TLS 1.0 or later
	 * @param family the family
	 * @return the groups, in this enum's order
	 */
	static List<NamedGroup> usable(TlsVersion version, Family family) {
		return Stream.of(values()).filter((group) -> group.family == family && group.use.includes(version)).toList();
	}

	/**
	 * The IANA name of a code.
	 * @param code the two-byte code
	 * @return the name if the group is one of ours, else the code in hex
	 */
	static String nameOf(int code) {
		return KeyExchangeGroup.byCode(code).map(KeyExchangeGroup::name).orElseGet(() -> Hex.u16(code));
	}

	/**
	 * How a group exchanges keys.
	 */
	enum Family {

		/** ECDHE, RFC 8422; in TLS 1.2 its ServerKeyExchange names the curve. */
		ELLIPTIC_CURVE,

		/** FFDHE, RFC 7919; in TLS 1.2 its ServerKeyExchange carries the prime. */
		FINITE_FIELD,

		/** A classical group combined with ML-KEM; TLS 1.3 only. */
		HYBRID

	}

	/**
	 * The versions a group belongs to.
	 */
	private enum Use {

		ALL, TLS_1_3, UP_TO_TLS_1_2;

		boolean includes(TlsVersion version) {
			return switch (this) {
				case ALL -> true;
				case TLS_1_3 -> version == TlsVersion.TLS_1_3;
				case UP_TO_TLS_1_2 -> version != TlsVersion.TLS_1_3;
			};
		}

	}

}
