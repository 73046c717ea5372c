package dev.tlswatch.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.FindingKind;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.scan.GradeDetails;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Revocation;
import org.jspecify.annotations.Nullable;

/**
 * Turns one judged scan into the alert conditions holding for its endpoint. Pure: reads
 * the scan, its findings, the settings in force, what was remembered and the time.
 * <p>
 * The finding module judges the scan; these rules turn its findings into conditions
 * ({@link #ruleFor(FindingKind)}) and add only what needs memory of earlier scans:
 * consecutive failures, a changed certificate, a dropped grade and an overdue renewal. A
 * rule only speaks when the scan has data for it; unknown is never an alert.
 */
final class AlertRules {

	/** The rules judged from certificates; they need a chain. */
	static final Set<AlertRule> CERTIFICATE_RULES = Set.copyOf(EnumSet.of(AlertRule.CERT_EXPIRING,
			AlertRule.RENEWAL_OVERDUE, AlertRule.CERT_EXPIRED, AlertRule.CERT_NOT_YET_VALID, AlertRule.CHAIN_UNTRUSTED,
			AlertRule.CHAIN_INCOMPLETE, AlertRule.HOSTNAME_MISMATCH, AlertRule.WEAK_KEY, AlertRule.WEAK_SIGNATURE,
			AlertRule.ADDRESSES_DISAGREE, AlertRule.CERT_CHANGED));

	/** The name prefix of the finding module's vulnerability kinds. */
	private static final String VULNERABILITY_PREFIX = "VULNERABILITY_";

	private AlertRules() {
	}

	static Evaluation evaluate(ScanDetails scan, List<FindingDetails> findings, RuleConfig config,
			EndpointMemory memory, Instant now) {
		List<Condition> conditions = new ArrayList<>();
		Set<AlertRule> evaluated = EnumSet.noneOf(AlertRule.class);
		if (scan.results().isEmpty()) {
			return new Evaluation(List.of(), Set.of(), memory, false);
		}
		boolean failed = unreachable(scan);
		int failures = failed ? memory.consecutiveFailures() + 1 : 0;
		reachability(scan, failures, config, conditions, evaluated);
		List<AddressResult> served = served(scan);
		String leafSha256 = memory.lastLeafSha256();
		if (!served.isEmpty()) {
			evaluated.addAll(CERTIFICATE_RULES);
			for (AddressResult result : served) {
				renewal(Objects.requireNonNull(result.leaf()), result.address(), config, now, conditions);
			}
			leafSha256 = certificateChanged(served, memory, config, conditions);
		}
		if (scan.results().stream().anyMatch((result) -> !result.versions().isEmpty())) {
			evaluated.add(AlertRule.WEAK_PROTOCOL);
		}
		if (scan.results()
			.stream()
			.anyMatch((result) -> result.cipherSuite() != null || result.cipherSupport() != null)) {
			evaluated.add(AlertRule.INSECURE_CIPHER);
		}
		if (scan.results().stream().anyMatch((result) -> !result.vulnerabilities().isEmpty())) {
			evaluated.add(AlertRule.VULNERABLE);
		}
		if (revocationKnown(served)) {
			evaluated.add(AlertRule.CERT_REVOKED);
		}
		fromFindings(scan, findings, config, now, conditions);
		GradeMemory grade = grade(scan, memory, config, conditions, evaluated);
		List<Condition> enabled = conditions.stream()
			.filter((condition) -> evaluated.contains(condition.rule()))
			.filter((condition) -> !config.disabled().contains(condition.rule()))
			.toList();
		return new Evaluation(distinct(enabled), evaluated,
				new EndpointMemory(failures, leafSha256, grade.last(), grade.baseline()), failed);
	}

