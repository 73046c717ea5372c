package dev.tlswatch.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.MovableClock;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import dev.tlswatch.support.TestMailServer;
import dev.tlswatch.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static dev.tlswatch.support.TestMailServer.subject;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path from real scans of an in-process TLS server to mail in a real SMTP
 * server (GreenMail on the test JVM's port (TestSmtp), where the test profile sends): an
 * expiring certificate mails once however often it is scanned, mails once more when it
 * crosses the next threshold (even while SMTP is down at that moment), and once when it
 * is renewed. Each test sends to its own address so mails of other tests do not count.
 */
@IntegrationTest
@Import(AlertMailIntegrationTests.Clocks.class)
class AlertMailIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Alerts alerts;

	@Autowired
	private MovableClock clock;

	private final TestMailServer smtp = new TestMailServer();

	private String recipient;

	@BeforeEach
	void startSmtp() {
		this.smtp.start();
		this.recipient = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@tlswatch.test";
	}

	@AfterEach
	void stopSmtp() {
		this.smtp.stop();
	}

	@Test
	void expiringCertificateMailsOnceEscalatesOnceAndResolvesOnceWhenRenewed() throws Exception {
		Instant now = this.clock.instant();
		TestCertificates.Issued expiring = TestCertificates.leaf("<script>alert(1)</script>")
			.dnsNames("localhost")
			.validity(now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(5)).plus(Duration.ofHours(2)))
			.issuedBy(TestTrustBundle.ca());
		TestCertificates.Issued renewedCertificate = TestCertificates.leaf("renewed.tlswatch.test")
			.dnsNames("localhost")
			.validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)))
			.issuedBy(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(expiring);
				TestTlsServer renewed = TestTlsServer.start(renewedCertificate)) {
			EndpointDetails endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", server.port(),
					TlsMode.IMPLICIT, "localhost", 60, List.of("e2e-mail"), false));
			this.alerts.updateEndpointSettings(endpoint.id(),
					new EndpointAlertSettings(null, List.of(), List.of(this.recipient), null, null));

			for (int i = 0; i < 3; i++) {
				this.scans.scanNow(endpoint.id());
			}
			Eventually.await(WAIT, "the expiry mail", () -> expiryMails().size() == 1);

			quietFor(Duration.ofSeconds(3));
			List<MimeMessage> opened = expiryMails();
			assertThat(opened).as("three scans, one mail").hasSize(1);
			assertThat(opened.get(0).getSubject()).startsWith("[TLSWatch] CRITICAL 127.0.0.1:" + server.port())
				.contains("certificate expires in 5 days");
			String html = GreenMailUtil.getBody(opened.get(0));
			assertThat(html).doesNotContain("<script>alert(1)</script>");

			// Three days later the certificate crosses the 3-day threshold while the mail
			// server is down: the escalation waits in the outbox and arrives once.
			this.smtp.stop();
			this.clock.advance(Duration.ofDays(3));
			this.scans.scanNow(endpoint.id());
			this.scans.scanNow(endpoint.id());
			this.smtp.restart();
			Eventually.await(WAIT, "the escalation mail", () -> expiryMails().size() == 1);
			quietFor(Duration.ofSeconds(3));
			List<MimeMessage> escalated = expiryMails();
			assertThat(escalated).hasSize(1);
			assertThat(escalated.get(0).getSubject()).contains("certificate expires in 2 days")
				.doesNotStartWith("[TLSWatch] RESOLVED");

			this.smtp.purge();

			// Renewed: the endpoint now points at a server with a fresh certificate.
			this.endpoints.update(endpoint.id(), new EndpointDraft("127.0.0.1", renewed.port(), TlsMode.IMPLICIT,
					"localhost", 60, List.of("e2e-mail"), false));
			this.scans.scanNow(endpoint.id());
			this.scans.scanNow(endpoint.id());
			Eventually.await(WAIT, "the resolve mail", () -> expiryMails().size() == 1);
			quietFor(Duration.ofSeconds(3));
			List<MimeMessage> resolved = expiryMails();
			assertThat(resolved).hasSize(1);
			assertThat(resolved.get(0).getSubject()).startsWith("[TLSWatch] RESOLVED");
		}

	}

	/**
	 * Expiry mails to this test's address that arrived at the current mail server, one
	 * per Message-ID (GreenMail keeps a copy per recipient).
	 */
	private List<MimeMessage> expiryMails() {
		return this.smtp.mailsTo(this.recipient, (mail) -> subject(mail).contains("certificate expires"));
	}

	/** Gives the outbox a few drains to send anything it should not. */
	private static void quietFor(Duration duration) throws InterruptedException {
		Thread.sleep(duration.toMillis());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
