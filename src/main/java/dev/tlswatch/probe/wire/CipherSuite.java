package dev.tlswatch.probe.wire;

import java.util.List;
import java.util.stream.Stream;

import dev.tlswatch.probe.TlsVersion;

/**
 * The cipher suites the ClientHellos offer, named as in the IANA "TLS Cipher Suites"
 * registry, with their two-byte codes and the versions they belong to. Each version's
 * list is broad on purpose, so that an old server finds a suite it accepts: the question
 * is the version, not the suite.
 */
enum CipherSuite {

	// RFC 8446 Appendix B.4
	TLS_AES_128_GCM_SHA256(0x1301, Versions.TLS_1_3), TLS_AES_256_GCM_SHA384(0x1302, Versions.TLS_1_3),
	TLS_CHACHA20_POLY1305_SHA256(0x1303, Versions.TLS_1_3), TLS_AES_128_CCM_SHA256(0x1304, Versions.TLS_1_3),
	TLS_AES_128_CCM_8_SHA256(0x1305, Versions.TLS_1_3),

	// AEAD: RFC 5288, RFC 5289, RFC 7905
	TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xC02B, Versions.TLS_1_2),
	TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xC02F, Versions.TLS_1_2),
	TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xC02C, Versions.TLS_1_2),
	TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xC030, Versions.TLS_1_2),
	TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA9, Versions.TLS_1_2),
	TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA8, Versions.TLS_1_2),
	TLS_DHE_RSA_WITH_AES_128_GCM_SHA256(0x009E, Versions.TLS_1_2),
	TLS_DHE_RSA_WITH_AES_256_GCM_SHA384(0x009F, Versions.TLS_1_2),
	TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCAA, Versions.TLS_1_2),

	// CBC with SHA-2: RFC 5246 Appendix A.5, RFC 5289
	TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256(0xC023, Versions.TLS_1_2),
	TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256(0xC027, Versions.TLS_1_2),
	TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384(0xC024, Versions.TLS_1_2),
	TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384(0xC028, Versions.TLS_1_2),
	TLS_DHE_RSA_WITH_AES_128_CBC_SHA256(0x0067, Versions.TLS_1_2),
	TLS_DHE_RSA_WITH_AES_256_CBC_SHA256(0x006B, Versions.TLS_1_2),

	// RSA key transport with AEAD: RFC 5288
	TLS_RSA_WITH_AES_128_GCM_SHA256(0x009C, Versions.TLS_1_2),
	TLS_RSA_WITH_AES_256_GCM_SHA384(0x009D, Versions.TLS_1_2),
	TLS_RSA_WITH_AES_128_CBC_SHA256(0x003C, Versions.TLS_1_2),
	TLS_RSA_WITH_AES_256_CBC_SHA256(0x003D, Versions.TLS_1_2),

	// Elliptic curves: RFC 8422 §6, RC4 from RFC 4492 §6
	TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA(0xC009, Versions.TLS_1_0_TO_1_2),
	TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA(0xC013, Versions.TLS_1_0_TO_1_2),
	TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA(0xC00A, Versions.TLS_1_0_TO_1_2),
	TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA(0xC014, Versions.TLS_1_0_TO_1_2),
	TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA(0xC008, Versions.TLS_1_0_TO_1_2),
	TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA(0xC012, Versions.TLS_1_0_TO_1_2),
	TLS_ECDHE_ECDSA_WITH_RC4_128_SHA(0xC007, Versions.TLS_1_0_TO_1_2),
	TLS_ECDHE_RSA_WITH_RC4_128_SHA(0xC011, Versions.TLS_1_0_TO_1_2),

	// Finite-field and RSA: RFC 5246 Appendix A.5, AES from RFC 3268, Camellia from RFC
	// 5932; servers of SSL 3.0 accept them too
	TLS_DHE_RSA_WITH_AES_128_CBC_SHA(0x0033, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_DHE_RSA_WITH_AES_256_CBC_SHA(0x0039, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_DHE_DSS_WITH_AES_128_CBC_SHA(0x0032, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_DHE_DSS_WITH_AES_256_CBC_SHA(0x0038, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_RSA_WITH_AES_128_CBC_SHA(0x002F, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_RSA_WITH_AES_256_CBC_SHA(0x0035, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_RSA_WITH_CAMELLIA_128_CBC_SHA(0x0041, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_RSA_WITH_CAMELLIA_256_CBC_SHA(0x0084, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA(0x0016, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_RSA_WITH_3DES_EDE_CBC_SHA(0x000A, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_RSA_WITH_RC4_128_SHA(0x0005, Versions.SSL_3_0_TO_TLS_1_2),
	TLS_RSA_WITH_RC4_128_MD5(0x0004, Versions.SSL_3_0_TO_TLS_1_2),

	// Not a suite: asks for secure renegotiation where a ClientHello carries no
	// extensions (SSL 3.0), RFC 5746 §3.3; TLS ClientHellos send renegotiation_info
	TLS_EMPTY_RENEGOTIATION_INFO_SCSV(0x00FF, Versions.SSL_3_0);

	private final int code;

	private final Versions versions;

	CipherSuite(int code, Versions versions) {
		this.code = code;
		this.versions = versions;
	}

	int code() {
		return this.code;
	}

	/**
	 * The suites a ClientHello offering one version lists, in this enum's order.
	 * @param version the version offered
	 * @return the suites
	 */
	static List<CipherSuite> offeredFor(TlsVersion version) {
		return Stream.of(values()).filter((suite) -> suite.versions.include(version)).toList();
	}

	/**
	 * Whether a ClientHello offering a version lists a real suite of that code (the
	 * signalling value is not one a server may choose).
	 * @param code the two-byte code
	 * @param version the version offered
	 * @return whether a server may choose it
	 */
	static boolean isOffered(int code, TlsVersion version) {
		return offeredFor(version).stream()
			.anyMatch((suite) -> suite.code == code && suite != TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
	}

	/**
	 * The IANA name of a code.
	 * @param code the two-byte code
	 * @return the name if the suite is one of ours, else the code in hex
	 */
	static String nameOf(int code) {
		return Stream.of(values())
			.filter((suite) -> suite.code == code)
			.map(CipherSuite::name)
			.findFirst()
			.orElseGet(() -> Hex.u16(code));
	}

	/**
	 * The versions a ClientHello offers a suite with.
	 */
	private enum Versions {

		TLS_1_3(TlsVersion.TLS_1_3, TlsVersion.TLS_1_3),

		TLS_1_2(TlsVersion.TLS_1_2, TlsVersion.TLS_1_2),

		TLS_1_0_TO_1_2(TlsVersion.TLS_1_0, TlsVersion.TLS_1_2),

		SSL_3_0_TO_TLS_1_2(TlsVersion.SSL_3_0, TlsVersion.TLS_1_2),

		SSL_3_0(TlsVersion.SSL_3_0, TlsVersion.SSL_3_0);

		private final TlsVersion first;

		private final TlsVersion last;

		Versions(TlsVersion first, TlsVersion last) {
			this.first = first;
			this.last = last;
		}

		boolean include(TlsVersion version) {
			return version.compareTo(this.first) >= 0 && version.compareTo(this.last) <= 0;
		}

	}

}
