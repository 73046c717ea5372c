package dev.tlswatch.probe;

/**
 * How a cipher suite protects a connection today.
 */
public enum CipherStrength {

	/**
	 * Broken or no protection: NULL encryption, anonymous key exchange, EXPORT grade,
	 * RC4, RC2, DES, 3DES, MD5 MACs.
	 */
	INSECURE,

	/**
	 * Sound but dated: CBC mode without AEAD, or a key exchange without forward secrecy
	 * (static RSA, static (EC)DH, plain PSK, Kerberos).
	 */
	WEAK,

	/** AEAD encryption with forward-secret key exchange (all TLS 1.3 suites). */
	STRONG,

	/**
	 * Not a cipher suite but a signal (TLS_EMPTY_RENEGOTIATION_INFO_SCSV,
	 * TLS_FALLBACK_SCSV).
	 */
	SIGNALLING

}
