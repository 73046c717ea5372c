package dev.tlswatch.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.ScanJudge;
import dev.tlswatch.finding.ScanJudged;
import dev.tlswatch.notify.OutgoingMessage;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.RecordingNotifier;
import dev.tlswatch.support.RecordingNotifierConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.tlswatch.alert.AlertFixtures.certificate;
import static dev.tlswatch.alert.AlertFixtures.ok;
import static dev.tlswatch.alert.AlertFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert lifecycle on the real database: judged scans go in as {@link ScanJudged}
 * events inside a transaction, as the finding module publishes them; the messages queued
 * are recorded.
 */
@IntegrationTest(properties = "spring.quartz.auto-startup=false")
@Import(RecordingNotifierConfiguration.class)
class AlertLifecycleIntegrationTests {

	private static final AtomicLong scanIds = new AtomicLong(1_000_000);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Alerts alerts;

	@Autowired
	private AlertNotices notices;

	@Autowired
	private RecordingNotifier notifier;

	@Autowired
	private Findings findings;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Clock clock;

	@BeforeEach
	void clearMessages() {
		this.notifier.clear();
	}

	@Test
	void expiringCertificateOpensOnceEscalatesOnceAndResolvesOnRenewal() {
		EndpointDetails endpoint = register();
		Instant now = this.clock.instant();
		CertificateInfo old = certificate(unique(), "CN=mail.example.com", now.minus(Duration.ofDays(85)),
				now.plus(Duration.ofDays(5).plusHours(1)), false);
		for (int i = 0; i < 3; i++) {
			judge(endpoint, ok("192.0.2.1", List.of(old)));
		}
		AlertDetails alert = active(endpoint, AlertRule.CERT_EXPIRING);
		assertThat(alert.level()).isEqualTo(3);
		assertThat(alert.certificateSha256()).isEqualTo(old.sha256());
		List<OutgoingMessage> opened = this.notifier.messages("alert-" + alert.id() + "-");
		assertThat(opened).extracting(OutgoingMessage::key).containsExactly("alert-" + alert.id() + "-open");
		assertThat(opened.get(0).subject())
			.startsWith("[TLSWatch] CRITICAL " + endpoint.displayName() + " certificate expires in 5 days (");

		CertificateInfo closer = certificate(old.sha256(), old.subject(), old.notBefore(),
				now.plus(Duration.ofDays(2).plusHours(1)), false);
		judge(endpoint, ok("192.0.2.1", List.of(closer)));
		judge(endpoint, ok("192.0.2.1", List.of(closer)));
		assertThat(this.notifier.messages("alert-" + alert.id() + "-")).extracting(OutgoingMessage::key)
			.containsExactly("alert-" + alert.id() + "-open", "alert-" + alert.id() + "-escalate-4");
		AlertDetails escalated = this.alerts.find(alert.id()).orElseThrow();
		assertThat(escalated.level()).isEqualTo(4);
		assertThat(escalated.escalatedScanId()).isNotNull();
		assertThat(escalated.state()).isEqualTo(AlertState.OPEN);

		CertificateInfo renewed = certificate(unique(), "CN=mail.example.com", now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(89)), false);
		long renewingScan = judge(endpoint, ok("192.0.2.1", List.of(renewed)));
		judge(endpoint, ok("192.0.2.1", List.of(renewed)));
		assertThat(this.notifier.messages("alert-" + alert.id() + "-")).extracting(OutgoingMessage::key)
			.containsExactly("alert-" + alert.id() + "-open", "alert-" + alert.id() + "-escalate-4",
					"alert-" + alert.id() + "-resolve");
		AlertDetails resolved = this.alerts.find(alert.id()).orElseThrow();
		assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
		assertThat(resolved.resolvedScanId()).isEqualTo(renewingScan);
		// The renewal itself is news: one CERT_CHANGED carrying old and new.
		AlertDetails changed = this.alerts.list(new AlertFilter(null, null, endpoint.id()), PageRequest.of(0, 50))
			.stream()
			.filter((a) -> a.rule() == AlertRule.CERT_CHANGED)
			.findFirst()
			.orElseThrow();
		assertThat(changed.previousSha256()).isEqualTo(old.sha256());
		assertThat(changed.certificateSha256()).isEqualTo(renewed.sha256());
		assertThat(this.alerts.activeFor(endpoint.id())).isEmpty();
	}

	@Test
	void returningConditionOpensANewAlert() {
		EndpointDetails endpoint = register();
		Instant now = this.clock.instant();
		CertificateInfo leaf = certificate(unique(), "CN=x", now.minus(Duration.ofDays(10)),
				now.plus(Duration.ofDays(80)), false);
		AddressResult mismatch = AlertFixtures.result("192.0.2.1", dev.tlswatch.probe.TrustStatus.TRUSTED, false,
				List.of(leaf), dev.tlswatch.scan.ChainReportDetails.NONE, List.of(), null, null);
		judge(endpoint, mismatch);
		long first = active(endpoint, AlertRule.HOSTNAME_MISMATCH).id();
		judge(endpoint, ok("192.0.2.1", List.of(leaf)));
		judge(endpoint, mismatch);
		long second = active(endpoint, AlertRule.HOSTNAME_MISMATCH).id();
		assertThat(second).isNotEqualTo(first);
		assertThat(this.alerts.find(first).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
	}

	@Test
	void unreachableOnlyAfterThreeConsecutiveFailuresAndResolvedByTheFirstSuccess() {
		EndpointDetails endpoint = register();
		Instant now = this.clock.instant();
		CertificateInfo leaf = certificate(unique(), "CN=x", now.minus(Duration.ofDays(10)),
				now.plus(Duration.ofDays(20)), false);
		judge(endpoint, ok("192.0.2.1", List.of(leaf)));
		long expiring = active(endpoint, AlertRule.CERT_EXPIRING).id();
		judge(endpoint, refused("192.0.2.1"));
		judge(endpoint, refused("192.0.2.1"));
		assertThat(this.alerts.activeFor(endpoint.id())).extracting(AlertDetails::rule)
			.doesNotContain(AlertRule.UNREACHABLE)
			// An unreachable scan knows nothing of the certificate: its alert stays.
			.contains(AlertRule.CERT_EXPIRING);
		judge(endpoint, refused("192.0.2.1"));
		AlertDetails unreachable = active(endpoint, AlertRule.UNREACHABLE);
		judge(endpoint, refused("192.0.2.1"));
		assertThat(this.notifier.messages("alert-" + unreachable.id() + "-")).hasSize(1);
		judge(endpoint, ok("192.0.2.1", List.of(leaf)));
		assertThat(this.alerts.find(unreachable.id()).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
		assertThat(this.notifier.messages("alert-" + unreachable.id() + "-")).extracting(OutgoingMessage::key)
			.containsExactly("alert-" + unreachable.id() + "-open", "alert-" + unreachable.id() + "-resolve");
		assertThat(this.alerts.find(expiring).orElseThrow().state()).isEqualTo(AlertState.OPEN);
	}

	@Test
	void massFailureRaisesOneProberNetworkAlertInsteadOfUnreachable() {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("delete from alert_endpoint_state");
			this.jdbc.update("update alert set state = 'RESOLVED', resolved_at = now() where rule = 'PROBER_NETWORK'");
		});
		Instant now = this.clock.instant();
		CertificateInfo leaf = certificate(unique(), "CN=x", now.minus(Duration.ofDays(10)),
				now.plus(Duration.ofDays(80)), false);
		List<EndpointDetails> all = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			EndpointDetails endpoint = register();
			all.add(endpoint);
			judge(endpoint, ok("192.0.2.1", List.of(leaf)));
		}
		for (int round = 0; round < 3; round++) {
			for (EndpointDetails endpoint : all.subList(0, 6)) {
				judge(endpoint, refused("192.0.2.1"));
			}
		}
		assertThat(this.notifier.messages()).extracting(OutgoingMessage::subject)
			.filteredOn((subject) -> subject.contains("unreachable at once"))
			.hasSize(1);
		List<AlertDetails> prober = this.alerts.list(AlertFilter.ALL, PageRequest.of(0, 200))
			.stream()
			.filter((alert) -> alert.rule() == AlertRule.PROBER_NETWORK && alert.active())
			.toList();
		assertThat(prober).hasSize(1);
		assertThat(prober.get(0).endpointId()).isNull();
		for (EndpointDetails endpoint : all) {
			assertThat(this.alerts.activeFor(endpoint.id())).extracting(AlertDetails::rule)
				.doesNotContain(AlertRule.UNREACHABLE);
		}
		for (EndpointDetails endpoint : all.subList(0, 6)) {
			judge(endpoint, ok("192.0.2.1", List.of(leaf)));
		}
		assertThat(this.alerts.find(prober.get(0).id()).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
		assertThat(this.notifier.messages("alert-" + prober.get(0).id() + "-resolve")).hasSize(1);
	}

	@Test
	void acknowledgedAlertKeepsWhoAndMutedAlertEscalatesWithoutMail() {
		EndpointDetails endpoint = register();
		Instant now = this.clock.instant();
		CertificateInfo leaf = certificate(unique(), "CN=x", now.minus(Duration.ofDays(80)),
				now.plus(Duration.ofDays(10).plusHours(1)), false);
		judge(endpoint, ok("192.0.2.1", List.of(leaf)));
		AlertDetails alert = active(endpoint, AlertRule.CERT_EXPIRING);
		AlertDetails acknowledged = this.alerts.acknowledge(alert.id(), "  alice ");
		assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
		assertThat(acknowledged.acknowledgedBy()).isEqualTo("alice");
		this.alerts.mute(alert.id(), now.plus(Duration.ofDays(30)), "alice");
		CertificateInfo closer = certificate(leaf.sha256(), leaf.subject(), leaf.notBefore(),
				now.plus(Duration.ofDays(2).plusHours(1)), false);
		judge(endpoint, ok("192.0.2.1", List.of(closer)));
		AlertDetails after = this.alerts.find(alert.id()).orElseThrow();
		assertThat(after.level()).isEqualTo(4);
		assertThat(after.state()).isEqualTo(AlertState.ACKNOWLEDGED);
		assertThat(this.notifier.messages("alert-" + alert.id() + "-escalate")).isEmpty();
	}

	@Test
	void digestListsActiveAlertsOncePerDay() {
		EndpointDetails endpoint = register();
		Instant now = this.clock.instant();
		judge(endpoint, ok("192.0.2.1", List.of(certificate(unique(), "CN=<script>alert(1)</script>",
				now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(3)), false))));
		LocalDate day = LocalDate.of(2031, 1, 1);
		assertThat(this.notices.digest(day)).isTrue();
		assertThat(this.notices.digest(day)).isFalse();
		OutgoingMessage digest = this.notifier.messages("digest-2031-01-01").get(0);
		assertThat(digest.text()).contains(endpoint.displayName());
		assertThat(digest.html()).contains(endpoint.displayName()).doesNotContain("<script>");
	}

	private EndpointDetails register() {
		return this.endpoints.register(new EndpointDraft("alerts-" + UUID.randomUUID() + ".example", 443,
				TlsMode.IMPLICIT, null, null, null, null));
	}

	private long judge(EndpointDetails endpoint, AddressResult... results) {
		long id = scanIds.incrementAndGet();
		ScanDetails scan = AlertFixtures.scan(id, endpoint.id(), this.clock.instant(), results);
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new ScanJudged(scan,
				ScanJudge.findings(scan, this.findings.defaultExpiryPolicy(), scan.finishedAt()), EndpointStatus.OK)));
		// The alert module handles it after the commit, in its own transaction.
		dev.tlswatch.support.Eventually.await(java.time.Duration.ofSeconds(30), "scan " + id + " handled",
				() -> Boolean.TRUE.equals(this.jdbc.queryForObject(
						"select exists (select 1 from alert_scan_handled where scan_id = ?)", Boolean.class, id)));
		return id;
	}

	private AlertDetails active(EndpointDetails endpoint, AlertRule rule) {
		List<AlertDetails> matching = this.alerts.activeFor(endpoint.id())
			.stream()
			.filter((alert) -> alert.rule() == rule)
			.toList();
		assertThat(matching).as(rule + " alerts of " + endpoint.displayName()).hasSize(1);
		return matching.get(0);
	}

	private static String unique() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