	/**
	 * The alert rule a finding raises, {@code null} for findings that are not alerts
	 * (information, or failures the memory rules count).
	 * @param kind the finding's kind
	 * @return the rule, or {@code null}
	 */
	static @Nullable AlertRule ruleFor(FindingKind kind) {
		return switch (kind) {
			case CERT_EXPIRING -> AlertRule.CERT_EXPIRING;
			case CERT_EXPIRED -> AlertRule.CERT_EXPIRED;
			case CERT_NOT_YET_VALID -> AlertRule.CERT_NOT_YET_VALID;
			case CHAIN_UNTRUSTED -> AlertRule.CHAIN_UNTRUSTED;
			case CHAIN_INCOMPLETE -> AlertRule.CHAIN_INCOMPLETE;
			case HOSTNAME_MISMATCH -> AlertRule.HOSTNAME_MISMATCH;
			case WEAK_PROTOCOL -> AlertRule.WEAK_PROTOCOL;
			case INSECURE_CIPHER, INSECURE_CIPHERS_ACCEPTED -> AlertRule.INSECURE_CIPHER;
			case WEAK_KEY -> AlertRule.WEAK_KEY;
			case WEAK_SIGNATURE -> AlertRule.WEAK_SIGNATURE;
			case ADDRESSES_DISAGREE -> AlertRule.ADDRESSES_DISAGREE;
			case CERT_REVOKED -> AlertRule.CERT_REVOKED;
			case VULNERABILITY_HEARTBLEED, VULNERABILITY_CCS_INJECTION, VULNERABILITY_TICKETBLEED, VULNERABILITY_ROBOT,
					VULNERABILITY_POODLE, VULNERABILITY_CLIENT_RENEGOTIATION, VULNERABILITY_SWEET32,
					VULNERABILITY_FREAK, VULNERABILITY_LOGJAM, VULNERABILITY_DROWN ->
				AlertRule.VULNERABLE;
			case DNS_FAILURE, UNREACHABLE, TLS_HANDSHAKE_FAILED, CLIENT_CERTIFICATE_REQUIRED, STARTTLS_FAILED,
					SCAN_ERROR, TARGET_DENIED, WEAK_CIPHER, CHAIN_TRUSTED, CHAIN_WRONG_ORDER, NOT_FOR_SERVERS,
					SELF_SIGNED, MUST_STAPLE_WITHOUT_STAPLE, HSTS_MALFORMED, HSTS_ABSENT, PROTOCOLS,
					VULNERABILITY_BEAST, VULNERABILITY_LUCKY13, PROBE_RATE_LIMITED, REVOCATION_UNKNOWN ->
				null;
		};
	}

	/**
	 * Whether the scan settles revocation: a chain was served and every served chain's
	 * status is known (good or revoked). A status that could not be learned (a responder
	 * down) neither raises nor resolves a revocation alert.
	 */
	private static boolean revocationKnown(List<AddressResult> served) {
		return !served.isEmpty() && served.stream().allMatch((result) -> {
			Revocation.Status status = result.revocation().summary().status();
			return status == Revocation.Status.GOOD || status == Revocation.Status.REVOKED;
		});
	}

	/** Like the finding module: no address answered at the TCP level. */
	static boolean unreachable(ScanDetails scan) {
		return !scan.results().isEmpty() && scan.results()
			.stream()
			.allMatch((result) -> result.outcome() == HandshakeOutcome.CONNECTION_REFUSED
					|| result.outcome() == HandshakeOutcome.TIMEOUT
					|| result.outcome() == HandshakeOutcome.DNS_FAILURE);
	}

	private static void reachability(ScanDetails scan, int failures, RuleConfig config, List<Condition> conditions,
			Set<AlertRule> evaluated) {
		evaluated.add(AlertRule.UNREACHABLE);
		if (failures >= config.unreachableAfter()) {
			String error = scan.results()
				.stream()
				.map(AddressResult::error)
				.filter(Objects::nonNull)
				.findFirst()
				.orElse("no address answered");
			conditions.add(new Condition(AlertRule.UNREACHABLE, "", config.severityOf(AlertRule.UNREACHABLE), 0,
					"unreachable in " + failures + " consecutive scans",
					"No address answered in " + failures + " consecutive scans; the latest error: " + error + ".", null,
					null, null));
		}
	}

	/** The addresses that sent a chain, handshakes that completed first. */
	private static List<AddressResult> served(ScanDetails scan) {
		return scan.results()
			.stream()
			.filter((result) -> result.leaf() != null)
			.sorted(Comparator.comparing((AddressResult result) -> result.outcome() != HandshakeOutcome.OK))
			.toList();
	}

