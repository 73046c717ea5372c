package dev.tlswatch.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.CipherSupport;
import dev.tlswatch.scan.GradeDetails;
import dev.tlswatch.scan.ScanDetails;
import org.jspecify.annotations.Nullable;

/**
 * Turns one judged scan into the alert conditions holding for its endpoint. Pure: reads
 * the scan, its findings, the settings in force, what was remembered and the time.
 * <p>
 * Expiry, trust and reachability are judged apart: an untrusted certificate still has its
 * expiry tracked, and a scan that reached nothing changes nothing but reachability. A
 * rule only speaks when the scan has data for it; unknown is never an alert.
 */
final class AlertRules {

	/** The rules judged from certificates; they need a chain. */
	static final Set<AlertRule> CERTIFICATE_RULES = Set.copyOf(EnumSet.of(AlertRule.CERT_EXPIRING,
			AlertRule.RENEWAL_OVERDUE, AlertRule.CERT_EXPIRED, AlertRule.CERT_NOT_YET_VALID, AlertRule.CHAIN_UNTRUSTED,
			AlertRule.CHAIN_INCOMPLETE, AlertRule.HOSTNAME_MISMATCH, AlertRule.WEAK_KEY, AlertRule.WEAK_SIGNATURE,
			AlertRule.ADDRESSES_DISAGREE, AlertRule.CERT_CHANGED));

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
			certificates(served, config, now, conditions);
			trust(served, config, conditions);
			chainIssues(served, config, conditions);
			addressesAgree(served, config, conditions);
			leafSha256 = certificateChanged(served, memory, config, conditions);
		}
		protocols(scan, config, conditions, evaluated);
		ciphers(scan, findings, config, conditions, evaluated);
		vulnerabilities(scan, findings, conditions, evaluated);
		GradeMemory grade = grade(scan, memory, config, conditions, evaluated);
		List<Condition> enabled = conditions.stream()
			.filter((condition) -> !config.disabled().contains(condition.rule()))
			.toList();
		return new Evaluation(distinct(enabled), evaluated,
				new EndpointMemory(failures, leafSha256, grade.last(), grade.baseline()), failed);
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

	/**
	 * Validity of each distinct certificate: the leaves, and every intermediate that
	 * expires before its leaf (a chain is only as valid as its shortest-lived member).
	 */
	private static void certificates(List<AddressResult> served, RuleConfig config, Instant now,
			List<Condition> conditions) {
		Set<String> seen = new LinkedHashSet<>();
		for (AddressResult result : served) {
			CertificateInfo leaf = Objects.requireNonNull(result.leaf());
			if (seen.add(leaf.sha256())) {
				validity(leaf, true, result.address(), config, now, conditions);
				renewal(leaf, result.address(), config, now, conditions);
			}
			for (CertificateInfo issuer : result.chain().subList(1, result.chain().size())) {
				if (!issuer.selfSigned() && issuer.notAfter().isBefore(leaf.notAfter()) && seen.add(issuer.sha256())) {
					validity(issuer, false, result.address(), config, now, conditions);
				}
			}
		}
	}

	private static void validity(CertificateInfo certificate, boolean leaf, @Nullable String address, RuleConfig config,
			Instant now, List<Condition> conditions) {
		String which = leaf ? "certificate" : "intermediate certificate";
		String named = leaf ? "The certificate " : "The intermediate certificate ";
		LocalDate notAfter = LocalDate.ofInstant(certificate.notAfter(), ZoneOffset.UTC);
		if (certificate.notBefore().isAfter(now)) {
			LocalDate notBefore = LocalDate.ofInstant(certificate.notBefore(), ZoneOffset.UTC);
			conditions.add(new Condition(AlertRule.CERT_NOT_YET_VALID, certificate.sha256(),
					config.severityOf(AlertRule.CERT_NOT_YET_VALID), 0, which + " is not valid before " + notBefore,
					named + certificate.subject() + " is not valid before " + notBefore + ".", address, certificate,
					null));
		}
		boolean expired = !certificate.notAfter().isAfter(now);
		if (expired) {
			conditions.add(new Condition(AlertRule.CERT_EXPIRED, certificate.sha256(),
					config.severityOf(AlertRule.CERT_EXPIRED), 0, which + " expired on " + notAfter,
					named + certificate.subject() + " expired on " + notAfter + ".", address, certificate, null));
		}
		expiring(certificate, which, named, expired, address, config, now, conditions);
	}

	/**
	 * The level is the number of thresholds crossed, so crossing a lower one escalates
	 * the same alert. An expired certificate has crossed them all and keeps its alert.
	 */
	private static void expiring(CertificateInfo certificate, String which, String named, boolean expired,
			@Nullable String address, RuleConfig config, Instant now, List<Condition> conditions) {
		Duration remaining = Duration.between(now, certificate.notAfter());
		List<Duration> crossed = config.thresholds()
			.stream()
			.map((threshold) -> threshold.before(certificate.notBefore(), certificate.notAfter()))
			.distinct()
			.filter((before) -> expired || remaining.compareTo(before) <= 0)
			.toList();
		if (crossed.isEmpty()) {
			return;
		}
		LocalDate notAfter = LocalDate.ofInstant(certificate.notAfter(), ZoneOffset.UTC);
		long days = remaining.toDays();
		String when = expired ? "expired on " + notAfter
				: ((days == 0) ? "expires today" : "expires in " + days + ((days == 1) ? " day" : " days")) + " ("
						+ notAfter + ")";
		Severity severity = (expired || remaining.compareTo(config.criticalWithin()) <= 0) ? Severity.CRITICAL
				: config.severityOf(AlertRule.CERT_EXPIRING);
		conditions.add(new Condition(AlertRule.CERT_EXPIRING, certificate.sha256(), severity, crossed.size(),
				which + " " + when, named + certificate.subject() + " " + when + ".", address, certificate, null));
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

	private static void trust(List<AddressResult> served, RuleConfig config, List<Condition> conditions) {
		served.stream().filter((result) -> result.trust() == TrustStatus.UNTRUSTED).findFirst().ifPresent((result) -> {
			String why = (result.trustError() != null) ? ": " + result.trustError() : "";
			conditions.add(new Condition(AlertRule.CHAIN_UNTRUSTED, "", config.severityOf(AlertRule.CHAIN_UNTRUSTED), 0,
					"certificate chain is not trusted", "The certificate chain is not trusted" + why + ".",
					result.address(), result.leaf(), null));
		});
		served.stream()
			.filter((result) -> Boolean.FALSE.equals(result.hostnameMatches()))
			.findFirst()
			.ifPresent((result) -> conditions.add(new Condition(AlertRule.HOSTNAME_MISMATCH, "",
					config.severityOf(AlertRule.HOSTNAME_MISMATCH), 0, "certificate does not match the name",
					"The certificate does not match the expected name.", result.address(), result.leaf(), null)));
	}

	private static void chainIssues(List<AddressResult> served, RuleConfig config, List<Condition> conditions) {
		Map<ChainIssue.Type, AlertRule> rules = Map.of(ChainIssue.Type.INCOMPLETE, AlertRule.CHAIN_INCOMPLETE,
				ChainIssue.Type.WEAK_KEY, AlertRule.WEAK_KEY, ChainIssue.Type.WEAK_SIGNATURE, AlertRule.WEAK_SIGNATURE);
		Map<AlertRule, Condition> first = new LinkedHashMap<>();
		for (AddressResult result : served) {
			for (ChainIssue issue : result.chainReport().issues()) {
				AlertRule rule = rules.get(issue.type());
				if (rule != null && !first.containsKey(rule)) {
					CertificateInfo certificate = (issue.position() >= 0 && issue.position() < result.chain().size())
							? result.chain().get(issue.position()) : result.leaf();
					first.put(rule, new Condition(rule, "", config.severityOf(rule), 0, title(rule), issue.detail(),
							result.address(), certificate, null));
				}
			}
		}
		conditions.addAll(first.values());
	}

	private static String title(AlertRule rule) {
		return switch (rule) {
			case CHAIN_INCOMPLETE -> "certificate chain is incomplete";
			case WEAK_KEY -> "weak key in the certificate chain";
			case WEAK_SIGNATURE -> "weak signature in the certificate chain";
			default -> rule.label().toLowerCase(java.util.Locale.ROOT);
		};
	}

	private static void addressesAgree(List<AddressResult> served, RuleConfig config, List<Condition> conditions) {
		List<AddressResult> completed = served.stream()
			.filter((result) -> result.outcome() == HandshakeOutcome.OK)
			.toList();
		if (completed.stream().map((result) -> result.leaf().sha256()).distinct().count() > 1) {
			String who = completed.stream()
				.map((result) -> result.address() + " serves " + result.leaf().sha256().substring(0, 16))
				.collect(Collectors.joining(", "));
			conditions.add(new Condition(AlertRule.ADDRESSES_DISAGREE, "",
					config.severityOf(AlertRule.ADDRESSES_DISAGREE), 0, "addresses serve different certificates",
					"The addresses of this name serve different certificates: " + who + ".", null, null, null));
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

	private static void protocols(ScanDetails scan, RuleConfig config, List<Condition> conditions,
			Set<AlertRule> evaluated) {
		List<AddressResult> probed = scan.results().stream().filter((result) -> !result.versions().isEmpty()).toList();
		if (probed.isEmpty()) {
			return;
		}
		evaluated.add(AlertRule.WEAK_PROTOCOL);
		Set<TlsVersion> weak = EnumSet.noneOf(TlsVersion.class);
		@Nullable String address = null;
		for (AddressResult result : probed) {
			List<TlsVersion> deprecated = result.acceptedVersions().stream().filter(TlsVersion::deprecated).toList();
			if (!deprecated.isEmpty() && weak.isEmpty()) {
				address = result.address();
			}
			weak.addAll(deprecated);
		}
		if (!weak.isEmpty()) {
			String names = weak.stream().map(TlsVersion::displayName).collect(Collectors.joining(", "));
			Severity severity = weak.stream().anyMatch(TlsVersion::prohibited) ? Severity.CRITICAL
					: config.severityOf(AlertRule.WEAK_PROTOCOL);
			conditions.add(new Condition(AlertRule.WEAK_PROTOCOL, "", severity, 0, "accepts " + names,
					"Deprecated protocol versions are accepted: " + names + ".", address, null, null));
		}
	}

	/**
	 * One alert per vulnerability the finding module found at warning or worse, with its
	 * severity; judged whenever an address had the vulnerability checks.
	 */
	private static void vulnerabilities(ScanDetails scan, List<FindingDetails> findings, List<Condition> conditions,
			Set<AlertRule> evaluated) {
		if (scan.results().stream().allMatch((result) -> result.vulnerabilities().isEmpty())) {
			return;
		}
		evaluated.add(AlertRule.VULNERABLE);
		Set<String> seen = new LinkedHashSet<>();
		for (FindingDetails finding : findings) {
			if (finding.code().startsWith(VULNERABILITY_PREFIX) && finding.severity() != Severity.INFO
					&& seen.add(finding.code())) {
				String id = finding.code().substring(VULNERABILITY_PREFIX.length());
				conditions.add(new Condition(AlertRule.VULNERABLE, id, finding.severity(), 0,
						"vulnerable: " + id.toLowerCase(Locale.ROOT).replace('_', ' '), finding.message(),
						finding.address(), null, null));
			}
		}
	}

	/** The code prefix of the finding module's vulnerability findings. */
	private static final String VULNERABILITY_PREFIX = "VULNERABILITY_";

	/**
	 * The suite chosen (as the finding module judged it) and every suite seen accepted.
	 */
	private static void ciphers(ScanDetails scan, List<FindingDetails> findings, RuleConfig config,
			List<Condition> conditions, Set<AlertRule> evaluated) {
		boolean known = scan.results()
			.stream()
			.anyMatch((result) -> result.cipherSuite() != null || result.cipherSupport() != null);
		if (!known) {
			return;
		}
		evaluated.add(AlertRule.INSECURE_CIPHER);
		Set<String> insecure = new LinkedHashSet<>();
		@Nullable String address = null;
		for (AddressResult result : scan.results()) {
			CipherSupport support = result.cipherSupport();
			if (support == null) {
				continue;
			}
			for (CipherSupport.VersionSuites version : support.suites()) {
				for (CipherSupport.Suite suite : version.accepted()) {
					if (suite.strength() == CipherStrength.INSECURE && insecure.add(suite.name()) && address == null) {
						address = result.address();
					}
				}
			}
		}
		FindingDetails chosen = findings.stream()
			.filter((finding) -> finding.code().equals("INSECURE_CIPHER"))
			.findFirst()
			.orElse(null);
		if (insecure.isEmpty() && chosen == null) {
			return;
		}
		String message = insecure.isEmpty() ? chosen.message()
				: "Insecure cipher suites are accepted: " + String.join(", ", insecure) + ".";
		conditions.add(new Condition(AlertRule.INSECURE_CIPHER, "", config.severityOf(AlertRule.INSECURE_CIPHER), 0,
				"accepts insecure cipher suites", message,
				(address != null) ? address : ((chosen != null) ? chosen.address() : null), null, null));
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

	private record GradeMemory(@Nullable String last, @Nullable String baseline) {
	}

}
