package dev.tlswatch.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages are delivered. Mail is on when {@code spring.mail.host} is set (Spring
 * Boot then provides a mail sender); the webhook is on when its URL is set.
 *
 * @param mail the mail sender, and the recipients of the {@code mail} channel
 * @param webhook the {@code webhook} channel, and the timeouts of every HTTP channel
 * @param channels named channels ({@code tlswatch.notify.channels.<name>.*})
 * @param drainInterval how often the outbox is drained besides right after each commit
 * that queued something
 * @param drainBatch how many deliveries one drain attempts at most
 * @param retry the backoff between attempts of one delivery
 */
@ConfigurationProperties("tlswatch.notify")
record NotifySettings(@DefaultValue Mail mail, @DefaultValue Webhook webhook,
		@DefaultValue Map<String, ChannelProperties> channels, @DefaultValue("10s") Duration drainInterval,
		@DefaultValue("100") int drainBatch, @DefaultValue Retry retry) {

	NotifySettings {
		channels = Map.copyOf(channels);
		if (drainInterval.compareTo(Duration.ofMillis(100)) < 0) {
			throw new IllegalArgumentException("tlswatch.notify.drain-interval must be at least 100ms");
		}
		if (drainBatch < 1) {
			throw new IllegalArgumentException("tlswatch.notify.drain-batch must be at least 1");
		}
	}

	/**
	 * One named channel as configured; {@link ChannelRegistry} checks it and names the
	 * key at fault.
	 *
	 * @param type the format spoken
	 * @param url where to send (see {@link ChannelDefinition#url()})
	 * @param secret the signing key, routing key, API key or token
	 * @param minSeverity the least severity delivered
	 * @param tags the endpoint tags routed here; empty: every message
	 * @param to mail recipients, {@code MAIL} only
	 * @param chatId the chat, {@code TELEGRAM} only
	 */
	record ChannelProperties(@Nullable ChannelType type, @Nullable URI url, @Nullable String secret,
			@DefaultValue("INFO") MessageSeverity minSeverity, @DefaultValue List<String> tags,
			@DefaultValue List<String> to, @Nullable String chatId) {

		ChannelProperties {
			tags = List.copyOf(tags);
			to = List.copyOf(to);
		}

	}

	/**
	 * The mail channel.
	 *
	 * @param from the sender address
	 * @param to the global recipients, added to every message's own (comma-separated in
	 * an environment variable:
	 * {@code TLSWATCH_NOTIFY_MAIL_TO=a@example.com,b@example.com})
	 */
	record Mail(@DefaultValue("tlswatch@localhost") String from, @DefaultValue List<String> to) {

		Mail {
			MailAddresses.check("tlswatch.notify.mail.from", from);
			to = to.stream().map(String::strip).filter((address) -> !address.isEmpty()).toList();
			to.forEach((address) -> MailAddresses.check("tlswatch.notify.mail.to", address));
		}

	}

	/**
	 * The webhook channel: a JSON POST per message.
	 *
	 * @param url where to POST; may carry a token, so it is never logged or shown beyond
	 * its scheme and host; {@code null} turns the channel off
	 * @param connectTimeout bound on connecting
	 * @param requestTimeout bound on the whole request, from sending to the response's
	 * status
	 */
	record Webhook(@Nullable URI url, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("10s") Duration requestTimeout) {

		Webhook {
			if (url != null && url.toString().isBlank()) {
				url = null;
			}
			if (url != null && (!("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
					|| url.getHost() == null)) {
				throw new IllegalArgumentException("tlswatch.notify.webhook.url must be an absolute http or https URL");
			}
		}

		/**
		 * The URL without what may be secret: scheme, host and port only.
		 * @return for example {@code https://hooks.example.com}, {@code null} when off
		 */
		@Nullable String target() {
			if (this.url == null) {
				return null;
			}
			return this.url.getScheme().toLowerCase() + "://" + this.url.getHost()
					+ ((this.url.getPort() != -1) ? ":" + this.url.getPort() : "");
		}

	}

	/**
	 * Exponential backoff: a delivery that failed n times waits
	 * {@code initialBackoff * 2^(n-1)}, at most {@code maxBackoff}. Deliveries are
	 * retried until they succeed.
	 *
	 * @param initialBackoff the wait after the first failure
	 * @param maxBackoff the longest wait
	 */
	record Retry(@DefaultValue("30s") Duration initialBackoff, @DefaultValue("30m") Duration maxBackoff) {

		Retry {
			if (initialBackoff.isNegative() || initialBackoff.isZero()) {
				throw new IllegalArgumentException("tlswatch.notify.retry.initial-backoff must be positive");
			}
			if (maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException(
						"tlswatch.notify.retry.max-backoff must not be shorter than the initial backoff");
			}
		}

		/**
		 * How long to wait after the given number of failed attempts.
		 * @param failures failed attempts so far, at least 1
		 * @return the wait
		 */
		Duration after(int failures) {
			int doublings = Math.clamp(failures - 1, 0, 30);
			long millis = this.initialBackoff.toMillis();
			for (int i = 0; i < doublings && millis < this.maxBackoff.toMillis(); i++) {
				millis *= 2;
			}
			return Duration.ofMillis(Math.min(millis, this.maxBackoff.toMillis()));
		}

	}

}