	private static void renewal(CertificateInfo leaf, @Nullable String address, RuleConfig config, Instant now,
			List<Condition> conditions) {
		Duration lifetime = Duration.between(leaf.notBefore(), leaf.notAfter());
		if (lifetime.isNegative() || lifetime.isZero() || !leaf.notAfter().isAfter(now)) {
			return;
		}
		Instant due = leaf.notBefore().plusMillis((long) (lifetime.toMillis() * config.renewalPoint()));
		if (!now.isBefore(due)) {
			LocalDate dueDate = LocalDate.ofInstant(due, ZoneOffset.UTC);
			conditions.add(new Condition(
					AlertRule.RENEWAL_OVERDUE, leaf.sha256(), config.severityOf(AlertRule.RENEWAL_OVERDUE), 0,
					"certificate renewal overdue since " + dueDate, "The certificate " + leaf.subject()
							+ " was due for renewal on " + dueDate + " and has not been replaced.",
					address, leaf, null));
		}
	}

	/**
	 * A leaf not served before is a change, unless the previous leaf is still served on
	 * some address (addresses that disagree are their own rule).
	 * @return the leaf to remember
	 */
	private static String certificateChanged(List<AddressResult> served, EndpointMemory memory, RuleConfig config,
			List<Condition> conditions) {
		AddressResult primary = served.get(0);
		CertificateInfo leaf = Objects.requireNonNull(primary.leaf());
		String previous = memory.lastLeafSha256();
		boolean stillServed = served.stream().anyMatch((result) -> result.leaf().sha256().equals(previous));
		if (previous != null && !stillServed) {
			conditions.add(new Condition(
					AlertRule.CERT_CHANGED, leaf.sha256(), config.severityOf(AlertRule.CERT_CHANGED), 0,
					"new certificate " + leaf.sha256().substring(0, 16), "A new certificate is served: "
							+ leaf.subject() + " (SHA-256 " + leaf.sha256() + ") replaces SHA-256 " + previous + ".",
					primary.address(), leaf, previous));
			return leaf.sha256();
		}
		return stillServed ? Objects.requireNonNull(previous) : leaf.sha256();
	}

	/**
	 * One condition per finding that is an alert, worded for mails. Findings from the
	 * addresses that completed a handshake come first, so that their wording wins.
	 */
	private static void fromFindings(ScanDetails scan, List<FindingDetails> findings, RuleConfig config, Instant now,
			List<Condition> conditions) {
		Map<String, AddressResult> byAddress = new LinkedHashMap<>();
		Map<String, CertificateSeen> certificates = new LinkedHashMap<>();
		for (AddressResult result : served(scan)) {
			byAddress.putIfAbsent(String.valueOf(result.address()), result);
			for (int i = 0; i < result.chain().size(); i++) {
				certificates.putIfAbsent(result.chain().get(i).sha256(),
						new CertificateSeen(result.chain().get(i), i == 0));
			}
		}
		scan.results().forEach((result) -> byAddress.putIfAbsent(String.valueOf(result.address()), result));
		List<FindingDetails> ordered = findings.stream()
			.sorted(Comparator
				.comparing((FindingDetails finding) -> !completed(byAddress.get(String.valueOf(finding.address())))))
			.toList();
		List<FindingDetails> insecure = ordered.stream()
			.filter((finding) -> finding.kind() == FindingKind.INSECURE_CIPHERS_ACCEPTED)
			.toList();
		for (FindingDetails finding : ordered) {
			AlertRule rule = ruleFor(finding.kind());
			if (rule == null || (finding.kind() == FindingKind.INSECURE_CIPHER && !insecure.isEmpty())) {
				continue;
			}
			AddressResult result = byAddress.get(String.valueOf(finding.address()));
			CertificateSeen seen = certificates.get(finding.subject());
			CertificateInfo certificate = (seen != null) ? seen.certificate()
					: ((result != null) ? result.leaf() : null);
			condition(rule, finding, result, seen, certificate, scan, config, now, conditions);
		}
	}

