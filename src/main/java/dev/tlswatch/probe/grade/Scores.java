package dev.tlswatch.probe.grade;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.TlsVersion;

/**
 * The three category scores of the rating guide (section Scoring) and their weighted sum.
 */
final class Scores {

	// guide 2009k, protocol support table; TLS 1.3 is not in the guide and scores like
	// TLS
	// 1.2 (as SSL Labs and testssl.sh show it)
	private static final Map<TlsVersion, Integer> PROTOCOL = Map.of(TlsVersion.SSL_2_0, 0, TlsVersion.SSL_3_0, 80,
			TlsVersion.TLS_1_0, 90, TlsVersion.TLS_1_1, 95, TlsVersion.TLS_1_2, 100, TlsVersion.TLS_1_3, 100);

	private Scores() {
	}

	/** Protocol support: the best protocol's score plus the worst's, halved. */
	static double protocol(Set<TlsVersion> versions) {
		int best = versions.stream().mapToInt(PROTOCOL::get).max().orElseThrow();
		int worst = versions.stream().mapToInt(PROTOCOL::get).min().orElseThrow();
		return (best + worst) / 2.0;
	}

	/** Cipher strength: the strongest suite's score plus the weakest's, halved. */
	static double cipher(Collection<CipherSuite> suites) {
		int best = suites.stream().mapToInt(Scores::cipherScore).max().orElseThrow();
		int worst = suites.stream().mapToInt(Scores::cipherScore).min().orElseThrow();
		return (best + worst) / 2.0;
	}

	// guide, cipher strength table
	private static int cipherScore(CipherSuite suite) {
		int bits = SuiteFacts.scoredBits(suite);
		if (bits == 0) {
			return 0;
		}
		if (bits < 128) {
			return 20;
		}
		return (bits < 256) ? 80 : 100;
	}

	/**
	 * The final score: 30% protocol, 30% key exchange, 40% cipher; zero when any category
	 * is zero (guide, Methodology Overview). Summed in tenths so that halves stay exact.
	 */
	static double total(double protocol, double keyExchange, double cipher) {
		if (protocol == 0 || keyExchange == 0 || cipher == 0) {
			return 0;
		}
		return (3 * protocol + 3 * keyExchange + 4 * cipher) / 10;
	}

}
