package dev.tlswatch.probe.wire;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Tells the finite-field groups of RFC 7919 by their primes. A TLS 1.2 ServerKeyExchange
 * carries the prime, not the group's name; the five primes are known by their SHA-256 (of
 * the big-endian bytes without leading zeros), which a test checks against the primes
 * computed by the formula of RFC 7919 Appendix A.
 */
final class FfdhePrimes {

	private static final HexFormat hex = HexFormat.of();

	private static final Map<String, NamedGroup> byDigest = Map.of(
			"9cd3b7f336872f46c09428d1bbc19877a4d440512cda8d1c1cf0cd6e33698966", NamedGroup.FFDHE2048,
			"0eaf67db3a839156d5013494a5318a772b5697d270d721f37f092efc69ea5a17", NamedGroup.FFDHE3072,
			"4648414224ac881b3d0dc59b466f96d06a558278776807797ecf1f66ff397b3e", NamedGroup.FFDHE4096,
			"227ac9066b3ddd9e193670cda2388fa884f65ba0cf98b742d1fe77a6687c79c7", NamedGroup.FFDHE6144,
			"770b14efaf6f049929c523113b3fa99a8d11dab1b18af3609590122075d19833", NamedGroup.FFDHE8192);

	private FfdhePrimes() {
	}

	/**
	 * RFC 5246 §7.4.3: ServerDHParams, dh_p, dh_g and dh_Ys, each {@code <1..2^16-1>}.
	 * @param parameters the reader at the start of ServerDHParams
	 * @return the code of the RFC 7919 group with this prime, {@code null} for any other
	 * prime
	 * @throws MalformedMessageException if the parameters do not parse
	 */
	static @Nullable Integer group(TlsReader parameters) throws MalformedMessageException {
		byte[] prime = nonEmpty(parameters.u16Prefixed("dh_p"), "dh_p");
		nonEmpty(parameters.u16Prefixed("dh_g"), "dh_g");
		nonEmpty(parameters.u16Prefixed("dh_Ys"), "dh_Ys");
		NamedGroup group = byDigest.get(hex.formatHex(sha256(withoutLeadingZeros(prime))));
		return (group != null) ? group.code() : null;
	}

	/**
	 * The SHA-256 of a prime's bytes, as this class knows the primes.
	 * @param prime big-endian, without leading zeros
	 * @return the digest
	 */
	static byte[] sha256(byte[] prime) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(prime);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private static byte[] nonEmpty(TlsReader vector, String what) throws MalformedMessageException {
		if (vector.remaining() == 0) {
			throw new MalformedMessageException("Empty " + what + " in the ServerKeyExchange");
		}
		return vector.bytes(vector.remaining(), what);
	}

	private static byte[] withoutLeadingZeros(byte[] value) {
		int start = 0;
		while (start < value.length - 1 && value[start] == 0) {
			start++;
		}
		return Arrays.copyOfRange(value, start, value.length);
	}

}
