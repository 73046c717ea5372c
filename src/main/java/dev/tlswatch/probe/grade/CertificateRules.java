package dev.tlswatch.probe.grade;

import java.util.List;
import java.util.Locale;

import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.GradeInput;
import dev.tlswatch.probe.TrustStatus;
import org.jspecify.annotations.Nullable;

/**
 * The certificate failures that make a grade T or M (guide, Certificate Inspection: name
 * mismatch, not yet valid, expired, self-signed, not trusted, MD2 or MD5 signature,
 * insecure key) and the caps on the chain and the leaf's signature. Revocation and Debian
 * weak keys are not observed.
 */
final class CertificateRules {

	private CertificateRules() {
	}

	static void apply(GradeInput input, Reasons reasons) {
		trust(input.trust(), reasons);
		chain(input.chainIssues(), input.trust(), reasons);
		name(input.hostnameMatches(), reasons);
		signature(input.signatureAlgorithm(), reasons);
	}

	private static void trust(TrustStatus trust, Reasons reasons) {
		switch (trust) {
			case UNTRUSTED -> reasons.add(GradeRule.CERT_UNTRUSTED);
			case EXPIRED -> reasons.add(GradeRule.CERT_EXPIRED);
			case NOT_YET_VALID -> reasons.add(GradeRule.CERT_NOT_YET_VALID);
			case UNKNOWN -> reasons.add(GradeRule.NOT_TESTED_TRUST);
			case TRUSTED -> {
			}
		}
	}

	// the leaf's own faults; the rest of the path is judged by the trust status. An
	// incomplete chain caps at B (2009i). A self-signed leaf that is a configured trust
	// anchor is the guide's private-CA case ("considered on a case-by-case basis").
	private static void chain(@Nullable List<ChainIssue> issues, TrustStatus trust, Reasons reasons) {
		if (issues == null) {
			reasons.add(GradeRule.NOT_TESTED_CHAIN);
			return;
		}
		for (ChainIssue issue : issues) {
			boolean leaf = issue.position() == 0;
			switch (issue.type()) {
				case INCOMPLETE -> reasons.add(GradeRule.CHAIN_INCOMPLETE);
				case SELF_SIGNED_LEAF -> {
					if (trust != TrustStatus.TRUSTED) {
						reasons.add(GradeRule.CERT_SELF_SIGNED);
					}
				}
				case EXPIRED -> addIf(leaf, GradeRule.CERT_EXPIRED, reasons);
				case NOT_YET_VALID -> addIf(leaf, GradeRule.CERT_NOT_YET_VALID, reasons);
				case NO_SERVER_AUTH -> reasons.add(GradeRule.CERT_NOT_FOR_SERVERS);
				case WRONG_ORDER, WEAK_KEY, WEAK_SIGNATURE -> {
					// not graded: the guide judges the server key and the leaf signature,
					// which the input carries on their own
				}
			}
		}
	}

	private static void name(@Nullable Boolean matches, Reasons reasons) {
		if (matches == null) {
			reasons.add(GradeRule.NOT_TESTED_HOSTNAME);
		}
		else if (!matches) {
			reasons.add(GradeRule.HOSTNAME_MISMATCH);
		}
	}

	// MD2 or MD5: insecure, T and F (2009e); SHA-1: no A+ (2009f)
	private static void signature(@Nullable String algorithm, Reasons reasons) {
		if (algorithm == null) {
			reasons.add(GradeRule.NOT_TESTED_SIGNATURE);
			return;
		}
		String name = algorithm.toUpperCase(Locale.ROOT).replace("-", "");
		if (name.startsWith("MD5") || name.startsWith("MD2")) {
			reasons.add(GradeRule.INSECURE_SIGNATURE, algorithm);
			reasons.add(GradeRule.CERT_INSECURE_SIGNATURE, algorithm);
		}
		else if (name.startsWith("SHA1")) {
			reasons.add(GradeRule.SHA1_SIGNATURE, algorithm);
		}
	}

	private static void addIf(boolean condition, GradeRule rule, Reasons reasons) {
		if (condition) {
			reasons.add(rule);
		}
	}

}
