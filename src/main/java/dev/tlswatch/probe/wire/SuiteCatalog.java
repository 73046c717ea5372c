package dev.tlswatch.probe.wire;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.CipherSuites;
import dev.tlswatch.probe.TlsVersion;

/**
 * The cipher suites the enumerating probes offer, taken from the whole IANA registry
 * ({@link CipherSuites}): for TLS 1.3 the suites of TLS 1.3, for SSL 3.0 to TLS 1.2 every
 * other suite. The common suites come first, so that a smaller ClientHello still holds
 * them; ChaCha20 suites come last, so that a server that moves them up when the client
 * lists one first (OpenSSL's PrioritizeChaCha) shows its usual order.
 */
final class SuiteCatalog {

	/**
	 * TLS_NULL_WITH_NULL_NULL: the state before the first handshake, which "MUST NOT be
	 * negotiated" (RFC 5246 Appendix A.5); never offered.
	 */
	static final int NULL_WITH_NULL_NULL = 0x0000;

	/**
	 * TLS_EMPTY_RENEGOTIATION_INFO_SCSV: asks for secure renegotiation in a ClientHello
	 * without extensions, RFC 5746 §3.3.
	 */
	static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00FF;

	/**
	 * RFC 9367: the GOST suites of TLS 1.3 keep the {@code _WITH_} names of the TLS 1.2
	 * ones (RFC 9189), so their names do not tell them apart.
	 */
	private static final Set<Integer> TLS_1_3_GOST = Set.of(0xC103, 0xC104, 0xC105, 0xC106);

	private SuiteCatalog() {
	}

	/**
	 * The suites to enumerate with a version.
	 * @param version the version, SSL 3.0 or later
	 * @return the codes, common suites first and ChaCha20 suites last
	 */
	static List<Integer> enumerable(TlsVersion version) {
		return ordered(version, (suite) -> true);
	}

	/**
	 * The suites to enumerate with a version whose key exchange matches.
	 * @param version the version, SSL 3.0 or later
	 * @param keyExchange which suites to keep
	 * @return the codes, in the order of {@link #enumerable(TlsVersion)}
	 */
	static List<Integer> enumerable(TlsVersion version, Predicate<CipherSuite> keyExchange) {
		return ordered(version, keyExchange);
	}

	/**
	 * Whether a suite belongs to TLS 1.3 only: its name has no key exchange (RFC 8446
	 * Appendix B.4, RFC 8998, RFC 9150), or it is one of the GOST suites of RFC 9367.
	 * @param suite the suite
	 * @return whether only TLS 1.3 negotiates it
	 */
	static boolean isTls13Only(CipherSuite suite) {
		return suite.keyExchange().equals("ANY") || TLS_1_3_GOST.contains(suite.code());
	}

	/**
	 * Whether a suite encrypts with ChaCha20.
	 * @param code the two-byte code
	 * @return whether it is a ChaCha20 suite
	 */
	static boolean isChaCha(int code) {
		return CipherSuites.byCode(code).map((suite) -> suite.encryption().startsWith("CHACHA20")).orElse(false);
	}

	private static List<Integer> ordered(TlsVersion version, Predicate<CipherSuite> filter) {
		Predicate<CipherSuite> offered = (suite) -> fits(suite, version) && filter.test(suite);
		Set<Integer> codes = new LinkedHashSet<>();
		// The broad list of the version probe holds the suites servers actually use
		for (dev.tlswatch.probe.wire.CipherSuite common : dev.tlswatch.probe.wire.CipherSuite.offeredFor(version)) {
			CipherSuites.byCode(common.code()).filter(offered).ifPresent((suite) -> codes.add(suite.code()));
		}
		CipherSuites.all().stream().filter(offered).forEach((suite) -> codes.add(suite.code()));
		List<Integer> chaChaLast = new ArrayList<>(codes.stream().filter((code) -> !isChaCha(code)).toList());
		codes.stream().filter(SuiteCatalog::isChaCha).forEach(chaChaLast::add);
		return List.copyOf(chaChaLast);
	}

	private static boolean fits(CipherSuite suite, TlsVersion version) {
		if (suite.strength() == CipherStrength.SIGNALLING || suite.code() == NULL_WITH_NULL_NULL) {
			return false;
		}
		return (version == TlsVersion.TLS_1_3) == isTls13Only(suite);
	}

}
