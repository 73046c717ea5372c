package dev.tlswatch.probe.cert;

import java.security.PublicKey;
import java.security.interfaces.DSAKey;
import java.security.interfaces.DSAParams;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;

import org.jspecify.annotations.Nullable;

/**
 * Algorithm name and size of a public key, as a certificate carries it.
 */
final class KeyFacts {

	private KeyFacts() {
	}

	/**
	 * The key algorithm: {@code RSA}, {@code RSASSA-PSS}, {@code EC}, {@code DSA}, or for
	 * the RFC 8410 keys the curve ({@code Ed25519}, {@code Ed448}, {@code X25519},
	 * {@code X448}).
	 * @param key the key
	 * @return its algorithm
	 */
	static String algorithm(PublicKey key) {
		String curve = rfc8410Curve(key);
		return (curve != null) ? curve : key.getAlgorithm();
	}

	/**
	 * The key size in bits: the RSA modulus length, the EC field size, 255 or 448 for the
	 * RFC 8410 curves, the DSA prime length.
	 * @param key the key
	 * @return the size, or {@code null} when unknown
	 */
	static @Nullable Integer size(PublicKey key) {
		if (key instanceof RSAKey rsa) {
			return rsa.getModulus().bitLength();
		}
		if (key instanceof ECKey ec && ec.getParams() != null) {
			return ec.getParams().getCurve().getField().getFieldSize();
		}
		if (key instanceof DSAKey dsa) {
			DSAParams params = dsa.getParams();
			return (params != null) ? params.getP().bitLength() : null;
		}
		return rfc8410Size(rfc8410Curve(key));
	}

	private static @Nullable String rfc8410Curve(PublicKey key) {
		AlgorithmParameterSpec params = null;
		if (key instanceof EdECKey edEc) {
			params = edEc.getParams();
		}
		else if (key instanceof XECKey xec) {
			params = xec.getParams();
		}
		return (params instanceof NamedParameterSpec named) ? named.getName() : null;
	}

	private static @Nullable Integer rfc8410Size(@Nullable String curve) {
		if (curve == null) {
			return null;
		}
		return switch (curve) {
			case "Ed25519", "X25519" -> 255;
			case "Ed448", "X448" -> 448;
			default -> null;
		};
	}

}
