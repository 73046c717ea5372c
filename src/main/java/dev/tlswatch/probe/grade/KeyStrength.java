package dev.tlswatch.probe.grade;

import java.util.Locale;
import java.util.Set;

import dev.tlswatch.probe.GradeInput.ServerKey;
import org.jspecify.annotations.Nullable;

/**
 * The bands of the guide's key exchange table ("Key or DH parameter strength"), in RSA
 * bits, with their scores. Elliptic-curve sizes are mapped to the RSA band of similar
 * strength as testssl.sh does (the guide has no EC rows): under 110 bits, 123, 163 and
 * 225.
 */
enum KeyStrength {

	/** Under 512 bits: 20. */
	UNDER_512(20),

	/** Under 1024 bits (e.g. 512, export grade): 40. */
	UNDER_1024(40),

	/** Under 2048 bits (e.g. 1024): 80. */
	UNDER_2048(80),

	/** Under 4096 bits (e.g. 2048): 90. */
	UNDER_4096(90),

	/** 4096 bits or more: 100. */
	AT_LEAST_4096(100);

	// RSA and the finite-field algorithms, as CertificateInfo#keyAlgorithm names them
	private static final Set<String> FINITE_FIELD = Set.of("RSA", "RSASSA-PSS", "DSA", "DH", "DIFFIEHELLMAN");

	private static final Set<String> ELLIPTIC_CURVE = Set.of("EC", "ECDSA", "ECDH", "ED25519", "ED448", "EDDSA",
			"X25519", "X448");

	private final int score;

	KeyStrength(int score) {
		this.score = score;
	}

	int score() {
		return this.score;
	}

	/** The band of an RSA, DSA or finite-field DH size. */
	static KeyStrength ofFiniteField(int bits) {
		if (bits < 512) {
			return UNDER_512;
		}
		if (bits < 1024) {
			return UNDER_1024;
		}
		if (bits < 2048) {
			return UNDER_2048;
		}
		return (bits < 4096) ? UNDER_4096 : AT_LEAST_4096;
	}

	/** The band of an elliptic-curve size (field size in bits). */
	static KeyStrength ofEllipticCurve(int bits) {
		if (bits < 110) {
			return UNDER_512;
		}
		if (bits < 123) {
			return UNDER_1024;
		}
		if (bits < 163) {
			return UNDER_2048;
		}
		return (bits < 225) ? UNDER_4096 : AT_LEAST_4096;
	}

	/**
	 * The band of a server key.
	 * @return the band, {@code null} for an algorithm of unknown family
	 */
	static @Nullable KeyStrength of(ServerKey key) {
		String algorithm = key.algorithm().toUpperCase(Locale.ROOT);
		if (FINITE_FIELD.contains(algorithm)) {
			return ofFiniteField(key.bits());
		}
		if (ELLIPTIC_CURVE.contains(algorithm)) {
			return ofEllipticCurve(key.bits());
		}
		return null;
	}

	/** Whether the band is under RSA 1024, the line of the guide's "insecure" keys. */
	boolean insecure() {
		return this.compareTo(UNDER_2048) < 0;
	}

}
