package dev.tlswatch.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A key exchange group of the IANA "TLS Supported Groups" registry (RFC 8422 §5.1.1, RFC
 * 7919 §2, RFC 8446 §4.2.7), as the probes name it.
 *
 * @param code the two-byte code point ({@code 0x001D})
 * @param name the IANA name ({@code x25519}, {@code X25519MLKEM768})
 * @param postQuantum whether the group resists a quantum computer: the hybrids of ML-KEM
 * with a classical group (draft-ietf-tls-ecdhe-mlkem)
 * @param bits the size of the classical group in bits, as {@link GradeInput} takes it:
 * the field size of an elliptic curve ({@code 255} for x25519, {@code 256} for
 * secp256r1), the prime size of a finite-field group ({@code 2048} for ffdhe2048); for a
 * hybrid, that of its classical part. Not an RSA equivalent.
 */
public record KeyExchangeGroup(int code, String name, boolean postQuantum, int bits) {

	/** RFC 8422 §5.1.1. */
	public static final KeyExchangeGroup SECP256R1 = new KeyExchangeGroup(0x0017, "secp256r1", false, 256);

	/** RFC 8422 §5.1.1. */
	public static final KeyExchangeGroup SECP384R1 = new KeyExchangeGroup(0x0018, "secp384r1", false, 384);

	/** RFC 8422 §5.1.1. */
	public static final KeyExchangeGroup SECP521R1 = new KeyExchangeGroup(0x0019, "secp521r1", false, 521);

	/** RFC 7027; TLS 1.2 and earlier only. */
	public static final KeyExchangeGroup BRAINPOOLP256R1 = new KeyExchangeGroup(0x001A, "brainpoolP256r1", false, 256);

	/** RFC 7027; TLS 1.2 and earlier only. */
	public static final KeyExchangeGroup BRAINPOOLP384R1 = new KeyExchangeGroup(0x001B, "brainpoolP384r1", false, 384);

	/** RFC 7027; TLS 1.2 and earlier only. */
	public static final KeyExchangeGroup BRAINPOOLP512R1 = new KeyExchangeGroup(0x001C, "brainpoolP512r1", false, 512);

	/** RFC 8422 §5.1.1, RFC 7748. */
	public static final KeyExchangeGroup X25519 = new KeyExchangeGroup(0x001D, "x25519", false, 255);

	/** RFC 8422 §5.1.1, RFC 7748. */
	public static final KeyExchangeGroup X448 = new KeyExchangeGroup(0x001E, "x448", false, 448);

	/** RFC 8734; TLS 1.3 only. */
	public static final KeyExchangeGroup BRAINPOOLP256R1TLS13 = new KeyExchangeGroup(0x001F, "brainpoolP256r1tls13",
			false, 256);

	/** RFC 8734; TLS 1.3 only. */
	public static final KeyExchangeGroup BRAINPOOLP384R1TLS13 = new KeyExchangeGroup(0x0020, "brainpoolP384r1tls13",
			false, 384);

	/** RFC 8734; TLS 1.3 only. */
	public static final KeyExchangeGroup BRAINPOOLP512R1TLS13 = new KeyExchangeGroup(0x0021, "brainpoolP512r1tls13",
			false, 512);

	/** RFC 7919 §2. */
	public static final KeyExchangeGroup FFDHE2048 = new KeyExchangeGroup(0x0100, "ffdhe2048", false, 2048);

	/** RFC 7919 §2. */
	public static final KeyExchangeGroup FFDHE3072 = new KeyExchangeGroup(0x0101, "ffdhe3072", false, 3072);

	/** RFC 7919 §2. */
	public static final KeyExchangeGroup FFDHE4096 = new KeyExchangeGroup(0x0102, "ffdhe4096", false, 4096);

	/** RFC 7919 §2. */
	public static final KeyExchangeGroup FFDHE6144 = new KeyExchangeGroup(0x0103, "ffdhe6144", false, 6144);

	/** RFC 7919 §2. */
	public static final KeyExchangeGroup FFDHE8192 = new KeyExchangeGroup(0x0104, "ffdhe8192", false, 8192);

	/** ML-KEM-768 with secp256r1 (draft-ietf-tls-ecdhe-mlkem); TLS 1.3 only. */
	public static final KeyExchangeGroup SECP256R1MLKEM768 = new KeyExchangeGroup(0x11EB, "SecP256r1MLKEM768", true,
			256);

	/** ML-KEM-768 with X25519 (draft-ietf-tls-ecdhe-mlkem); TLS 1.3 only. */
	public static final KeyExchangeGroup X25519MLKEM768 = new KeyExchangeGroup(0x11EC, "X25519MLKEM768", true, 255);

	/** ML-KEM-1024 with secp384r1 (draft-ietf-tls-ecdhe-mlkem); TLS 1.3 only. */
	public static final KeyExchangeGroup SECP384R1MLKEM1024 = new KeyExchangeGroup(0x11ED, "SecP384r1MLKEM1024", true,
			384);

	private static final List<KeyExchangeGroup> KNOWN = List.of(SECP256R1, SECP384R1, SECP521R1, BRAINPOOLP256R1,
			BRAINPOOLP384R1, BRAINPOOLP512R1, X25519, X448, BRAINPOOLP256R1TLS13, BRAINPOOLP384R1TLS13,
			BRAINPOOLP512R1TLS13, FFDHE2048, FFDHE3072, FFDHE4096, FFDHE6144, FFDHE8192, SECP256R1MLKEM768,
			X25519MLKEM768, SECP384R1MLKEM1024);

	public KeyExchangeGroup {
		Objects.requireNonNull(name, "name");
		if (code < 0 || code > 0xFFFF) {
			throw new IllegalArgumentException("Group codes are two bytes, was " + code);
		}
		if (bits <= 0) {
			throw new IllegalArgumentException("bits must be positive, was " + bits);
		}
	}

	/**
	 * The groups the probes know, in code order.
	 * @return the groups
	 */
	public static List<KeyExchangeGroup> known() {
		return KNOWN;
	}

	/**
	 * The known group with a code.
	 * @param code two bytes
	 * @return the group, empty if the probes do not know it
	 */
	public static Optional<KeyExchangeGroup> byCode(int code) {
		return KNOWN.stream().filter((group) -> group.code == code).findFirst();
	}

	/** The code as {@code 0x11EC}. */
	public String hexCode() {
		return String.format("0x%04X", this.code);
	}

}
