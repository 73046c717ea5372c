package dev.tlswatch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.Ssl2Support;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VulnerabilityStatus;
import org.jspecify.annotations.Nullable;

/**
 * The readable report of {@code probe}: one block per target, one per address. What is
 * not known is said in words ("none", "not known"); {@code null} is never printed.
 */
final class TextReport {

	private final PrintStream out;

	TextReport(PrintStream out) {
		this.out = out;
	}

	void print(Target target, @Nullable String error, List<ProbeReport> reports) {
		this.out.println(target);
		if (error != null) {
			this.out.println("  " + error);
		}
		for (ProbeReport report : reports) {
			HandshakeObservation handshake = report.handshake();
			this.out.println("  " + report.target().address().getHostAddress() + ": " + handshake.outcome()
					+ ((handshake.error() != null) ? " (" + handshake.error() + ")" : ""));
			if (report.answered()) {
				printAnswered(report);
			}
		}
	}

	private void printAnswered(ProbeReport report) {
		HandshakeObservation handshake = report.handshake();
		this.out.println("    negotiated   " + ((handshake.protocol() != null)
				? handshake.protocol() + " " + orNone(handshake.cipherSuite()) : "none (no completed handshake)"));
		this.out.println("    protocols    " + accepted(report));
		report.suites()
			.forEach((version,
					enumeration) -> this.out.println("    " + version.shortName() + " suites ("
							+ enumeration.order().name().toLowerCase(Locale.ROOT) + " order)"
							+ enumeration.accepted()
								.stream()
								.map((suite) -> "\n                 " + suite.name() + "  "
										+ suite.strength().name().toLowerCase(Locale.ROOT))
								.reduce("", String::concat)));
		Ssl2Support ssl2 = report.ssl2();
		if (ssl2 != null && ssl2.accepted()) {
			this.out.println("    SSLv2 cipher kinds " + ssl2.cipherKinds());
		}
		report.chachaPreference().forEach((version, preference) -> {
			Observed<Boolean> prefers = preference.prefersChacha();
			this.out.println("    " + version.shortName() + " ChaCha20 preference "
					+ ((prefers.value() != null) ? prefers.value() : "n/a") + " (" + orNone(prefers.detail()) + ")");
		});
		report.groups()
			.forEach((enumeration) -> this.out.println("    groups " + enumeration.version().shortName() + "  "
					+ enumeration.accepted().stream().map((group) -> group.name()).toList()));
		handshake.chain()
			.forEach((certificate) -> this.out.println("    certificate  " + certificate.subject() + " (until "
					+ certificate.notAfter() + ", sha256 " + certificate.sha256().substring(0, 16) + "…)"));
		this.out.println("    trust        " + handshake.trust()
				+ ((handshake.trustError() != null) ? " (" + handshake.trustError() + ")" : "") + ", name "
				+ name(handshake.hostnameMatches()));
		handshake.chainReport().issues().forEach((issue) -> this.out.println("    chain        " + issue.detail()));
		report.vulnerabilities()
			.stream()
			.filter((result) -> result.status() != VulnerabilityStatus.NOT_VULNERABLE)
			.forEach((result) -> this.out.println("    " + result.vulnerability().name() + " "
					+ result.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + result.detail()
					+ ")"));
		printRevocation(report);
		printGrade(report.grade());
		this.out.println(
				"    probe        " + report.connections() + " connections, " + report.elapsed().toMillis() + " ms");
	}

	private void printRevocation(ProbeReport report) {
		if (report.handshake().chain().isEmpty()) {
			return;
		}
		this.out.println("    revocation   " + revocation(report.revocation().summary()));
		List<Revocation> certificates = report.revocation().certificates();
		for (int i = 0; i < certificates.size() && certificates.size() > 1; i++) {
			this.out.println("                 #" + i + " " + revocation(certificates.get(i)));
		}
	}

	private static String revocation(Revocation revocation) {
		StringBuilder text = new StringBuilder(revocation.status().name());
		if (revocation.source() != null) {
			text.append(" (").append(revocation.source()).append(')');
		}
		if (revocation.revokedAt() != null) {
			text.append(" on ").append(revocation.revokedAt());
		}
		if (revocation.reason() != null) {
			text.append(", ").append(revocation.reason());
		}
		return text.append(": ").append(revocation.detail()).toString();
	}

	private void printGrade(@Nullable Grade grade) {
		if (grade == null) {
			this.out.println("    grade        not known");
			return;
		}
		this.out.println("    grade        " + grade.letter().displayName());
		grade.reasons()
			.forEach((reason) -> this.out
				.println("                 " + reason.cap().displayName() + "  " + reason.text()));
	}

	private static String name(@Nullable Boolean matches) {
		if (matches == null) {
			return "not known (no certificate)";
		}
		return matches ? "matches" : "mismatch";
	}

	private static String orNone(@Nullable String text) {
		return (text != null) ? text : "none";
	}

	private static String accepted(ProbeReport report) {
		List<VersionSupport> versions = new ArrayList<>();
		Ssl2Support ssl2 = report.ssl2();
		if (ssl2 != null) {
			versions.add(ssl2.asVersionSupport());
		}
		versions.addAll(report.versions());
		if (versions.isEmpty()) {
			return "not known";
		}
		List<String> names = versions.stream()
			.map((support) -> support.version().shortName() + switch (support.verdict()) {
				case ACCEPTED -> " yes";
				case REJECTED -> " no";
				case TIMEOUT, ERROR -> " ?";
			})
			.toList();
		return String.join(", ", names);
	}

}
