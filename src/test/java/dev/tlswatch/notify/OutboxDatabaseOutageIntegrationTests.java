package dev.tlswatch.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.zaxxer.hikari.HikariDataSource;
import dev.tlswatch.alert.AlertRule;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.alert.EndpointAlertSettings;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.StoppableDatabase;
import dev.tlswatch.support.TestMailServer;
import dev.tlswatch.support.MissingModuleStandIns;
import dev.tlswatch.support.TestAuthenticationConfiguration;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestSmtp;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No alert mail is lost or sent twice when the database goes away around the outbox: an
 * expiring certificate raises an alert whose mail is queued, and the database stops
 * either while the drain sends it (the SMTP server accepted it, the row is not marked
 * sent yet) or before it could deliver it (the attempt fails and cannot be recorded).
 * When the database is back, exactly one mail has arrived, with one Message-ID, and the
 * row is sent. Until the alert is raised the mail sender refuses (the row waits for its
 * retry), so the outage never meets the test's own queries; then it stops the database at
 * exactly that point: it is the mail sender the application uses (a
 * {@link JavaMailSenderImpl} to GreenMail on the test JVM's port), so nothing depends on
 * timing. The test owns its PostgreSQL server (never the shared one).
 */
@SpringBootTest(properties = { "tlswatch.database.check-interval=300ms",
		"spring.quartz.properties.org.quartz.scheduler.dbFailureRetryInterval=1000" })
@AutoConfigureMockMvc
@Import({ OutboxDatabaseOutageIntegrationTests.OwnDatabase.class, MissingModuleStandIns.class,
		TestAuthenticationConfiguration.class })
@ActiveProfiles("test")
class OutboxDatabaseOutageIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final StoppableDatabase DATABASE = new StoppableDatabase("outage test");

	/**
	 * When the mail sender stops the database next: before or after it hands a mail over.
	 */
	private static final AtomicReference<Outage> OUTAGE = new AtomicReference<>(Outage.NONE);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Alerts alerts;

	@Autowired
	private OutboxDrainer drainer;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private HikariDataSource dataSource;

	private GreenMail smtp;

	private String recipient;

	@BeforeEach
	void startSmtp() {
		this.smtp = new GreenMail(TestSmtp.setup());
		this.smtp.start();
		// Mails are refused (and retried) until the alert is raised and the test is
		// ready.
		OUTAGE.set(Outage.HOLD);
		this.recipient = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "@tlswatch.test";
	}

	@AfterEach
	void stopSmtp() {
		OUTAGE.set(Outage.NONE);
		this.smtp.stop();
	}

	@AfterAll
	static void stopServer() {
		DATABASE.stop();
	}

	@Test
	void databaseGoneAfterTheSmtpServerAcceptedTheMailSendsItOnce() throws Exception {
		raiseExpiryAlert();
		OUTAGE.set(Outage.AFTER_SEND);

		Eventually.await(WAIT, "the mail handed over, then the database stopped", () -> OUTAGE.get() == Outage.DONE);
		assertThat(mails()).hasSize(1);
		restartDatabase();

		Eventually.await(WAIT, "the row recorded as sent", () -> pendingRows() == 0 && sentRows() == 1);
		assertThat(this.drainer.drain()).as("nothing left to send").isZero();
		assertExactlyOneMail();
	}

	@Test
	void databaseGoneBeforeTheMailWasDeliveredSendsItOnceWhenItIsBack() throws Exception {
		raiseExpiryAlert();
		OUTAGE.set(Outage.BEFORE_SEND);

		Eventually.await(WAIT, "the database stopped at the first attempt", () -> OUTAGE.get() == Outage.DONE);
		assertThat(mails()).isEmpty();
		restartDatabase();

		Eventually.await(WAIT, "the row sent", () -> pendingRows() == 0 && sentRows() == 1);
		Eventually.await(WAIT, "the mail", () -> mails().size() == 1);
		assertThat(this.drainer.drain()).as("nothing left to send").isZero();
		assertExactlyOneMail();
	}

	private void raiseExpiryAlert() {
		Instant now = Instant.now();
		TestCertificates.Issued issued = TestCertificates.leaf("outage.tlswatch.test")
			.dnsNames("localhost")
			.validity(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(5)).plus(Duration.ofHours(2)))
			.issuedBy(TestTrustBundle.ca());
		try (TestTlsServer tls = TestTlsServer.start(issued)) {
			EndpointDetails endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", tls.port(),
					TlsMode.IMPLICIT, "localhost", 60, List.of("outage"), false));
			this.alerts.updateEndpointSettings(endpoint.id(),
					new EndpointAlertSettings(null, List.of(), List.of(this.recipient), null, null));
			this.scans.scanNow(endpoint.id());
			Eventually.await(WAIT, "the expiry alert",
					() -> this.alerts.activeFor(endpoint.id())
						.stream()
						.anyMatch((alert) -> alert.rule() == AlertRule.CERT_EXPIRING));
		}
	}

	private void assertExactlyOneMail() {
		List<MimeMessage> mails = mails();
		assertThat(mails).hasSize(1);
		assertThat(TestMailServer.subject(mails.get(0))).contains("certificate expires");
	}

	/**
	 * Every mail in this test's recipient's mailbox (each recipient gets a copy of a
	 * message; a copy sent again has the same Message-ID, so nothing is folded).
	 */
	private List<MimeMessage> mails() {
		GreenMailUser user = this.smtp.getUserManager().getUserByEmail(this.recipient);
		if (user == null) {
			return List.of();
		}
		try {
			return this.smtp.getManagers()
				.getImapHostManager()
				.getInbox(user)
				.getMessages()
				.stream()
				.map(StoredMessage::getMimeMessage)
				.toList();
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long pendingRows() {
		return rows("PENDING");
	}

	private long sentRows() {
		return rows("SENT");
	}

	private long rows(String status) {
		try {
			Long count = this.jdbc.queryForObject(
					"select count(*) from notify_outbox where status = ? and recipients like ?", Long.class, status,
					"%" + this.recipient + "%");
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			// The database is away right now.
			return -1;
		}
	}

	/**
	 * Starts the database again and waits until the pool answers; connections the outage
	 * broke are let go at once, so that the next test does not meet one.
	 */
	private void restartDatabase() {
		DATABASE.start();
		this.dataSource.getHikariPoolMXBean().softEvictConnections();
		Eventually.await(WAIT, "the pool to answer", () -> pendingRows() >= 0);
	}

	private enum Outage {

		NONE, HOLD, BEFORE_SEND, AFTER_SEND, STOPPING, DONE

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnDatabase {

		@Bean
		JdbcConnectionDetails outageTestDatabase() {
			return DATABASE.connectionDetails();
		}

		/**
		 * The application's mail sender, to GreenMail, which stops the database once just
		 * before or just after it hands a mail over.
		 */
		@Bean
		JavaMailSender outageMailSender() {
			JavaMailSenderImpl sender = new JavaMailSenderImpl() {

				@Override
				protected void doSend(MimeMessage[] messages, Object[] originals) {
					if (OUTAGE.get() == Outage.HOLD) {
						throw new MailSendException("The test holds mail until the alert is raised");
					}
					if (OUTAGE.compareAndSet(Outage.BEFORE_SEND, Outage.STOPPING)) {
						DATABASE.stop();
						OUTAGE.set(Outage.DONE);
						throw new MailSendException("The test stopped the database before this mail");
					}
					super.doSend(messages, originals);
					if (OUTAGE.compareAndSet(Outage.AFTER_SEND, Outage.STOPPING)) {
						DATABASE.stop();
						OUTAGE.set(Outage.DONE);
					}
				}

			};
			sender.setHost("127.0.0.1");
			sender.setPort(TestSmtp.PORT);
			return sender;
		}

	}

}
