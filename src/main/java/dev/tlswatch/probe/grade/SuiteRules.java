package dev.tlswatch.probe.grade;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.GradeInput;
import dev.tlswatch.probe.TlsVersion;
import org.jspecify.annotations.Nullable;

/**
 * The cipher strength score and the caps on the accepted cipher suites. Rules that need
 * the absence of something (only RC4, no forward secrecy, no AEAD) are judged only when
 * the suites of every version are known (SSL 2.0 aside, whose suites are not in the TLS
 * registry).
 */
final class SuiteRules {

	// TLS 1.1 and newer are not vulnerable to BEAST, so RC4 and 64-bit blocks have no
	// excuse there (2009e warning, 2009j and 2017 caps)
	private static final Set<TlsVersion> MODERN = EnumSet.of(TlsVersion.TLS_1_1, TlsVersion.TLS_1_2,
			TlsVersion.TLS_1_3);

	private static final int MIN_BITS = 112;

	private static final int EXAMPLES = 3;

	private SuiteRules() {
	}

	/** The cipher strength score; 100 (the best case) when no suite is known. */
	static double score(GradeInput input) {
		List<CipherSuite> accepted = accepted(input);
		return accepted.isEmpty() ? 100 : Scores.cipher(accepted);
	}

	static void apply(GradeInput input, Reasons reasons) {
		Map<TlsVersion, List<CipherSuite>> suites = input.suites();
		Set<TlsVersion> versions = input.versions();
		if (suites == null || versions == null) {
			reasons.add(GradeRule.NOT_TESTED_SUITES);
			return;
		}
		untested(suites, versions, reasons);
		List<CipherSuite> accepted = accepted(input);
		boolean complete = complete(suites, versions);
		broken(accepted, reasons);
		rc4(suites, accepted, complete, reasons);
		smallBlocks(suites, reasons);
		if (complete) {
			missing(accepted, reasons);
		}
	}

	/** Every suite the input lists, each once; empty when the suites are unknown. */
	static List<CipherSuite> accepted(GradeInput input) {
		return accepted(input.suites(), (version) -> true);
	}

	/** Every suite accepted with the versions that pass, each once. */
	static List<CipherSuite> accepted(@Nullable Map<TlsVersion, List<CipherSuite>> suites,
			Predicate<TlsVersion> versions) {
		if (suites == null) {
			return List.of();
		}
		Set<CipherSuite> accepted = new LinkedHashSet<>();
		suites.forEach((version, list) -> {
			if (versions.test(version)) {
				list.stream().filter(SuiteFacts::isSuite).forEach(accepted::add);
			}
		});
		return List.copyOf(accepted);
	}

	private static void untested(Map<TlsVersion, List<CipherSuite>> suites, Set<TlsVersion> versions, Reasons reasons) {
		String missing = versions.stream()
			.filter((version) -> !suites.containsKey(version))
			.map(TlsVersion::shortName)
			.collect(Collectors.joining(", "));
		if (!missing.isEmpty()) {
			reasons.add(GradeRule.NOT_TESTED_SUITES, missing);
		}
	}

	private static boolean complete(Map<TlsVersion, List<CipherSuite>> suites, Set<TlsVersion> versions) {
		return versions.stream().allMatch((version) -> version == TlsVersion.SSL_2_0 || suites.containsKey(version));
	}

	// anonymous: key exchange 0 (guide); export: F since SSL Labs 1.17; under 112 bits: F
	// since 1.28.3
	private static void broken(List<CipherSuite> accepted, Reasons reasons) {
		addIfAny(accepted, SuiteFacts::isAnonymous, GradeRule.ANONYMOUS_SUITES, reasons);
		addIfAny(accepted, SuiteFacts::isExport, GradeRule.EXPORT_SUITES, reasons);
		addIfAny(accepted, (suite) -> suite.encryptionBits() < MIN_BITS, GradeRule.WEAK_CIPHERS, reasons);
	}

	// RC4 only: F (2009k); with TLS 1.1+: C (2009j); at all: B (2009i); the worst one
	// only
	private static void rc4(Map<TlsVersion, List<CipherSuite>> suites, List<CipherSuite> accepted, boolean complete,
			Reasons reasons) {
		List<CipherSuite> rc4 = accepted.stream().filter(SuiteFacts::isRc4).toList();
		if (rc4.isEmpty()) {
			return;
		}
		List<CipherSuite> modernRc4 = accepted(suites, MODERN::contains).stream().filter(SuiteFacts::isRc4).toList();
		if (complete && rc4.size() == accepted.size()) {
			reasons.add(GradeRule.RC4_ONLY, examples(rc4));
		}
		else if (!modernRc4.isEmpty()) {
			reasons.add(GradeRule.RC4_WITH_MODERN_PROTOCOLS, examples(modernRc4));
		}
		else {
			reasons.add(GradeRule.RC4_ACCEPTED, examples(rc4));
		}
	}

	// 3DES and other 64-bit block ciphers with TLS 1.1+: C (SSL Labs 1.28.3)
	private static void smallBlocks(Map<TlsVersion, List<CipherSuite>> suites, Reasons reasons) {
		addIfAny(accepted(suites, MODERN::contains), SuiteFacts::hasSmallBlocks,
				GradeRule.SMALL_BLOCK_WITH_MODERN_PROTOCOLS, reasons);
	}

	// no forward secrecy, no AEAD: B (SSL Labs 1.31); SSL Labs judges by simulated
	// handshakes, this by the absence of any such suite, which never grades lower
	private static void missing(List<CipherSuite> accepted, Reasons reasons) {
		if (accepted.isEmpty()) {
			return;
		}
		if (accepted.stream().noneMatch(CipherSuite::forwardSecret)) {
			reasons.add(GradeRule.NO_FORWARD_SECRECY);
		}
		if (accepted.stream().noneMatch(SuiteFacts::isAead)) {
			reasons.add(GradeRule.NO_AEAD);
		}
	}

	private static void addIfAny(List<CipherSuite> accepted, Predicate<CipherSuite> test, GradeRule rule,
			Reasons reasons) {
		List<CipherSuite> matching = accepted.stream().filter(test).toList();
		if (!matching.isEmpty()) {
			reasons.add(rule, examples(matching));
		}
	}

	private static String examples(List<CipherSuite> suites) {
		String names = suites.stream().limit(EXAMPLES).map(CipherSuite::name).collect(Collectors.joining(", "));
		return (suites.size() > EXAMPLES) ? names + " and " + (suites.size() - EXAMPLES) + " more" : names;
	}

}
