package dev.tlswatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.Revocation;
import org.jspecify.annotations.Nullable;

/**
 * {@code probe --check}: judges probe reports the way a monitoring plugin does (as
 * check_ssl_cert does for certificates) and writes one status line with performance data,
 * {@code TLSWATCH CRITICAL - ... | days=3;30;7}. Only reads reports: unit-tested on
 * hand-built ones.
 *
 * @param warnDays fewer days left than this is a WARNING
 * @param critDays fewer days left than this is CRITICAL
 * @param minGrade the worst acceptable grade (of the A+ to F scale), {@code null} to only
 * fail an F
 * @param requireTrusted whether an untrusted chain or a name mismatch is CRITICAL rather
 * than a WARNING
 */
record ProbeCheck(int warnDays, int critDays, @Nullable GradeLetter minGrade, boolean requireTrusted) {

	/** Characters kept of a server's error text in the status line. */
	private static final int MAX_TEXT_LENGTH = 160;

	private static final Duration DAY = Duration.ofDays(1);

	ProbeCheck {
		if (warnDays < 0 || critDays < 0) {
			throw new IllegalArgumentException("--warn-days and --crit-days must not be negative");
		}
		if (critDays > warnDays) {
			throw new IllegalArgumentException(
					"--crit-days (" + critDays + ") must not be more than --warn-days (" + warnDays + ")");
		}
		if (minGrade != null && !minGrade.isScale()) {
			throw new IllegalArgumentException("--min-grade is a grade from A+ to F, not " + minGrade.displayName());
		}
	}

	/**
	 * Judge every target.
	 * @param targets what each target showed
	 * @param now the time to count days from
	 * @return the state and the status line
	 */
	Result judge(List<TargetReports> targets, Instant now) {
		List<Finding> findings = new ArrayList<>();
		List<Days> days = new ArrayList<>();
		for (TargetReports target : targets) {
			judgeTarget(target, now, findings, days);
		}
		CheckState state = findings.stream().map(Finding::state).reduce(CheckState.OK, CheckState::worst);
		return new Result(state, "TLSWATCH " + state + " - " + summary(state, findings) + " | " + perfdata(days));
	}

	private void judgeTarget(TargetReports target, Instant now, List<Finding> findings, List<Days> days) {
		if (target.error() != null) {
			findings.add(new Finding(CheckState.CRITICAL, target.target() + ": " + text(target.error())));
			return;
		}
		if (target.reports().isEmpty()) {
			findings.add(new Finding(CheckState.UNKNOWN, target.target() + ": no address to probe"));
			return;
		}
		for (ProbeReport report : target.reports()) {
			String where = target.target() + " (" + report.target().address().getHostAddress() + ")";
			List<Finding> problems = new ArrayList<>();
			Long left = judgeAddress(report, now, problems);
			if (left != null) {
				days.add(new Days(where, left));
			}
			if (problems.isEmpty()) {
				findings.add(new Finding(CheckState.OK, where + ": " + healthy(report, left)));
			}
			problems.forEach((problem) -> findings.add(new Finding(problem.state(), where + ": " + problem.text())));
		}
	}

	/** Adds what is wrong with one address; returns the days its leaf has left. */
	private @Nullable Long judgeAddress(ProbeReport report, Instant now, List<Finding> problems) {
		HandshakeObservation handshake = report.handshake();
		if (handshake.outcome() != HandshakeOutcome.OK) {
			problems.add(failure(handshake));
		}
		Long left = null;
		if (!handshake.chain().isEmpty()) {
			left = judgeCertificate(handshake.chain().get(0), now, problems);
			judgeTrust(handshake, problems);
			judgeRevocation(report.revocation().summary(), problems);
		}
		else if (handshake.outcome() == HandshakeOutcome.OK) {
			problems.add(new Finding(CheckState.UNKNOWN, "the server sent no certificate"));
		}
		if (report.answered()) {
			judgeSuites(report, problems);
			judgeGrade(report.grade(), problems);
		}
		return left;
	}

