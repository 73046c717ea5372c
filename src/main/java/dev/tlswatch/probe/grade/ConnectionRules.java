package dev.tlswatch.probe.grade;

import java.util.Set;

import dev.tlswatch.probe.GradeInput;
import dev.tlswatch.probe.TlsVersion;
import org.jspecify.annotations.Nullable;

/**
 * Renegotiation, compression and HSTS. Renegotiation and compression do not exist in TLS
 * 1.3 (RFC 8446 §4.1.2, §1.2), so a TLS 1.3-only server is not judged on them; HSTS only
 * exists for HTTP, so a server that does not speak it is not judged on it (and can earn
 * A+ without it: SSL Labs grades HTTPS servers only, so the guide has no rule for them).
 */
final class ConnectionRules {

	/**
	 * Six months, the HSTS max-age an A+ needs (2009e): 180 days, SSL Labs' API constant
	 * {@code LONG_MAX_AGE} (15552000 s).
	 */
	static final long HSTS_SIX_MONTHS = 15_552_000;

	private ConnectionRules() {
	}

	static void apply(GradeInput input, Reasons reasons) {
		if (acceptsBefore13(input.versions())) {
			renegotiation(input, reasons);
			compression(input.compression(), reasons);
		}
		if (input.hstsApplies()) {
			hsts(input.hstsMaxAge(), reasons);
		}
	}

	private static boolean acceptsBefore13(@Nullable Set<TlsVersion> versions) {
		return versions == null || versions.stream().anyMatch((version) -> version != TlsVersion.TLS_1_3);
	}

	// insecure renegotiation: F (2009c); no secure renegotiation: warning, A- (2009e)
	private static void renegotiation(GradeInput input, Reasons reasons) {
		Boolean insecure = input.insecureRenegotiation();
		if (insecure == null && Boolean.TRUE.equals(input.secureRenegotiation())) {
			// RFC 5746 §3.7 and §4.3: a server that supports secure renegotiation checks
			// renegotiation_info on every renegotiation, so the insecure kind
			// (CVE-2009-3555)
			// cannot happen; what the scan tested answers the question
			insecure = false;
		}
		if (insecure == null) {
			reasons.add(GradeRule.NOT_TESTED_INSECURE_RENEGOTIATION);
		}
		else if (insecure) {
			reasons.add(GradeRule.INSECURE_RENEGOTIATION);
		}
		Boolean secure = input.secureRenegotiation();
		if (secure == null) {
			reasons.add(GradeRule.NOT_TESTED_SECURE_RENEGOTIATION);
		}
		else if (!secure) {
			reasons.add(GradeRule.NO_SECURE_RENEGOTIATION);
		}
	}

	// CRIME: C (2009j)
	private static void compression(@Nullable Boolean compression, Reasons reasons) {
		if (compression == null) {
			reasons.add(GradeRule.NOT_TESTED_COMPRESSION);
		}
		else if (compression) {
			reasons.add(GradeRule.COMPRESSION);
		}
	}

	// disabled or invalid: warning, A- (2009r); under six months: no A+ (2009e); unknown:
	// no A+, which needs proof
	private static void hsts(@Nullable Long maxAge, Reasons reasons) {
		if (maxAge == null) {
			reasons.add(GradeRule.NOT_TESTED_HSTS);
		}
		else if (maxAge == 0) {
			reasons.add(GradeRule.NO_HSTS);
		}
		else if (maxAge < HSTS_SIX_MONTHS) {
			reasons.add(GradeRule.HSTS_SHORT, "max-age=" + maxAge);
		}
	}

}
