package dev.tlswatch.notify;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.tlswatch.support.TestSmtp;

/**
 * A GreenMail SMTP server on 127.0.0.1 and the test JVM's port (TestSmtp) (the test
 * profile's {@code spring.mail.*}), which can be stopped to play an SMTP outage. The
 * outbox is shared by every test of the JVM, so tests find their mail by a token of their
 * own in the subject.
 */
final class TestMailServer {

	private GreenMail greenMail = new GreenMail(TestSmtp.setup());

	void start() {
		this.greenMail.start();
	}

	/** Stops the server; the port refuses connections until {@link #restart()}. */
	void stop() {
		this.greenMail.stop();
	}

	/** A fresh server on the same port (mail received before is forgotten). */
	void restart() {
		this.greenMail.stop();
		this.greenMail = new GreenMail(TestSmtp.setup());
		this.greenMail.start();
	}

	/**
	 * The copies delivered to one mailbox whose subject contains the token.
	 * @param recipient the mailbox
	 * @param token the test's token
	 * @return the messages, in arrival order
	 */
	List<MimeMessage> received(String recipient, String token) {
		// GreenMail keeps one copy per recipient mailbox.
		return this.greenMail
			.findReceivedMessages((user) -> user.getEmail().equalsIgnoreCase(recipient),
					(message) -> subject(message).contains(token))
			.toList();
	}

	static String subject(MimeMessage message) {
		try {
			String subject = message.getSubject();
			return (subject != null) ? subject : "";
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Unable to read the subject of a received mail", ex);
		}
	}

}
