package dev.tlswatch.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tlswatch.finding.ExpiryPolicy;
import dev.tlswatch.finding.ExpiryThreshold;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.FindingKind;
import dev.tlswatch.finding.ScanJudge;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.RevocationReport;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.scan.CipherSupport;
import dev.tlswatch.scan.ScanDetails;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.alert.AlertFixtures.NOW;
import static dev.tlswatch.alert.AlertFixtures.certificate;
import static dev.tlswatch.alert.AlertFixtures.grade;
import static dev.tlswatch.alert.AlertFixtures.leaf;
import static dev.tlswatch.alert.AlertFixtures.ok;
import static dev.tlswatch.alert.AlertFixtures.refused;
import static dev.tlswatch.alert.AlertFixtures.result;
import static dev.tlswatch.alert.AlertFixtures.scan;
import static dev.tlswatch.alert.AlertFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every rule on hand-built scans.
 */
class AlertRulesTests {

	private static final RuleConfig DEFAULTS = new RuleConfig(Set.of(), 0.6667, "B", 3, Map.of());

	private static final ExpiryPolicy POLICY = new ExpiryPolicy(
			List.of("30", "14", "7", "3", "1").stream().map(ExpiryThreshold::parse).toList(), Duration.ofDays(7));

	@Test
	void leafFarFromExpiryRaisesNothing() {
		Evaluation evaluation = evaluate(scan(1, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(50))))));
		assertThat(evaluation.conditions()).isEmpty();
		assertThat(evaluation.evaluated()).contains(AlertRule.CERT_EXPIRING, AlertRule.UNREACHABLE);
	}

	@Test
	void expiringLevelCountsThresholdsCrossed() {
		Condition twenty = only(evaluate(scan(1, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(20)))))),
				AlertRule.CERT_EXPIRING);
		assertThat(twenty.level()).isEqualTo(1);
		assertThat(twenty.severity()).isEqualTo(Severity.WARNING);
		assertThat(twenty.subject()).isEqualTo(sha256("a"));
		assertThat(twenty.title()).isEqualTo("certificate expires in 20 days (2026-12-17)");
		Condition two = only(evaluate(scan(1, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(2).plusHours(1)))))),
				AlertRule.CERT_EXPIRING);
		assertThat(two.level()).isEqualTo(4);
		assertThat(two.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(two.title()).isEqualTo("certificate expires in 2 days (2026-11-29)");
	}

	@Test
	void percentThresholdsFollowTheLifetime() {
		ExpiryPolicy share = POLICY.withThresholds(List.of(ExpiryThreshold.parse("33%")));
		// A 47-day certificate with 20 days left: past 33% of its lifetime (15.5 days)?
		// No.
		CertificateInfo shortLived = certificate("b", "CN=short", NOW.minus(Duration.ofDays(27)),
				NOW.plus(Duration.ofDays(20)), false);
		assertThat(AlertRules.evaluate(scan(1, 1, ok("192.0.2.1", List.of(shortLived))),
				judged(scan(1, 1, ok("192.0.2.1", List.of(shortLived))), share), DEFAULTS, EndpointMemory.EMPTY, NOW)
			.conditions()).noneMatch((condition) -> condition.rule() == AlertRule.CERT_EXPIRING);
		CertificateInfo closer = certificate("c", "CN=short", NOW.minus(Duration.ofDays(33)),
				NOW.plus(Duration.ofDays(14)), false);
		assertThat(AlertRules
			.evaluate(scan(1, 1, ok("192.0.2.1", List.of(closer))),
					judged(scan(1, 1, ok("192.0.2.1", List.of(closer))), share), DEFAULTS, EndpointMemory.EMPTY, NOW)
			.conditions()).anyMatch((condition) -> condition.rule() == AlertRule.CERT_EXPIRING);
	}

	@Test
	void thresholdsParseDaysAndShares() {
		assertThat(ExpiryThreshold.parse(" 30 ")).isEqualTo(new ExpiryThreshold(30, false));
		assertThat(ExpiryThreshold.parse("33%").toString()).isEqualTo("33%");
		assertThatIllegalArgumentException().isThrownBy(() -> ExpiryThreshold.parse("0"));
		assertThatIllegalArgumentException().isThrownBy(() -> ExpiryThreshold.parse("120%"));
		assertThatIllegalArgumentException().isThrownBy(() -> ExpiryThreshold.parse("thirty"));
		assertThatIllegalArgumentException().isThrownBy(() -> ExpiryThreshold.parse("-3"));
	}

	@Test
	void intermediateExpiringBeforeTheLeafCounts() {
		CertificateInfo leaf = leaf("leaf", Duration.ofDays(80));
		CertificateInfo intermediate = certificate("ica", "CN=Intermediate", NOW.minus(Duration.ofDays(900)),
				NOW.plus(Duration.ofDays(5)), false);
		Evaluation evaluation = evaluate(scan(1, 1, ok("192.0.2.1", List.of(leaf, intermediate))));
		Condition condition = only(evaluation, AlertRule.CERT_EXPIRING);
		assertThat(condition.subject()).isEqualTo(sha256("ica"));
		assertThat(condition.title()).startsWith("intermediate certificate expires in 5 days");
	}

	@Test
	void renewalOverdueAfterTwoThirdsOfTheLifetime() {
		// 90-day leaf with 25 days left: 65 days (72%) elapsed.
		Condition condition = only(evaluate(scan(1, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(25)))))),
				AlertRule.RENEWAL_OVERDUE);
		assertThat(condition.severity()).isEqualTo(Severity.WARNING);
		assertThat(evaluate(scan(1, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(40)))))).conditions())
			.noneMatch((c) -> c.rule() == AlertRule.RENEWAL_OVERDUE);
	}

	@Test
	void expiredCertificateKeepsItsExpiringAlertAndRaisesExpired() {
		Evaluation evaluation = evaluate(scan(1, 1, result("192.0.2.1", TrustStatus.EXPIRED, true,
				List.of(leaf("a", Duration.ofDays(-1))), ChainReportDetails.NONE, List.of(), null, null)));
		assertThat(only(evaluation, AlertRule.CERT_EXPIRED).severity()).isEqualTo(Severity.CRITICAL);
		assertThat(only(evaluation, AlertRule.CERT_EXPIRING).level()).isEqualTo(5);
	}

	@Test
	void notYetValid() {
		CertificateInfo future = certificate("f", "CN=future", NOW.plus(Duration.ofDays(2)),
				NOW.plus(Duration.ofDays(92)), false);
		assertThat(only(evaluate(scan(1, 1, ok("192.0.2.1", List.of(future)))), AlertRule.CERT_NOT_YET_VALID).message())
			.contains("not valid before 2026-11-29");
	}

	@Test
	void untrustedCertificateStillHasItsExpiryTracked() {
		Evaluation evaluation = evaluate(scan(1, 1, result("192.0.2.1", TrustStatus.UNTRUSTED, true,
				List.of(leaf("a", Duration.ofDays(10))), ChainReportDetails.NONE, List.of(), null, null)));
		assertThat(only(evaluation, AlertRule.CHAIN_UNTRUSTED).message()).contains("PKIX path building failed");
		assertThat(only(evaluation, AlertRule.CERT_EXPIRING).severity()).isEqualTo(Severity.WARNING);
	}

	@Test
	void hostnameMismatch() {
		Evaluation evaluation = evaluate(scan(1, 1, result("192.0.2.1", TrustStatus.TRUSTED, false,
				List.of(leaf("a", Duration.ofDays(60))), ChainReportDetails.NONE, List.of(), null, null)));
		assertThat(only(evaluation, AlertRule.HOSTNAME_MISMATCH).severity()).isEqualTo(Severity.CRITICAL);
	}

	@Test
	void chainIssuesRaiseIncompleteWeakKeyAndWeakSignature() {
		ChainReportDetails report = new ChainReportDetails(
				List.of(new ChainIssue(ChainIssue.Type.INCOMPLETE, 0, "The issuer CN=X is missing."),
						new ChainIssue(ChainIssue.Type.WEAK_KEY, 0, "RSA 1024 bits."),
						new ChainIssue(ChainIssue.Type.WEAK_SIGNATURE, 0, "Signed with SHA-1.")),
				0, false);
		Evaluation evaluation = evaluate(scan(1, 1, result("192.0.2.1", TrustStatus.TRUSTED, true,
				List.of(leaf("a", Duration.ofDays(60))), report, List.of(), null, null)));
		assertThat(only(evaluation, AlertRule.CHAIN_INCOMPLETE).message())
			.isEqualTo("The chain is incomplete: The issuer CN=X is missing.");
		assertThat(only(evaluation, AlertRule.WEAK_KEY).message()).isEqualTo("RSA 1024 bits.");
		assertThat(only(evaluation, AlertRule.WEAK_SIGNATURE).message()).isEqualTo("Signed with SHA-1.");
	}

	@Test
	void weakProtocolsAndSslThreeIsCritical() {
		List<VersionSupport> tls10 = List.of(new VersionSupport(TlsVersion.TLS_1_0, VersionVerdict.ACCEPTED, null),
				new VersionSupport(TlsVersion.TLS_1_2, VersionVerdict.ACCEPTED, null));
		Condition weak = only(
				evaluate(scan(1, 1, result("192.0.2.1", TrustStatus.TRUSTED, true,
						List.of(leaf("a", Duration.ofDays(60))), ChainReportDetails.NONE, tls10, null, null))),
				AlertRule.WEAK_PROTOCOL);
		assertThat(weak.severity()).isEqualTo(Severity.WARNING);
		assertThat(weak.message()).contains("TLS 1.0");
		List<VersionSupport> ssl3 = List.of(new VersionSupport(TlsVersion.SSL_3_0, VersionVerdict.ACCEPTED, null));
		assertThat(only(evaluate(scan(1, 1,
				result("192.0.2.1", TrustStatus.TRUSTED, true, List.of(leaf("a", Duration.ofDays(60))),
						ChainReportDetails.NONE, ssl3, null, null))),
				AlertRule.WEAK_PROTOCOL)
			.severity()).isEqualTo(Severity.CRITICAL);
		List<VersionSupport> ssl2 = List.of(new VersionSupport(TlsVersion.SSL_2_0, VersionVerdict.ACCEPTED, null),
				new VersionSupport(TlsVersion.TLS_1_2, VersionVerdict.ACCEPTED, null));
		Condition prohibited = only(
				evaluate(scan(1, 1, result("192.0.2.1", TrustStatus.TRUSTED, true,
						List.of(leaf("a", Duration.ofDays(60))), ChainReportDetails.NONE, ssl2, null, null))),
				AlertRule.WEAK_PROTOCOL);
		assertThat(prohibited.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(prohibited.message()).isEqualTo("Deprecated protocol versions are accepted: SSL 2.0.");
	}

	@Test
	void insecureCipherFromTheSuitesAcceptedOrTheFinding() {
		CipherSupport support = new CipherSupport(
				List.of(new CipherSupport.VersionSuites(TlsVersion.TLS_1_2, ServerOrder.SERVER,
						List.of(new CipherSupport.Suite("TLS_RSA_WITH_RC4_128_SHA", CipherStrength.INSECURE)), true)),
				List.of(), null);
		Evaluation evaluation = evaluate(scan(1, 1, result("192.0.2.1", TrustStatus.TRUSTED, true,
				List.of(leaf("a", Duration.ofDays(60))), ChainReportDetails.NONE, List.of(), null, support)));
		assertThat(only(evaluation, AlertRule.INSECURE_CIPHER).message()).contains("TLS_RSA_WITH_RC4_128_SHA");
		FindingDetails finding = new FindingDetails(FindingKind.INSECURE_CIPHER, Severity.CRITICAL, "192.0.2.1",
				"The server chose the insecure cipher suite X.");
		Evaluation fromFinding = AlertRules.evaluate(
				scan(1, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(60))))), List.of(finding), DEFAULTS,
				EndpointMemory.EMPTY, NOW);
		assertThat(only(fromFinding, AlertRule.INSECURE_CIPHER).message()).isEqualTo(finding.message());
	}

	@Test
	void gradeBelowMinimumOrLowerThanBeforeAndTheDropLasts() {
		ScanDetails gradeB = gradedScan(GradeLetter.B);
		EndpointMemory wasA = new EndpointMemory(0, sha256("a"), "A", null);
		Evaluation dropped = AlertRules.evaluate(gradeB, judged(gradeB, POLICY), DEFAULTS, wasA, NOW);
		assertThat(only(dropped, AlertRule.GRADE_DROPPED).title()).isEqualTo("grade dropped from A to B");
		// Still B at the next scan: the drop lasts, measured from A.
		Evaluation still = AlertRules.evaluate(gradeB, judged(gradeB, POLICY), DEFAULTS, dropped.memory(), NOW);
		assertThat(only(still, AlertRule.GRADE_DROPPED).title()).isEqualTo("grade dropped from A to B");
		Evaluation back = AlertRules.evaluate(gradedScan(GradeLetter.A), judged(gradedScan(GradeLetter.A), POLICY),
				DEFAULTS, still.memory(), NOW);
		assertThat(back.conditions()).noneMatch((condition) -> condition.rule() == AlertRule.GRADE_DROPPED);
		assertThat(only(AlertRules.evaluate(gradedScan(GradeLetter.C), judged(gradedScan(GradeLetter.C), POLICY),
				DEFAULTS, EndpointMemory.EMPTY, NOW), AlertRule.GRADE_DROPPED)
			.title()).isEqualTo("grade C is below the minimum B");
	}

	@Test
	void certificateChangeCarriesOldAndNew() {
		EndpointMemory before = new EndpointMemory(0, sha256("old"), null, null);
		Evaluation evaluation = AlertRules.evaluate(
				scan(1, 1, ok("192.0.2.1", List.of(leaf("new", Duration.ofDays(80))))),
				judged(scan(1, 1, ok("192.0.2.1", List.of(leaf("new", Duration.ofDays(80))))), POLICY), DEFAULTS,
				before, NOW);
		Condition changed = only(evaluation, AlertRule.CERT_CHANGED);
		assertThat(changed.previousSha256()).isEqualTo(sha256("old"));
		assertThat(changed.subject()).isEqualTo(sha256("new"));
		assertThat(changed.severity()).isEqualTo(Severity.INFO);
		assertThat(evaluation.memory().lastLeafSha256()).isEqualTo(sha256("new"));
		// First scan: nothing to compare with.
		assertThat(evaluate(scan(1, 1, ok("192.0.2.1", List.of(leaf("new", Duration.ofDays(80)))))).conditions())
			.isEmpty();
	}

	@Test
	void severalAddressesWithDifferentCertificates() {
		Evaluation evaluation = evaluate(scan(1, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(80)))),
				ok("192.0.2.2", List.of(leaf("b", Duration.ofDays(5)))), refused("192.0.2.3")));
		assertThat(only(evaluation, AlertRule.ADDRESSES_DISAGREE).message()).contains("192.0.2.1", "192.0.2.2");
		Condition expiring = only(evaluation, AlertRule.CERT_EXPIRING);
		assertThat(expiring.subject()).isEqualTo(sha256("b"));
		assertThat(expiring.address()).isEqualTo("192.0.2.2");
		assertThat(evaluation.failed()).isFalse();
	}

	@Test
	void unreachableOnlyAfterConsecutiveFailuresAndUnknownDataSaysNothing() {
		ScanDetails down = scan(1, 1, refused("192.0.2.1"));
		Evaluation first = evaluate(down);
		assertThat(first.failed()).isTrue();
		assertThat(first.conditions()).isEmpty();
		// A scan that reached nothing has no certificate data: those rules stay as they
		// are.
		assertThat(first.evaluated()).containsExactly(AlertRule.UNREACHABLE);
		Evaluation second = AlertRules.evaluate(down, judged(down, POLICY), DEFAULTS, first.memory(), NOW);
		assertThat(second.conditions()).isEmpty();
		Evaluation third = AlertRules.evaluate(down, judged(down, POLICY), DEFAULTS, second.memory(), NOW);
		assertThat(only(third, AlertRule.UNREACHABLE).title()).isEqualTo("unreachable in 3 consecutive scans");
		Evaluation back = AlertRules.evaluate(scan(2, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(80))))),
				judged(scan(2, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(80))))), POLICY), DEFAULTS,
				third.memory(), NOW);
		assertThat(back.memory().consecutiveFailures()).isZero();
		assertThat(back.conditions()).isEmpty();
	}

	@Test
	void scanWithoutResultsOrLeafIsUnknown() {
		ScanDetails empty = new ScanDetails(1, 1, dev.tlswatch.scan.ScanTrigger.MANUAL, NOW, NOW,
				dev.tlswatch.probe.HandshakeOutcome.ERROR, "boom", List.of());
		Evaluation evaluation = evaluate(empty);
		assertThat(evaluation.conditions()).isEmpty();
		assertThat(evaluation.evaluated()).isEmpty();
		AddressResult handshakeFailed = new AddressResult("192.0.2.1", dev.tlswatch.probe.HandshakeOutcome.TLS_FAILURE,
				"handshake_failure", null, null, 2, null, TrustStatus.UNKNOWN, null, null, List.of());
		Evaluation noLeaf = evaluate(scan(1, 1, handshakeFailed));
		assertThat(noLeaf.conditions()).isEmpty();
		assertThat(noLeaf.failed()).isFalse();
		assertThat(noLeaf.evaluated()).doesNotContain(AlertRule.CERT_EXPIRING);
	}

	@Test
	void disabledRulesAreNotRaised() {
		RuleConfig config = DEFAULTS.with(Set.of(AlertRule.CERT_EXPIRING));
		Evaluation evaluation = AlertRules.evaluate(scan(1, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(5))))),
				judged(scan(1, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(5))))), POLICY), config,
				EndpointMemory.EMPTY, NOW);
		assertThat(evaluation.conditions()).extracting(Condition::rule).containsExactly(AlertRule.RENEWAL_OVERDUE);
		// Still evaluated, so an alert opened before the rule was disabled resolves.
		assertThat(evaluation.evaluated()).contains(AlertRule.CERT_EXPIRING);
	}

	@Test
	void severitiesCanBeConfigured() {
		RuleConfig config = new RuleConfig(Set.of(), 0.6667, "B", 3,
				Map.of(AlertRule.HOSTNAME_MISMATCH, Severity.WARNING));
		Evaluation evaluation = AlertRules.evaluate(
				scan(1, 1,
						result("192.0.2.1", TrustStatus.TRUSTED, false, List.of(leaf("a", Duration.ofDays(60))),
								ChainReportDetails.NONE, List.of(), null, null)),
				judged(scan(1, 1,
						result("192.0.2.1", TrustStatus.TRUSTED, false, List.of(leaf("a", Duration.ofDays(60))),
								ChainReportDetails.NONE, List.of(), null, null)),
						POLICY),
				config, EndpointMemory.EMPTY, NOW);
		assertThat(only(evaluation, AlertRule.HOSTNAME_MISMATCH).severity()).isEqualTo(Severity.WARNING);
	}

	private static ScanDetails gradedScan(GradeLetter letter) {
		return scan(1, 1, result("192.0.2.1", TrustStatus.TRUSTED, true, List.of(leaf("a", Duration.ofDays(60))),
				ChainReportDetails.NONE, List.of(), grade(letter), null));
	}

	private static List<FindingDetails> judged(ScanDetails scan, ExpiryPolicy policy) {
		return ScanJudge.findings(scan, policy, NOW);
	}

	private static Evaluation evaluate(ScanDetails scan) {
		return AlertRules.evaluate(scan, judged(scan, POLICY), DEFAULTS, EndpointMemory.EMPTY, NOW);
	}

	private static Condition only(Evaluation evaluation, AlertRule rule) {
		List<Condition> matching = evaluation.conditions().stream().filter((c) -> c.rule() == rule).toList();
		assertThat(matching).as("conditions of " + rule + " in " + evaluation.conditions()).hasSize(1);
		return matching.get(0);
	}

	@Test
	void vulnerabilityFoundAtWarningOrWorseIsAnAlertPerVulnerability() {
		AddressResult base = ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(50))));
		AddressResult probed = new AddressResult(base.address(), base.outcome(), null, "TLSv1.2",
				"TLS_RSA_WITH_AES_128_CBC_SHA", 1, 5, TrustStatus.TRUSTED, null, true, base.chain(),
				new ChainReportDetails(List.of(), 0, false), List.of(), null, 1, null, true, null, null, List.of(),
				List.of(VulnerabilityResult.vulnerable(Vulnerability.ROBOT, "Strong oracle", 5),
						VulnerabilityResult.vulnerable(Vulnerability.LUCKY13, "CBC suite accepted", 0)));
		ScanDetails scan = scan(1, 1, probed);

		Evaluation evaluation = AlertRules.evaluate(scan, judged(scan, POLICY), DEFAULTS, EndpointMemory.EMPTY, NOW);

		assertThat(evaluation.evaluated()).contains(AlertRule.VULNERABLE);
		Condition robot = only(evaluation, AlertRule.VULNERABLE);
		assertThat(robot.subject()).isEqualTo("ROBOT");
		assertThat(robot.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(robot.title()).isEqualTo("vulnerable: robot");
		assertThat(robot.message()).isEqualTo("Vulnerable to ROBOT (CVE-2017-13099): Strong oracle.");
	}

	@Test
	void everyVulnerabilityAboveInformationRaisesTheVulnerableRule() {
		for (Vulnerability vulnerability : Vulnerability.values()) {
			FindingKind kind = FindingKind.of(vulnerability);
			assertThat(AlertRules.ruleFor(kind)).as(kind.name())
				.isEqualTo((kind.defaultSeverity() == Severity.INFO) ? null : AlertRule.VULNERABLE);
		}
	}

	@Test
	void addressesWithoutVulnerabilityChecksLeaveTheRuleUnjudged() {
		Evaluation evaluation = evaluate(scan(1, 1, ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(50))))));

		assertThat(evaluation.evaluated()).doesNotContain(AlertRule.VULNERABLE);
	}

	@Test
	void revokedIntermediateIsOneCriticalAlertNamingItsCertificate() {
		CertificateInfo leaf = leaf("a", Duration.ofDays(50));
		CertificateInfo intermediate = leaf("b", Duration.ofDays(900));
		AddressResult result = ok("192.0.2.1", List.of(leaf, intermediate))
			.withRevocation(new RevocationReport(List.of(Revocation.good(Revocation.Source.OCSP, "Good"), Revocation
				.revoked(Revocation.Source.CRL, "cACompromise", NOW.minus(Duration.ofDays(1)), "On the CRL"))));

		Evaluation evaluation = evaluate(scan(1, 1, result));

		assertThat(evaluation.evaluated()).contains(AlertRule.CERT_REVOKED);
		Condition revoked = only(evaluation, AlertRule.CERT_REVOKED);
		assertThat(revoked.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(revoked.subject()).isEqualTo(intermediate.sha256());
		assertThat(revoked.title()).isEqualTo("intermediate certificate revoked");
		assertThat(revoked.message()).contains("cACompromise").contains("the CRL");
	}

	@Test
	void unknownRevocationRaisesNothingAndLeavesTheRuleUnjudged() {
		AddressResult result = ok("192.0.2.1", List.of(leaf("a", Duration.ofDays(50))))
			.withRevocation(new RevocationReport(List.of(Revocation.unknown("OCSP timed out"))));

		Evaluation evaluation = evaluate(scan(1, 1, result));

		assertThat(evaluation.evaluated()).doesNotContain(AlertRule.CERT_REVOKED);
		assertThat(evaluation.conditions()).extracting(Condition::rule).doesNotContain(AlertRule.CERT_REVOKED);
		assertThat(AlertRules.ruleFor(FindingKind.REVOCATION_UNKNOWN)).isNull();
		assertThat(AlertRules.ruleFor(FindingKind.CERT_REVOKED)).isEqualTo(AlertRule.CERT_REVOKED);
	}

}
