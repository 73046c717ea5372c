package dev.tlswatch.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@link Notifier}: queues each message in the outbox as one row per channel whose
 * routing takes it (see {@link ChannelDefinition#accepts(MessageContext)}), in the
 * caller's transaction, and has it drained right after that transaction commits. A
 * channel that is off gets no row: switching it on later does not send old messages.
 */
@Service
class OutboxNotifier implements Notifier {

	static final int MAX_SUBJECT_LENGTH = 300;

	static final String TEST_SUBJECT = "TLSWatch test mail";

	private static final Logger logger = LoggerFactory.getLogger(OutboxNotifier.class);

	private final OutboxStore store;

	private final MailChannel mail;

	private final ChannelRegistry channels;

	private final DrainKick kick;

	private final Clock clock;

	OutboxNotifier(OutboxStore store, MailChannel mail, ChannelRegistry channels, DrainKick kick, Clock clock) {
		this.store = store;
		this.mail = mail;
		this.channels = channels;
		this.kick = kick;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueue(OutgoingMessage message) {
		Instant now = this.clock.instant();
		Optional<Long> stored = this.store.insertMessage(message, subjectLine(message.subject()), now);
		if (stored.isEmpty()) {
			logger.debug("Message '{}' was queued before; ignored", message.key());
			return false;
		}
		long id = stored.get();
		for (ChannelDefinition channel : this.channels.routed(message.context())) {
			if (channel.type() == ChannelType.MAIL) {
				List<String> recipients = recipients(channel.to(), message);
				if (!recipients.isEmpty()) {
					this.store.insertDelivery(id, channel, this.mail.newMessageId(), this.mail.from(), recipients, now);
				}
			}
			else {
				this.store.insertDelivery(id, channel, "tlswatch-" + UUID.randomUUID(), null, List.of(), now);
			}
		}
		this.kick.afterCommit();
		return true;
	}

	@Override
	@Transactional(readOnly = true)
	public DeliveryStatus status() {
		OutboxStore.Counts counts = this.store.counts();
		Optional<OutboxStore.LastError> lastError = this.store.lastError();
		Optional<ChannelDefinition> webhook = this.channels.configured(ChannelRegistry.LEGACY_WEBHOOK);
		return new DeliveryStatus(this.mail.enabled(), this.mail.enabled() ? this.mail.from() : null,
				this.mail.globalRecipients(), webhook.isPresent(), counts.pending(), counts.failing(),
				lastError.map(OutboxStore.LastError::error).orElse(null),
				lastError.map(OutboxStore.LastError::at).orElse(null),
				webhook.map(ChannelDefinition::target).orElse(null), counts.sent());
	}

	@Override
	public TestMailResult sendTestMail(String to) {
		String recipient = to.strip();
		if (!recipient.isEmpty() && !MailAddresses.isValid(recipient)) {
			throw new InvalidAddressException("to");
		}
		if (!this.mail.enabled()) {
			return new TestMailResult(false, List.of(), "Mail is off: spring.mail.host is not set.");
		}
		List<String> recipients = recipient.isEmpty() ? this.mail.globalRecipients() : List.of(recipient);
		if (recipients.isEmpty()) {
			return new TestMailResult(false, List.of(),
					"No recipient: give one or set tlswatch.notify.mail.to (TLSWATCH_NOTIFY_MAIL_TO).");
		}
		String text = "This is a test mail from TLSWatch, sent at " + this.clock.instant() + ". Mail delivery works.";
		try {
			this.mail.send(this.mail.newMessageId(), this.mail.from(), recipients, TEST_SUBJECT, text,
					"<p>" + HtmlUtils.htmlEscape(text) + "</p>");
			logger.info("Test mail sent to {}", recipients);
			return new TestMailResult(true, recipients, null);
		}
		catch (DeliveryFailedException ex) {
			logger.warn("Test mail to {} failed: {}", recipients, ex.getMessage());
			return new TestMailResult(false, recipients, ex.getMessage());
		}
	}

	/**
	 * The channel's list, then the message's own, each address once; invalid ones
	 * dropped.
	 */
	private List<String> recipients(List<String> channelRecipients, OutgoingMessage message) {
		Map<String, String> unique = new LinkedHashMap<>();
		channelRecipients.forEach((address) -> unique.putIfAbsent(address.toLowerCase(Locale.ROOT), address));
		for (String address : message.recipients()) {
			String candidate = address.strip();
			if (MailAddresses.isValid(candidate)) {
				unique.putIfAbsent(candidate.toLowerCase(Locale.ROOT), candidate);
			}
			else {
				logger.warn("Message '{}': recipient '{}' is not a mail address; left out", message.key(),
						DeliveryFailedException.clean(candidate));
			}
		}
		return new ArrayList<>(unique.values());
	}

	/** A header-safe subject: one line, bounded. */
	static String subjectLine(String subject) {
		String line = subject.replaceAll("\\p{Cntrl}+", " ").strip();
		return (line.length() > MAX_SUBJECT_LENGTH) ? line.substring(0, MAX_SUBJECT_LENGTH - 1) + "…" : line;
	}

}