	private static Finding failure(HandshakeObservation handshake) {
		String error = (handshake.error() != null) ? ": " + text(handshake.error()) : "";
		return switch (handshake.outcome()) {
			case CONNECTION_REFUSED -> new Finding(CheckState.CRITICAL, "connection refused" + error);
			case TIMEOUT -> new Finding(CheckState.CRITICAL, "timed out" + error);
			case DNS_FAILURE -> new Finding(CheckState.CRITICAL, "name does not resolve" + error);
			case TLS_FAILURE -> new Finding(CheckState.CRITICAL, "TLS handshake failed" + error);
			case STARTTLS_FAILED -> new Finding(CheckState.CRITICAL, "STARTTLS failed" + error);
			// The scan target policy forbids the address: nothing was learned about the
			// server
			case DENIED -> new Finding(CheckState.UNKNOWN, "address denied by the scan target policy" + error);
			// A local error: nothing was learned about the server
			case ERROR -> new Finding(CheckState.UNKNOWN, "probe error" + error);
			case OK -> throw new IllegalArgumentException("Not a failure");
		};
	}

	private long judgeCertificate(CertificateInfo leaf, Instant now, List<Finding> problems) {
		long left = Math.floorDiv(Duration.between(now, leaf.notAfter()).getSeconds(), DAY.getSeconds());
		String until = leaf.notAfter().toString();
		if (!leaf.notAfter().isAfter(now)) {
			problems.add(new Finding(CheckState.CRITICAL, "certificate expired on " + until));
		}
		else if (leaf.notBefore().isAfter(now)) {
			problems.add(new Finding(CheckState.CRITICAL, "certificate not valid before " + leaf.notBefore()));
		}
		else if (left < this.critDays) {
			problems.add(new Finding(CheckState.CRITICAL, "certificate expires in " + days(left) + " on " + until));
		}
		else if (left < this.warnDays) {
			problems.add(new Finding(CheckState.WARNING, "certificate expires in " + days(left) + " on " + until));
		}
		return left;
	}

	/** A revoked certificate is CRITICAL; an unknown status is only shown. */
	private static void judgeRevocation(Revocation revocation, List<Finding> problems) {
		if (revocation.status() == Revocation.Status.REVOKED) {
			String reason = (revocation.reason() != null) ? " (" + revocation.reason() + ")" : "";
			problems.add(new Finding(CheckState.CRITICAL, "certificate revoked on " + revocation.revokedAt() + reason
					+ " according to " + revocation.source()));
		}
	}

	private void judgeTrust(HandshakeObservation handshake, List<Finding> problems) {
		CheckState untrusted = this.requireTrusted ? CheckState.CRITICAL : CheckState.WARNING;
		String why = (handshake.trustError() != null) ? ": " + text(handshake.trustError()) : "";
		switch (handshake.trust()) {
			case TRUSTED -> {
			}
			// The leaf's own dates are judged above; this is a certificate above it
			case EXPIRED -> problems.add(new Finding(CheckState.CRITICAL, "chain has an expired certificate" + why));
			case NOT_YET_VALID ->
				problems.add(new Finding(CheckState.CRITICAL, "chain has a certificate not yet valid" + why));
			case UNTRUSTED -> problems.add(new Finding(untrusted, "chain not trusted" + why));
			case UNKNOWN -> problems.add(new Finding(untrusted, "chain trust not checked"));
		}
		if (Boolean.FALSE.equals(handshake.hostnameMatches())) {
			problems.add(new Finding(untrusted, "certificate does not match " + handshake.target().expectedName()));
		}
	}

