package dev.tlswatch.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The outbox with mail on (the test profile: GreenMail on port 3025, global recipient
 * {@code ops@tlswatch.test}): what a transaction queues is mailed once if it commits and
 * never if it rolls back, and an SMTP outage only delays it.
 */
@IntegrationTest
class NotifierIntegrationTests {

	static final String OPS = "ops@tlswatch.test";

	static final Duration WAIT = Duration.ofSeconds(30);

	private static final TestMailServer smtp = new TestMailServer();

	@Autowired
	private OutboxDrainer drainer;

	@Autowired
	private Notifier notifier;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void startSmtp() {
		smtp.start();
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void messageQueuedInCommittedTransactionIsMailedOnceAsTextAndHtml() throws Exception {
		String token = token();
		OutgoingMessage message = new OutgoingMessage(token + "-opened", "Certificate expires " + token,
				"example.com expires in 7 days", "<p>example.com expires in <b>7 days</b></p>",
				List.of("owner@tlswatch.test"), Map.of("severity", "WARNING"));

		Boolean queued = this.transactions.execute((status) -> this.notifier.enqueue(message));

		assertThat(queued).isTrue();
		Eventually.await(WAIT, "mail to both recipients",
				() -> smtp.received(OPS, token).size() == 1 && smtp.received("owner@tlswatch.test", token).size() == 1);
		awaitSent(message.key());
		MimeMessage mail = smtp.received(OPS, token).get(0);
		assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("tlswatch@tlswatch.test");
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(OPS, "owner@tlswatch.test");
		assertThat(mail.getSubject()).isEqualTo("Certificate expires " + token);
		assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(mail.getMessageID()).isEqualTo(storedDeliveryId(message.key(), ChannelType.MAIL))
			.endsWith(".tlswatch@tlswatch.test>");
		Map<String, String> parts = textParts(mail);
		assertThat(parts).containsEntry("text/plain", "example.com expires in 7 days")
			.containsEntry("text/html", "<p>example.com expires in <b>7 days</b></p>");
		assertThat(smtp.received(OPS, token)).hasSize(1);
	}

	@Test
	void messageQueuedInRolledBackTransactionIsNeverStoredNorSent() {
		String token = token();
		OutgoingMessage message = text(token);

		this.transactions.executeWithoutResult((status) -> {
			this.notifier.enqueue(message);
			status.setRollbackOnly();
		});
		// A message queued afterwards is mailed; the rolled-back one is not.
		OutgoingMessage later = text(token + "-later");
		this.transactions.execute((status) -> this.notifier.enqueue(later));

		Eventually.await(WAIT, "the later mail", () -> smtp.received(OPS, later.subject()).size() == 1);
		awaitSent(later.key());
		assertThat(this.jdbc.sql("select count(*) from notify_message where message_key = ?")
			.param(message.key())
			.query(Long.class)
			.single()).isZero();
		assertThat(smtp.received(OPS, token)).extracting(TestMailServer::subject).containsExactly(later.subject());
	}

	@Test
	void sameKeyQueuedTwiceIsMailedOnce() {
		String token = token();
		OutgoingMessage message = text(token);

		Boolean first = this.transactions.execute((status) -> this.notifier.enqueue(message));
		Boolean second = this.transactions.execute((status) -> this.notifier.enqueue(message));
		Boolean again = this.transactions.execute((status) -> this.notifier.enqueue(text(token)));

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(again).isFalse();
		awaitSent(message.key());
		assertThat(smtp.received(OPS, token)).hasSize(1);
		assertThat(this.jdbc
			.sql("select count(*) from notify_outbox o join notify_message m on m.id = o.message_id "
					+ "where m.message_key = ?")
			.param(message.key())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void enqueueOutsideTransactionIsRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.notifier.enqueue(text(token())));
	}

	@Test
	void mailQueuedWhileSmtpIsDownArrivesOnceAfterItIsBackWithGrowingBackoff() {
		String token = token();
		OutgoingMessage message = text(token);
		// Other test classes share the database and leave alert mails behind; while SMTP
		// is down each drain tries one due row, so this test's row must be the only one.
		this.jdbc.sql("delete from notify_outbox where status <> 'SENT'").update();
		smtp.stop();
		List<Long> backoffs = new ArrayList<>();
		try {
			this.transactions.execute((status) -> this.notifier.enqueue(message));
			// Each failed attempt stores the wait before the next one. The test drains
			// itself as well: the shared Quartz drain trigger may still be held by a node
			// of another test class that is shutting down.
			Eventually.await(WAIT, "three failed attempts", () -> {
				this.drainer.drain();
				Attempts attempts = attempts(message.key());
				if (attempts.count() > backoffs.size() && attempts.backoffMillis() != null) {
					backoffs.add(attempts.backoffMillis());
				}
				return attempts.count() >= 3;
			});
			assertThat(this.notifier.status().failing()).isPositive();
			assertThat(this.notifier.status().lastError()).isNotBlank();
		}
		finally {
			smtp.restart();
		}

		Eventually.await(WAIT, "the mail after the outage", () -> {
			this.drainer.drain();
			return smtp.received(OPS, token).size() == 1;
		});
		awaitSent(message.key());
		assertThat(smtp.received(OPS, token)).hasSize(1);
		assertThat(backoffs).hasSizeGreaterThanOrEqualTo(2).isSorted().doesNotHaveDuplicates();
		assertThat(attempts(message.key()).count()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void statusShowsConfiguration() {
		DeliveryStatus status = this.notifier.status();

		assertThat(status.mailEnabled()).isTrue();
		assertThat(status.mailFrom()).isEqualTo("tlswatch@tlswatch.test");
		assertThat(status.mailRecipients()).containsExactly(OPS);
		assertThat(status.webhookEnabled()).isFalse();
		assertThat(status.webhookTarget()).isNull();
	}

	@Test
	void testMailGoesToTheGivenAddressAtOnce() {
		TestMailResult result = this.notifier.sendTestMail("someone@tlswatch.test");

		assertThat(result.sent()).isTrue();
		assertThat(result.recipients()).containsExactly("someone@tlswatch.test");
		assertThat(smtp.received("someone@tlswatch.test", OutboxNotifier.TEST_SUBJECT)).hasSize(1);
	}

	@Test
	void testMailToAnInvalidAddressIsRefused() {
		assertThatExceptionOfType(InvalidAddressException.class)
			.isThrownBy(() -> this.notifier.sendTestMail("not an address"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("to"));
		assertThatExceptionOfType(InvalidAddressException.class)
			.isThrownBy(() -> this.notifier.sendTestMail("a@b.test\r\nBcc: x@y.test"));
	}

	private void awaitSent(String key) {
		Eventually.await(WAIT, "every delivery of " + key + " marked sent",
				() -> this.jdbc
					.sql("select count(*) from notify_outbox o join notify_message m on m.id = o.message_id "
							+ "where m.message_key = ? and o.status <> 'SENT'")
					.param(key)
					.query(Long.class)
					.single() == 0);
	}

	private String storedDeliveryId(String key, ChannelType channel) {
		return this.jdbc
			.sql("select o.delivery_id from notify_outbox o join notify_message m on m.id = o.message_id "
					+ "where m.message_key = ? and o.channel = ?")
			.param(key)
			.param(channel.name())
			.query(String.class)
			.single();
	}

	private Attempts attempts(String key) {
		return this.jdbc.sql("""
				select o.attempts,
				       (extract(epoch from (o.next_attempt_at - o.last_attempt_at)) * 1000)::bigint as backoff
				from notify_outbox o join notify_message m on m.id = o.message_id
				where m.message_key = ? and o.channel = 'MAIL'""")
			.param(key)
			.query((rs, row) -> new Attempts(rs.getInt("attempts"), rs.getObject("backoff", Long.class)))
			.single();
	}

	static String token() {
		return "t" + UUID.randomUUID().toString().substring(0, 8);
	}

	static OutgoingMessage text(String token) {
		return new OutgoingMessage(token, "Subject " + token, "Body " + token, null, List.of(), Map.of());
	}

	/** The text parts of a mail by content type. */
	static Map<String, String> textParts(MimeMessage mail) throws MessagingException, IOException {
		Map<String, String> parts = new java.util.HashMap<>();
		collect(mail.getContent(), mail.getContentType(), parts);
		return parts;
	}

	private static void collect(Object content, String type, Map<String, String> parts)
			throws MessagingException, IOException {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				collect(part.getContent(), part.getContentType(), parts);
			}
		}
		else if (content instanceof String text) {
			parts.put(type.split(";")[0].strip().toLowerCase(), text.strip());
		}
	}

	/**
	 * A mail row's attempts.
	 *
	 * @param count attempts so far
	 * @param backoffMillis the wait stored after the last one
	 */
	record Attempts(int count, Long backoffMillis) {
	}

}
