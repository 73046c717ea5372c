package dev.tlswatch.probe.grade;

import java.util.List;

import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.CipherSuite;

/**
 * What the rating guide asks of a cipher suite, read from its registry parts.
 */
final class SuiteFacts {

	// ciphers with 64-bit blocks (Sweet32): 3DES, DES, IDEA, RC2 and GOST 28147-89
	// (Magma)
	private static final List<String> SMALL_BLOCK_CIPHERS = List.of("3DES", "DES", "IDEA", "RC2", "28147", "MAGMA");

	private SuiteFacts() {
	}

	/** Whether it is a cipher suite rather than a signal (TLS_FALLBACK_SCSV...). */
	static boolean isSuite(CipherSuite suite) {
		return suite.strength() != CipherStrength.SIGNALLING;
	}

	static boolean isAnonymous(CipherSuite suite) {
		return suite.authentication().equals("anon") || suite.keyExchange().equals("NULL");
	}

	static boolean isExport(CipherSuite suite) {
		return suite.name().contains("_EXPORT");
	}

	static boolean isRc4(CipherSuite suite) {
		return suite.encryption().startsWith("RC4");
	}

	static boolean hasSmallBlocks(CipherSuite suite) {
		return SMALL_BLOCK_CIPHERS.stream().anyMatch(suite.encryption()::startsWith);
	}

	static boolean isAead(CipherSuite suite) {
		return suite.mac().equals("AEAD") || suite.encryption().matches(".*(GCM|CCM|POLY1305|MGM|OCB|AEGIS).*");
	}

	static boolean isDhe(CipherSuite suite) {
		return suite.keyExchange().startsWith("DHE");
	}

	static boolean isEcdheOrTls13(CipherSuite suite) {
		return suite.keyExchange().startsWith("ECDHE") || suite.keyExchange().equals("ANY");
	}

	/**
	 * The key size the guide's cipher strength table scores: the suite's key bits, except
	 * 3DES, which the table counts as 168 bits ("&lt; 256 bits (e.g., 128, 168)") though
	 * its effective strength is 112.
	 */
	static int scoredBits(CipherSuite suite) {
		return suite.encryption().startsWith("3DES") ? 168 : suite.encryptionBits();
	}

}
