package dev.tlswatch.probe.wire;

/**
 * The signature schemes the TLS 1.2 and 1.3 ClientHellos offer in signature_algorithms,
 * with their codes (RFC 8446 §4.2.3; SHA-1 schemes for old certificates, RFC 5246
 * §7.4.1.4.1). A short list makes a server without a matching certificate fail: the
 * question is the version, not the signature.
 */
enum SignatureScheme {

	ECDSA_SECP256R1_SHA256(0x0403),

	ECDSA_SECP384R1_SHA384(0x0503),

	ECDSA_SECP521R1_SHA512(0x0603),

	ED25519(0x0807),

	ED448(0x0808),

	RSA_PSS_RSAE_SHA256(0x0804),

	RSA_PSS_RSAE_SHA384(0x0805),

	RSA_PSS_RSAE_SHA512(0x0806),

	RSA_PSS_PSS_SHA256(0x0809),

	RSA_PSS_PSS_SHA384(0x080A),

	RSA_PSS_PSS_SHA512(0x080B),

	RSA_PKCS1_SHA256(0x0401),

	RSA_PKCS1_SHA384(0x0501),

	RSA_PKCS1_SHA512(0x0601),

	ECDSA_SHA1(0x0203),

	RSA_PKCS1_SHA1(0x0201);

	private final int code;

	SignatureScheme(int code) {
		this.code = code;
	}

	int code() {
		return this.code;
	}

}