	private static void judgeSuites(ProbeReport report, List<Finding> problems) {
		List<CipherSuite> accepted = report.suites()
			.values()
			.stream()
			.flatMap((enumeration) -> enumeration.accepted().stream())
			.filter((suite) -> suite.strength() != CipherStrength.SIGNALLING)
			.distinct()
			.toList();
		List<String> insecure = accepted.stream()
			.filter((suite) -> suite.strength() == CipherStrength.INSECURE)
			.map(CipherSuite::name)
			.toList();
		if (insecure.isEmpty()) {
			return;
		}
		if (insecure.size() == accepted.size()) {
			problems.add(new Finding(CheckState.CRITICAL, "only insecure cipher suites accepted: " + names(insecure)));
		}
		else {
			problems.add(new Finding(CheckState.WARNING, "insecure cipher suites accepted: " + names(insecure)));
		}
	}

	private void judgeGrade(@Nullable Grade grade, List<Finding> problems) {
		if (grade == null) {
			if (this.minGrade != null) {
				problems.add(new Finding(CheckState.UNKNOWN, "no grade"));
			}
			return;
		}
		// Trust and the name are judged on their own; the grade judges the TLS setup
		GradeLetter letter = grade.gradeIgnoringTrust();
		GradeLetter floor = (this.minGrade != null) ? this.minGrade : GradeLetter.E;
		if (letter.compareTo(floor) > 0) {
			problems.add(new Finding(CheckState.CRITICAL, "grade " + letter.displayName()
					+ ((this.minGrade != null) ? " is below " + this.minGrade.displayName() : "")));
		}
	}

	private static String healthy(ProbeReport report, @Nullable Long left) {
		Grade grade = report.grade();
		return "certificate valid for " + ((left != null) ? days(left) : "an unknown time")
				+ ((grade != null) ? ", grade " + grade.letter().displayName() : "");
	}

	private static String summary(CheckState state, List<Finding> findings) {
		List<String> texts = findings.stream()
			.filter((finding) -> (state == CheckState.OK) || finding.state() != CheckState.OK)
			.map(Finding::text)
			.toList();
		return texts.isEmpty() ? "nothing to check" : String.join("; ", texts);
	}

	/**
	 * {@code days=<fewest days left>;warn;crit}, {@code U} (unknown) without any
	 * certificate, and one labelled value per address when there are several.
	 */
	private String perfdata(List<Days> days) {
		String thresholds = ";" + this.warnDays + ";" + this.critDays;
		String fewest = days.stream()
			.mapToLong(Days::left)
			.min()
			.stream()
			.mapToObj(Long::toString)
			.findFirst()
			.orElse("U");
		StringBuilder perfdata = new StringBuilder("days=").append(fewest).append(thresholds);
		if (days.size() > 1) {
			for (Days each : days) {
				perfdata.append(" 'days ")
					.append(label(each.where()))
					.append("'=")
					.append(each.left())
					.append(thresholds);
			}
		}
		return perfdata.toString();
	}

	private static String days(long days) {
		return days + ((days == 1 || days == -1) ? " day" : " days");
	}

	private static String names(List<String> names) {
		return (names.size() <= 3) ? String.join(", ", names)
				: String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
	}

	/** A server's text on the status line: one line, no perfdata separator, bounded. */
	private static String text(String text) {
		String line = text.replaceAll("[\\r\\n\\t|]+", " ").strip();
		return (line.length() > MAX_TEXT_LENGTH) ? line.substring(0, MAX_TEXT_LENGTH) + "…" : line;
	}

	/** Perfdata labels may not hold {@code '} or {@code =}. */
	private static String label(String where) {
		return where.replaceAll("['=]", "_").toLowerCase(Locale.ROOT);
	}

	/**
	 * One target and the reports of its addresses.
	 *
	 * @param target the target as given
	 * @param error why it could not be probed at all, {@code null} if it was
	 * @param reports one report per address
	 */
	record TargetReports(String target, @Nullable String error, List<ProbeReport> reports) {

		TargetReports {
			reports = List.copyOf(reports);
		}

	}

	/**
	 * The verdict.
	 *
	 * @param state the worst state found
	 * @param line the status line with performance data
	 */
	record Result(CheckState state, String line) {

	}

	private record Finding(CheckState state, String text) {

	}

	private record Days(String where, long left) {

	}

}