	private static boolean completed(@Nullable AddressResult result) {
		return result != null && result.outcome() == HandshakeOutcome.OK;
	}

	private static void condition(AlertRule rule, FindingDetails finding, @Nullable AddressResult result,
			@Nullable CertificateSeen seen, @Nullable CertificateInfo certificate, ScanDetails scan, RuleConfig config,
			Instant now, List<Condition> conditions) {
		@Nullable String address = finding.address();
		switch (rule) {
			case CERT_EXPIRING, CERT_EXPIRED, CERT_NOT_YET_VALID -> {
				if (seen != null) {
					validity(rule, finding, seen, address, config, now, conditions);
				}
			}
			case CHAIN_UNTRUSTED -> {
				String why = (result != null && result.trustError() != null) ? ": " + result.trustError() : "";
				conditions.add(new Condition(rule, "", config.severityOf(rule), 0, "certificate chain is not trusted",
						"The certificate chain is not trusted" + why + ".", address, certificate, null));
			}
			case HOSTNAME_MISMATCH -> conditions
				.add(new Condition(rule, "", config.severityOf(rule), 0, "certificate does not match the name",
						"The certificate does not match the expected name.", address, certificate, null));
			case CHAIN_INCOMPLETE, WEAK_KEY, WEAK_SIGNATURE -> conditions.add(new Condition(rule, "",
					config.severityOf(rule), 0, title(rule), finding.message(), address, certificate, null));
			case ADDRESSES_DISAGREE -> conditions.add(new Condition(rule, "", config.severityOf(rule), 0,
					"addresses serve different certificates", finding.message(), null, null, null));
			case WEAK_PROTOCOL -> {
				String names = deprecatedVersions(scan);
				Severity severity = (finding.severity() == Severity.CRITICAL) ? Severity.CRITICAL
						: config.severityOf(rule);
				conditions.add(new Condition(rule, "", severity, 0, "accepts " + names,
						"Deprecated protocol versions are accepted: " + names + ".", address, null, null));
			}
			case INSECURE_CIPHER -> conditions.add(new Condition(rule, "", config.severityOf(rule), 0,
					"accepts insecure cipher suites", finding.message(), address, null, null));
			case CERT_REVOKED -> conditions.add(new Condition(rule, finding.subject(), config.severityOf(rule), 0,
					((seen != null && !seen.leaf()) ? "intermediate certificate" : "certificate") + " revoked",
					finding.message(), address, certificate, null));
			case VULNERABLE -> {
				// One alert per vulnerability, at the finding's severity
				String id = finding.kind().name().substring(VULNERABILITY_PREFIX.length());
				conditions.add(new Condition(rule, id, finding.severity(), 0,
						"vulnerable: " + id.toLowerCase(Locale.ROOT).replace('_', ' '), finding.message(), address,
						null, null));
			}
			default -> {
			}
		}
	}

	/**
	 * Validity conditions of one certificate. An expired certificate has crossed every
	 * threshold and keeps its expiring alert at its highest level besides the expired
	 * one; the finding's level is the number of thresholds crossed, so crossing a lower
	 * one escalates the same alert.
	 */
	private static void validity(AlertRule rule, FindingDetails finding, CertificateSeen seen, @Nullable String address,
			RuleConfig config, Instant now, List<Condition> conditions) {
		CertificateInfo certificate = seen.certificate();
		String which = seen.leaf() ? "certificate" : "intermediate certificate";
		String named = seen.leaf() ? "The certificate " : "The intermediate certificate ";
		LocalDate notAfter = LocalDate.ofInstant(certificate.notAfter(), ZoneOffset.UTC);
		String sha256 = certificate.sha256();
		switch (rule) {
			case CERT_NOT_YET_VALID -> {
				LocalDate notBefore = LocalDate.ofInstant(certificate.notBefore(), ZoneOffset.UTC);
				conditions.add(new Condition(rule, sha256, config.severityOf(rule), 0,
						which + " is not valid before " + notBefore,
						named + certificate.subject() + " is not valid before " + notBefore + ".", address, certificate,
						null));
			}
			case CERT_EXPIRED -> {
				conditions.add(new Condition(rule, sha256, config.severityOf(rule), 0,
						which + " expired on " + notAfter,
						named + certificate.subject() + " expired on " + notAfter + ".", address, certificate, null));
				if (finding.level() > 0) {
					String when = "expired on " + notAfter;
					conditions.add(new Condition(AlertRule.CERT_EXPIRING, sha256, Severity.CRITICAL, finding.level(),
							which + " " + when, named + certificate.subject() + " " + when + ".", address, certificate,
							null));
				}
			}
			case CERT_EXPIRING -> {
				long days = Duration.between(now, certificate.notAfter()).toDays();
				String when = ((days == 0) ? "expires today" : "expires in " + days + ((days == 1) ? " day" : " days"))
						+ " (" + notAfter + ")";
				Severity severity = (finding.severity() == Severity.CRITICAL) ? Severity.CRITICAL
						: config.severityOf(rule);
				conditions.add(new Condition(rule, sha256, severity, finding.level(), which + " " + when,
						named + certificate.subject() + " " + when + ".", address, certificate, null));
			}
			default -> {
			}
		}
	}

