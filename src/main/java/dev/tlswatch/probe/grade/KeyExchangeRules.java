package dev.tlswatch.probe.grade;

import java.util.ArrayList;
import java.util.List;

import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.GradeInput;
import dev.tlswatch.probe.GradeInput.ServerKey;
import org.jspecify.annotations.Nullable;

/**
 * The key exchange score and the caps on the server key and the DH parameters. The guide
 * scores "key or DH parameter strength" and, for DHE and ECDHE, "the overall strength
 * will depend on its strength and the strength of the private key"; it does not say how
 * suites with different key exchanges combine, so the weakest key exchange the server
 * accepts counts (as in testssl.sh).
 */
final class KeyExchangeRules {

	private static final int MIN_DH_BITS = 1024;

	private static final int WEAK_DH_BITS = 2048;

	private KeyExchangeRules() {
	}

	/** The key exchange score; 100 (the best case) when nothing about it is known. */
	static double score(GradeInput input) {
		List<Integer> scores = new ArrayList<>();
		ServerKey key = input.serverKey();
		KeyStrength keyStrength = (key != null) ? KeyStrength.of(key) : null;
		if (keyStrength != null) {
			scores.add(keyStrength.score());
		}
		Integer dhBits = input.dhBits();
		if (dhBits != null) {
			scores.add(KeyStrength.ofFiniteField(dhBits).score());
		}
		Integer ecdhBits = input.ecdhBits();
		if (ecdhBits != null) {
			scores.add(KeyStrength.ofEllipticCurve(ecdhBits).score());
		}
		List<CipherSuite> accepted = SuiteRules.accepted(input);
		if (accepted.stream().anyMatch(SuiteFacts::isExport)) {
			// "Exportable key exchange (limited to 512 bits)": 40
			scores.add(KeyStrength.UNDER_1024.score());
		}
		if (accepted.stream().anyMatch(SuiteFacts::isAnonymous)) {
			// "Anonymous key exchange (no authentication)": 0
			scores.add(0);
		}
		return scores.stream().mapToInt(Integer::intValue).min().orElse(100);
	}

	static void apply(GradeInput input, Reasons reasons) {
		serverKey(input.serverKey(), reasons);
		dhParameters(input, reasons);
		ecdhGroups(input, reasons);
	}

	// under RSA 1024: F (2009e) and an insecure certificate key (guide 2009k); under
	// RSA 2048: B (2009e)
	private static void serverKey(@Nullable ServerKey key, Reasons reasons) {
		if (key == null) {
			reasons.add(GradeRule.NOT_TESTED_SERVER_KEY);
			return;
		}
		KeyStrength strength = KeyStrength.of(key);
		String detail = key.algorithm() + " " + key.bits() + " bits";
		if (strength == null) {
			reasons.add(GradeRule.NOT_TESTED_SERVER_KEY, "strength of " + detail + " unknown");
		}
		else if (strength.insecure()) {
			reasons.add(GradeRule.KEY_UNDER_1024, detail);
			reasons.add(GradeRule.CERT_INSECURE_KEY, detail);
		}
		else if (strength == KeyStrength.UNDER_2048) {
			reasons.add(GradeRule.KEY_UNDER_2048, detail);
		}
	}

	// under 1024 bits: F (SSL Labs 1.17, "insecure Diffie-Hellman (DH) key exchange
	// parameters"); under 2048 bits: B (2009j)
	private static void dhParameters(GradeInput input, Reasons reasons) {
		Integer bits = input.dhBits();
		if (bits == null) {
			if (SuiteRules.accepted(input).stream().anyMatch(SuiteFacts::isDhe)) {
				reasons.add(GradeRule.NOT_TESTED_DH);
			}
		}
		else if (bits < MIN_DH_BITS) {
			reasons.add(GradeRule.DH_UNDER_1024, bits + " bits");
		}
		else if (bits < WEAK_DH_BITS) {
			reasons.add(GradeRule.DH_UNDER_2048, bits + " bits");
		}
	}

	// EC groups only weigh in the score
	private static void ecdhGroups(GradeInput input, Reasons reasons) {
		if (input.ecdhBits() == null && SuiteRules.accepted(input).stream().anyMatch(SuiteFacts::isEcdheOrTls13)) {
			reasons.add(GradeRule.NOT_TESTED_ECDH);
		}
	}

}
