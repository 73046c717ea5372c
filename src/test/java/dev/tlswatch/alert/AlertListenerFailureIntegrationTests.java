package dev.tlswatch.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.notify.Notifier;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestMailServer;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;

/**
 * Scan stored → findings judged → alerts, through the event publication registry: when
 * the alert listener fails once, the scan and its findings stay stored, the publication
 * stays incomplete, and once it is resubmitted the alert exists with exactly one mail.
 */
@IntegrationTest
class AlertListenerFailureIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@Autowired
	private Alerts alerts;

	@Autowired
	private IncompleteEventPublications publications;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Clock clock;

	@MockitoSpyBean
	private Notifier notifier;

	private final TestMailServer smtp = new TestMailServer();

	private String recipient;

	@BeforeEach
	void startSmtp() {
		this.smtp.start();
		this.recipient = "failing-" + UUID.randomUUID().toString().substring(0, 8) + "@tlswatch.test";
	}

	@AfterEach
	void stopSmtp() {
		this.smtp.stop();
	}

	@Test
	void alertListenerThatFailsOnceLosesNothingAndMailsOnceAfterTheRetry() throws Exception {
		Instant now = this.clock.instant();
		TestCertificates.Issued expiring = TestCertificates.leaf("failing.tlswatch.test")
			.dnsNames("localhost")
			.validity(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(5)).plus(Duration.ofHours(2)))
			.issuedBy(TestTrustBundle.ca());
		AtomicInteger failures = new AtomicInteger();
		willAnswer((invocation) -> {
			if (failures.getAndIncrement() == 0) {
				throw new IllegalStateException("planted: the outbox is not reachable this once");
			}
			return invocation.callRealMethod();
		}).given(AopTestUtils.<Notifier>getUltimateTargetObject(this.notifier)).enqueue(any());
		try (TestTlsServer server = TestTlsServer.start(expiring)) {
			EndpointDetails endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", server.port(),
					TlsMode.IMPLICIT, "localhost", 60, List.of("listener-failure"), false));
			this.alerts.updateEndpointSettings(endpoint.id(),
					new EndpointAlertSettings(null, List.of(), List.of(this.recipient), null, null));

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			Eventually.await(WAIT, "the alert listener's failure", () -> failures.get() >= 1 && incomplete() == 1);
			assertThat(this.scans.find(scan.id())).as("the scan stays stored").isPresent();
			assertThat(this.findings.verdict(endpoint.id()).status()).isEqualTo(EndpointStatus.CRITICAL);
			assertThat(this.findings.forScan(scan.id())).isNotEmpty();
			assertThat(this.alerts.activeFor(endpoint.id())).as("its changes were rolled back").isEmpty();

			this.publications.resubmitIncompletePublications((publication) -> true);

			Eventually.await(WAIT, "the alert after the retry", () -> !this.alerts.activeFor(endpoint.id()).isEmpty());
			Eventually.await(WAIT, "the mail", () -> mails().size() == 1);
			Eventually.await(WAIT, "the publication completed", () -> incomplete() == 0);
			assertThat(this.alerts.activeFor(endpoint.id())).extracting(AlertDetails::rule)
				.contains(AlertRule.CERT_EXPIRING);

			// Delivered again (a second node, a restart): the stored key makes it a
			// no-op.
			this.publications.resubmitIncompletePublications((publication) -> true);
			assertThat(this.jdbc.queryForObject("select count(*) from alert where endpoint_id = ?", Long.class,
					endpoint.id()))
				.isEqualTo(this.alerts.activeFor(endpoint.id()).size());
			assertThat(mails()).hasSize(1);
		}
	}

	/** Incomplete publications of the alert listener for this test's scans. */
	private long incomplete() {
		return this.jdbc.queryForObject("""
				select count(*) from event_publication
				where completion_date is null and listener_id like '%AlertEngine%'
				""", Long.class);
	}

	private List<MimeMessage> mails() {
		return this.smtp.mailsTo(this.recipient);
	}

}