	private static String title(AlertRule rule) {
		return switch (rule) {
			case CHAIN_INCOMPLETE -> "certificate chain is incomplete";
			case WEAK_KEY -> "weak key in the certificate chain";
			case WEAK_SIGNATURE -> "weak signature in the certificate chain";
			default -> rule.label().toLowerCase(Locale.ROOT);
		};
	}

	/** The deprecated versions accepted on any address, for the mail's wording. */
	private static String deprecatedVersions(ScanDetails scan) {
		Set<TlsVersion> weak = EnumSet.noneOf(TlsVersion.class);
		scan.results()
			.forEach((result) -> result.acceptedVersions().stream().filter(TlsVersion::deprecated).forEach(weak::add));
		return weak.stream().map(TlsVersion::displayName).collect(Collectors.joining(", "));
	}

	/**
	 * The endpoint's grade is its worst address's grade ignoring trust (trust and name
	 * have their own rules). A drop lasts until the grade is back at its level before.
	 */
	private static GradeMemory grade(ScanDetails scan, EndpointMemory memory, RuleConfig config,
			List<Condition> conditions, Set<AlertRule> evaluated) {
		String current = scan.results()
			.stream()
			.map(AddressResult::grade)
			.filter(Objects::nonNull)
			.map(GradeDetails::ignoringTrust)
			.map(GradeLetter::displayName)
			.filter((letter) -> Grades.rank(letter) >= 0)
			.max(Comparator.comparingInt(Grades::rank))
			.orElse(null);
		if (current == null) {
			return new GradeMemory(memory.lastGrade(), memory.gradeBaseline());
		}
		evaluated.add(AlertRule.GRADE_DROPPED);
		String reference = (memory.gradeBaseline() != null) ? memory.gradeBaseline() : memory.lastGrade();
		boolean dropped = reference != null && Grades.worse(current, reference);
		boolean belowMinimum = Grades.worse(current, config.gradeMinimum());
		if (dropped || belowMinimum) {
			String title = dropped ? "grade dropped from " + reference + " to " + current
					: "grade " + current + " is below the minimum " + config.gradeMinimum();
			String message = "The grade is " + current + (dropped ? " (it was " + reference + ")" : "")
					+ (belowMinimum ? ", below the minimum " + config.gradeMinimum() : "") + ".";
			conditions.add(new Condition(AlertRule.GRADE_DROPPED, "", config.severityOf(AlertRule.GRADE_DROPPED), 0,
					title, message, null, null, null));
		}
		return new GradeMemory(current, dropped ? reference : null);
	}

	/** One condition per rule and subject: the first, from the preferred address. */
	private static List<Condition> distinct(List<Condition> conditions) {
		Map<String, Condition> byKey = new LinkedHashMap<>();
		conditions.forEach((condition) -> byKey.putIfAbsent(condition.key(), condition));
		return List.copyOf(byKey.values());
	}

	/** A certificate as served, and whether it was a leaf. */
	private record CertificateSeen(CertificateInfo certificate, boolean leaf) {
	}

	private record GradeMemory(@Nullable String last, @Nullable String baseline) {
	}

}
