package dev.tlswatch.probe;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the IANA TLS Cipher Suites registry with its parts.
 *
 * @param code the two-byte code point ({@code 0xC02F})
 * @param name the IANA name ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256})
 * @param keyExchange the key exchange ({@code ECDHE}, {@code RSA}, {@code DH_anon}...;
 * {@code ANY} for TLS 1.3 suites, whose key exchange is negotiated separately)
 * @param authentication the server authentication ({@code RSA}, {@code ECDSA},
 * {@code anon}, {@code PSK}...; {@code ANY} for TLS 1.3)
 * @param encryption the bulk cipher and mode ({@code AES_128_GCM}, {@code 3DES_EDE_CBC},
 * {@code NULL}...)
 * @param encryptionBits the cipher's effective key strength in bits (0 for NULL)
 * @param mac the MAC or PRF hash ({@code SHA256}, {@code SHA}, {@code MD5}; {@code AEAD}
 * for AEAD suites without a named hash)
 * @param strength the classification
 * @param reasons why the suite is not {@link CipherStrength#STRONG}, empty if it is
 */
public record CipherSuite(int code, String name, String keyExchange, String authentication, String encryption,
		int encryptionBits, String mac, CipherStrength strength, List<String> reasons) {

	public CipherSuite {
		Objects.requireNonNull(name, "name");
		reasons = List.copyOf(reasons);
		if (code < 0 || code > 0xFFFF) {
			throw new IllegalArgumentException("Cipher suite codes are two bytes, was " + code);
		}
	}

	/** Whether the suite offers forward secrecy (ephemeral key exchange, or TLS 1.3). */
	public boolean forwardSecret() {
		return this.keyExchange.startsWith("DHE") || this.keyExchange.startsWith("ECDHE")
				|| this.keyExchange.equals("ANY") || this.keyExchange.equals("ECCPWD");
	}

	/**
	 * Whether the server's key exchange message carries an elliptic curve: ECDHE, and
	 * ECDH_anon, which is ephemeral too (RFC 8422 §5.4).
	 * @return whether a ServerKeyExchange of this suite names a curve
	 */
	public boolean ellipticCurveExchange() {
		return this.keyExchange.equals("ECDHE")
				|| (this.keyExchange.equals("ECDH") && this.authentication.equals("anon"));
	}

	/**
	 * Whether the server's key exchange message carries finite-field Diffie-Hellman
	 * parameters: DHE, and DH_anon.
	 * @return whether a ServerKeyExchange of this suite carries a prime
	 */
	public boolean finiteFieldExchange() {
		return this.keyExchange.equals("DHE") || (this.keyExchange.equals("DH") && this.authentication.equals("anon"));
	}

	/** The code as {@code 0xC02F}. */
	public String hexCode() {
		return String.format("0x%04X", this.code);
	}

}
