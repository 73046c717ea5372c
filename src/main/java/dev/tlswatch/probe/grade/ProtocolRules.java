package dev.tlswatch.probe.grade;

import java.util.Collections;
import java.util.Set;

import dev.tlswatch.probe.GradeInput;
import dev.tlswatch.probe.TlsVersion;

/**
 * The protocol support score and the caps on protocol versions.
 */
final class ProtocolRules {

	private ProtocolRules() {
	}

	/** The protocol support score; 100 (the best case) when the versions are unknown. */
	static double score(GradeInput input) {
		Set<TlsVersion> versions = input.versions();
		return (versions != null) ? Scores.protocol(versions) : 100;
	}

	static void apply(GradeInput input, Reasons reasons) {
		Set<TlsVersion> versions = input.versions();
		if (versions == null) {
			reasons.add(GradeRule.NOT_TESTED_VERSIONS);
			return;
		}
		obsolete(versions, reasons);
		deprecated(versions, reasons);
		modern(versions, reasons);
	}

	// SSL 2.0 fails (2009c); SSL 3.0 fails as the best protocol (2009i), else caps at B
	// (2009h)
	private static void obsolete(Set<TlsVersion> versions, Reasons reasons) {
		if (versions.contains(TlsVersion.SSL_2_0)) {
			reasons.add(GradeRule.SSL2_ACCEPTED);
		}
		if (Collections.max(versions) == TlsVersion.SSL_3_0) {
			reasons.add(GradeRule.SSL3_BEST);
		}
		else if (versions.contains(TlsVersion.SSL_3_0)) {
			reasons.add(GradeRule.SSL3_ACCEPTED);
		}
	}

	// TLS 1.0 and 1.1 cap at B (2009q)
	private static void deprecated(Set<TlsVersion> versions, Reasons reasons) {
		if (versions.contains(TlsVersion.TLS_1_0)) {
			reasons.add(GradeRule.TLS10_ACCEPTED);
		}
		if (versions.contains(TlsVersion.TLS_1_1)) {
			reasons.add(GradeRule.TLS11_ACCEPTED);
		}
	}

	// no TLS 1.2 caps at C (2009j), which a TLS 1.3 server does not deserve; no TLS 1.3
	// is a warning (2009r)
	private static void modern(Set<TlsVersion> versions, Reasons reasons) {
		if (!versions.contains(TlsVersion.TLS_1_2) && !versions.contains(TlsVersion.TLS_1_3)) {
			reasons.add(GradeRule.NO_TLS12);
		}
		if (!versions.contains(TlsVersion.TLS_1_3)) {
			reasons.add(GradeRule.NO_TLS13);
		}
	}

}
