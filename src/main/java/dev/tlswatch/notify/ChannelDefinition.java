package dev.tlswatch.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One named channel: where and how to deliver, and which messages it takes (routing). A
 * message goes to a channel when its severity is at least {@link #minSeverity()} and,
 * when the channel lists tags, the message's endpoint carries at least one of them.
 *
 * @param name unique name, lower case letters, digits, {@code -} and {@code _}
 * @param type the format spoken
 * @param url where to send; {@code null} for mail, and for types that default to the
 * service's public address (PagerDuty, Opsgenie, Telegram)
 * @param secret signing key (webhook), routing key (PagerDuty), API key (Opsgenie), bot
 * token (Telegram), access token (ntfy) or application token (Gotify); never shown
 * @param minSeverity the least severity delivered
 * @param tags the endpoint tags routed here; empty: every message
 * @param to mail recipients, mail only
 * @param chatId the chat, Telegram only
 * @param origin where it is defined
 */
public record ChannelDefinition(String name, ChannelType type, @Nullable URI url, @Nullable String secret,
		MessageSeverity minSeverity, List<String> tags, List<String> to, @Nullable String chatId, Origin origin) {

	static final int MAX_NAME = 64;

	static final int MAX_URL = 2048;

	static final int MAX_SECRET = 512;

	static final int MAX_TAGS = 32;

	static final int MAX_TAG = 64;

	static final int MAX_RECIPIENTS = 50;

	static final int MAX_CHAT_ID = 128;

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_NAME - 1) + "}");

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}._:/-]{1," + MAX_TAG + "}");

	private static final Pattern CHAT_ID = Pattern.compile("-?[0-9]{1,20}|@[A-Za-z0-9_]{5,64}");

	public ChannelDefinition {
		if (!NAME.matcher(name).matches()) {
			throw new InvalidChannelException("name", "A channel name has 1 to " + MAX_NAME
					+ " characters: lower-case letters, digits, '-' and '_', starting with a letter or digit");
		}
		url = checkUrl(type, url);
		secret = (secret == null || secret.isBlank()) ? null : secret.strip();
		checkSecret(type, secret);
		tags = tags(tags);
		to = recipients(type, to);
		chatId = (chatId == null || chatId.isBlank()) ? null : chatId.strip();
		checkChatId(type, chatId);
	}

	/**
	 * Whether a message with this context is routed here.
	 * @param context the message's severity and tags
	 * @return whether this channel takes it
	 */
	public boolean accepts(MessageContext context) {
		return context.severity().atLeast(this.minSeverity)
				&& (this.tags.isEmpty() || context.tags().stream().anyMatch(this.tags::contains));
	}

	/**
	 * Where requests go: the URL, or the service's public address.
	 * @return the base URL; {@code null} for mail
	 */
	@Nullable URI effectiveUrl() {
		if (this.url != null) {
			return this.url;
		}
		return switch (this.type) {
			case PAGERDUTY -> URI.create("https://events.pagerduty.com/v2/enqueue");
			case OPSGENIE -> URI.create("https://api.opsgenie.com");
			case TELEGRAM -> URI.create("https://api.telegram.org");
			default -> null;
		};
	}

	/**
	 * The URL without what may be secret: scheme, host and port only.
	 * @return for example {@code https://hooks.slack.com}; {@code null} for mail
	 */
	public @Nullable String target() {
		URI effective = effectiveUrl();
		if (effective == null) {
			return null;
		}
		return effective.getScheme().toLowerCase(Locale.ROOT) + "://" + effective.getHost()
				+ ((effective.getPort() != -1) ? ":" + effective.getPort() : "");
	}

	/**
	 * Whether a secret is set, for pages that must not show it.
	 * @return whether there is one
	 */
	public boolean hasSecret() {
		return this.secret != null;
	}

	@Override
	public String toString() {
		return "ChannelDefinition[" + this.name + ", " + this.type + ", " + target() + "]";
	}

	private static @Nullable URI checkUrl(ChannelType type, @Nullable URI url) {
		if (url == null || url.toString().isBlank()) {
			if (type.needsUrl()) {
				throw new InvalidChannelException("url", "A " + type + " channel needs a URL");
			}
			return null;
		}
		if (type == ChannelType.MAIL) {
			throw new InvalidChannelException("url", "A MAIL channel has recipients (to), not a URL");
		}
		String scheme = url.getScheme();
		if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || url.getHost() == null
				|| url.getRawUserInfo() != null || url.getRawFragment() != null) {
			throw new InvalidChannelException("url",
					"The URL must be an absolute http or https URL without user name or fragment");
		}
		if (url.toString().length() > MAX_URL) {
			throw new InvalidChannelException("url", "The URL has more than " + MAX_URL + " characters");
		}
		return url;
	}

	private static void checkSecret(ChannelType type, @Nullable String secret) {
		if (secret == null) {
			if (type.needsSecret()) {
				throw new InvalidChannelException("secret", "A " + type + " channel needs a secret (" + switch (type) {
					case PAGERDUTY -> "the integration's routing key";
					case OPSGENIE -> "the API integration's key";
					case TELEGRAM -> "the bot token";
					default -> "the application token";
				} + ")");
			}
			return;
		}
		if (type == ChannelType.MAIL) {
			throw new InvalidChannelException("secret", "A MAIL channel has no secret");
		}
		if (secret.length() > MAX_SECRET || secret.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidChannelException("secret",
					"The secret has at most " + MAX_SECRET + " characters and no control characters");
		}
		if (type == ChannelType.TELEGRAM && !secret.matches("[0-9]{1,20}:[A-Za-z0-9_-]{1,100}")) {
			throw new InvalidChannelException("secret", "A Telegram bot token looks like 123456:ABC-DEF…");
		}
	}

	private static List<String> tags(List<String> tags) {
		List<String> clean = tags.stream()
			.map((tag) -> tag.strip().toLowerCase(Locale.ROOT))
			.filter((tag) -> !tag.isEmpty())
			.distinct()
			.toList();
		if (clean.size() > MAX_TAGS || !clean.stream().allMatch((tag) -> TAG.matcher(tag).matches())) {
			throw new InvalidChannelException("tags",
					"At most " + MAX_TAGS + " tags of at most " + MAX_TAG + " letters, digits and . _ : / -");
		}
		return clean;
	}

	private static List<String> recipients(ChannelType type, List<String> to) {
		List<String> clean = to.stream().map(String::strip).filter((address) -> !address.isEmpty()).distinct().toList();
		if (type != ChannelType.MAIL && !clean.isEmpty()) {
			throw new InvalidChannelException("to", "Only a MAIL channel has recipients");
		}
		if (clean.size() > MAX_RECIPIENTS || !clean.stream().allMatch(MailAddresses::isValid)) {
			throw new InvalidChannelException("to",
					"At most " + MAX_RECIPIENTS + " plain mail addresses such as ops@example.com");
		}
		return clean;
	}

	private static void checkChatId(ChannelType type, @Nullable String chatId) {
		if (type != ChannelType.TELEGRAM) {
			if (chatId != null) {
				throw new InvalidChannelException("chat-id", "Only a TELEGRAM channel has a chat id");
			}
			return;
		}
		if (chatId == null || chatId.length() > MAX_CHAT_ID || !CHAT_ID.matcher(chatId).matches()) {
			throw new InvalidChannelException("chat-id",
					"A TELEGRAM channel needs a chat id: a number such as -1001234567890 or @channelname");
		}
	}

	/**
	 * Parses a URL typed by a user.
	 * @param text the text
	 * @return the URL, {@code null} when blank
	 * @throws InvalidChannelException if it is not a URL
	 */
	static @Nullable URI parseUrl(String text) {
		if (text.isBlank()) {
			return null;
		}
		if (text.length() > MAX_URL) {
			throw new InvalidChannelException("url", "The URL has more than " + MAX_URL + " characters");
		}
		try {
			return new URI(text.strip());
		}
		catch (URISyntaxException ex) {
			throw new InvalidChannelException("url", "The URL is not valid: " + ex.getReason());
		}
	}

	/** Where a channel is defined. */
	public enum Origin {

		/**
		 * {@code tlswatch.notify.channels.*}, or the older mail and webhook keys:
		 * read-only.
		 */
		CONFIGURATION,
		/**
		 * Added on {@code /settings}: stored in the database, editable by administrators.
		 */
		DASHBOARD

	}

}
