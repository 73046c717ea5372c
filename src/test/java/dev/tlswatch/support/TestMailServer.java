package dev.tlswatch.support;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A GreenMail SMTP server on 127.0.0.1 and the test JVM's port ({@link TestSmtp}, where
 * the test profile's {@code spring.mail.*} sends), which can be stopped to play an SMTP
 * outage. The outbox is shared by every test of the JVM, so tests find their mail by a
 * mailbox or a subject token of their own.
 */
public final class TestMailServer {

	private GreenMail greenMail = new GreenMail(TestSmtp.setup());

	public void start() {
		this.greenMail.start();
	}

	/** Stops the server; the port refuses connections until {@link #restart()}. */
	public void stop() {
		this.greenMail.stop();
	}

	/** A fresh server on the same port (mail received before is forgotten). */
	public void restart() {
		this.greenMail.stop();
		this.greenMail = new GreenMail(TestSmtp.setup());
		this.greenMail.start();
	}

	/** Forgets every mail received so far. */
	public void purge() {
		try {
			this.greenMail.purgeEmailFromAllMailboxes();
		}
		catch (com.icegreen.greenmail.store.FolderException ex) {
			throw new IllegalStateException("Unable to purge the test mail server", ex);
		}
	}

	/**
	 * The copies delivered to one mailbox whose subject contains the token.
	 * @param recipient the mailbox
	 * @param token the test's token
	 * @return the messages, in arrival order
	 */
	public List<MimeMessage> received(String recipient, String token) {
		// GreenMail keeps one copy per recipient mailbox.
		return this.greenMail
			.findReceivedMessages((user) -> user.getEmail().equalsIgnoreCase(recipient),
					(message) -> subject(message).contains(token))
			.toList();
	}

	/**
	 * The mails addressed to a recipient (in any of To, Cc, Bcc), one per Message-ID
	 * however many of its recipients GreenMail kept a copy for.
	 * @param recipient the address
	 * @param filter which of them count
	 * @return the messages, in arrival order
	 */
	public List<MimeMessage> mailsTo(String recipient, Predicate<MimeMessage> filter) {
		Map<String, MimeMessage> byId = new LinkedHashMap<>();
		Arrays.stream(this.greenMail.getReceivedMessages())
			.filter((mail) -> recipients(mail).contains(recipient))
			.filter(filter)
			.forEach((mail) -> byId.putIfAbsent(header(mail, "Message-ID"), mail));
		return List.copyOf(byId.values());
	}

	/**
	 * The mails addressed to a recipient, one per Message-ID.
	 * @param recipient the address
	 * @return the messages, in arrival order
	 */
	public List<MimeMessage> mailsTo(String recipient) {
		return mailsTo(recipient, (mail) -> true);
	}

	/**
	 * @param message a received mail
	 * @return its subject, empty when it has none
	 */
	public static String subject(MimeMessage message) {
		return header(message, "Subject");
	}

	/**
	 * @param message a received mail
	 * @param name a header name
	 * @return the header's values joined by commas, empty when it has none
	 */
	public static String header(MimeMessage message, String name) {
		try {
			String[] values = message.getHeader(name);
			return (values != null) ? String.join(",", values) : "";
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Unable to read the header " + name + " of a received mail", ex);
		}
	}

	/**
	 * @param message a received mail
	 * @return every recipient, as text
	 */
	public static String recipients(MimeMessage message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Unable to read the recipients of a received mail", ex);
		}
	}

}
