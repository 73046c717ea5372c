package dev.tlswatch.notify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sends the {@code MAIL} channels' messages through Spring Boot's {@link JavaMailSender}:
 * multipart plain text and HTML, with a Message-ID that stays the same on every attempt,
 * to the recipients resolved when the message was queued. Off when
 * {@code spring.mail.host} is not set or empty.
 */
@Component
class MailChannel implements ChannelSender {

	private final @Nullable JavaMailSender mailSender;

	private final NotifySettings.Mail settings;

	MailChannel(ObjectProvider<JavaMailSender> mailSender, NotifySettings settings) {
		JavaMailSender sender = mailSender.getIfAvailable();
		// An empty SPRING_MAIL_HOST still makes Boot create a sender: that is off too.
		this.mailSender = (sender instanceof JavaMailSenderImpl impl && !StringUtils.hasText(impl.getHost())) ? null
				: sender;
		this.settings = settings.mail();
	}

	@Override
	public boolean supports(ChannelType type) {
		return type == ChannelType.MAIL;
	}

	@Override
	public boolean enabled(ChannelDefinition channel) {
		return enabled();
	}

	boolean enabled() {
		return this.mailSender != null;
	}

	String from() {
		return this.settings.from();
	}

	List<String> globalRecipients() {
		return this.settings.to();
	}

	/**
	 * A new Message-ID in the sender's domain (RFC 5322 §3.6.4).
	 * @return for example {@code <5f0c…@example.com>}
	 */
	String newMessageId() {
		String from = this.settings.from();
		return "<" + UUID.randomUUID() + ".tlswatch@" + from.substring(from.lastIndexOf('@') + 1) + ">";
	}

	@Override
	public void send(ChannelDefinition channel, Delivery delivery) throws DeliveryFailedException {
		String from = (delivery.mailFrom() != null) ? delivery.mailFrom() : this.settings.from();
		send(delivery.deliveryId(), from, delivery.recipients(), delivery.subject(), delivery.text(), delivery.html());
	}

	void send(String messageId, String from, List<String> to, String subject, String text, @Nullable String html)
			throws DeliveryFailedException {
		JavaMailSender sender = this.mailSender;
		if (sender == null) {
			throw new DeliveryFailedException("Mail is off: spring.mail.host is not set");
		}
		try {
			MimeMessage mime = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, html != null, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(to.toArray(String[]::new));
			helper.setSubject(subject);
			if (html != null) {
				helper.setText(text, html);
			}
			else {
				helper.setText(text);
			}
			// RFC 3834: tells auto-responders not to answer.
			mime.setHeader("Auto-Submitted", "auto-generated");
			// JavaMailSenderImpl keeps a Message-ID set before sending.
			mime.setHeader("Message-ID", messageId);
			sender.send(mime);
		}
		catch (MessagingException | MailException ex) {
			throw new DeliveryFailedException("Mail not sent: " + describe(ex), ex);
		}
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = ex; cause != null && text.length() < 600; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && !message.isBlank() && !text.toString().contains(message)) {
				text.append((text.isEmpty()) ? "" : "; ").append(message);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return text.isEmpty() ? ex.getClass().getSimpleName() : text.toString();
	}

}
