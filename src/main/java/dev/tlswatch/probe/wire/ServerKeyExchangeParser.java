package dev.tlswatch.probe.wire;

import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.CipherSuites;
import org.jspecify.annotations.Nullable;

/**
 * Reads the group out of a ServerKeyExchange of TLS 1.2 or earlier: the named curve of
 * ECDHE parameters (RFC 8422 §5.4), or the RFC 7919 group whose prime DHE parameters
 * carry (RFC 5246 §7.4.3). Only the parameters are read; the signature after them is not.
 */
final class ServerKeyExchangeParser {

	/** ECCurveType named_curve, RFC 8422 §5.4. */
	static final int NAMED_CURVE = 3;

	/** ECCurveType explicit_prime, deprecated by RFC 8422 §5.4. */
	static final int EXPLICIT_PRIME = 1;

	/** ECCurveType explicit_char2, deprecated by RFC 8422 §5.4. */
	static final int EXPLICIT_CHAR2 = 2;

	private ServerKeyExchangeParser() {
	}

	/**
	 * Whether a suite's ServerKeyExchange carries ECDHE parameters (ECDHE, and ECDH_anon,
	 * which is ephemeral too).
	 * @param suite the suite
	 * @return whether it does
	 */
	static boolean ellipticCurve(CipherSuite suite) {
		return suite.ellipticCurveExchange();
	}

	/**
	 * Whether a suite's ServerKeyExchange carries DHE parameters (DHE, and DH_anon).
	 * @param suite the suite
	 * @return whether it does
	 */
	static boolean finiteField(CipherSuite suite) {
		return suite.finiteFieldExchange();
	}

	/**
	 * The group a ServerKeyExchange names.
	 * @param cipherSuite the suite the ServerHello chose
	 * @param body the message without its handshake header
	 * @return the group's code; {@code null} for a suite without (EC)DHE parameters, an
	 * explicit curve, or a prime of no RFC 7919 group
	 * @throws MalformedMessageException if the parameters do not parse
	 */
	static @Nullable Integer group(int cipherSuite, byte[] body) throws MalformedMessageException {
		CipherSuite suite = CipherSuites.byCode(cipherSuite).orElse(null);
		if (suite == null) {
			return null;
		}
		TlsReader parameters = new TlsReader(body);
		if (suite.authentication().equals("PSK")) {
			// RFC 4279 §3 and RFC 5489 §2: the hint comes first
			parameters.u16Prefixed("psk_identity_hint");
		}
		if (ellipticCurve(suite)) {
			return namedCurve(parameters);
		}
		if (finiteField(suite)) {
			return FfdhePrimes.group(parameters);
		}
		return null;
	}

	/** RFC 8422 §5.4: ECParameters, then ECPoint public{@code <1..2^8-1>}. */
	private static @Nullable Integer namedCurve(TlsReader parameters) throws MalformedMessageException {
		int curveType = parameters.u8();
		if (curveType == EXPLICIT_PRIME || curveType == EXPLICIT_CHAR2) {
			return null;
		}
		if (curveType != NAMED_CURVE) {
			throw new MalformedMessageException("Unknown ECCurveType " + curveType + " in the ServerKeyExchange");
		}
		int group = parameters.u16();
		if (parameters.u8Prefixed("ECPoint").remaining() == 0) {
			throw new MalformedMessageException("Empty ECPoint in the ServerKeyExchange");
		}
		return group;
	}

}
