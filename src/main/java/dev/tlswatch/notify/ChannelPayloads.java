package dev.tlswatch.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP request each channel type makes for a delivery: URL, headers and JSON body.
 * Pure: no I/O, so that each format is tested on its own bytes. Every text is bounded to
 * what the receiving service accepts.
 */
final class ChannelPayloads {

	/** The generic webhook document's schema name; a new version gets a new name. */
	static final String WEBHOOK_SCHEMA = "tlswatch.notification.v1";

	static final String SIGNATURE_HEADER = "X-TLSWatch-Signature";

	/**
	 * Slack's documented limit for a message's {@code text} is 40,000; far above need.
	 */
	static final int MAX_CHAT_TEXT = 3000;

	/** Discord: {@code content} has at most 2,000 characters. */
	static final int MAX_DISCORD = 2000;

	/** Telegram: a message has at most 4,096 characters. */
	static final int MAX_TELEGRAM = 4096;

	/** PagerDuty Events API v2: {@code payload.summary} has at most 1,024 characters. */
	static final int MAX_PAGERDUTY_SUMMARY = 1024;

	/** Opsgenie: {@code message} at most 130, {@code description} at most 15,000. */
	static final int MAX_OPSGENIE_MESSAGE = 130;

	static final int MAX_OPSGENIE_DESCRIPTION = 15_000;

	/** Opsgenie: at most 20 tags. */
	static final int MAX_OPSGENIE_TAGS = 20;

	static final int MAX_NTFY_MESSAGE = 4096;

	private static final JsonMapper json = JsonMapper.builder().build();

	private ChannelPayloads() {
	}

	/**
	 * The request for one delivery.
	 * @param channel the channel
	 * @param delivery the row and its message
	 * @return what to send
	 */
	static HttpCall call(ChannelDefinition channel, Delivery delivery) {
		URI base = channel.effectiveUrl();
		if (base == null) {
			throw new IllegalArgumentException("A " + channel.type() + " channel sends no HTTP request");
		}
		MessageContext context = delivery.context();
		return switch (channel.type()) {
			case WEBHOOK -> webhook(base, channel.secret(), delivery);
			case SLACK -> new HttpCall(base, Map.of(), write(Map.of("text", slackText(delivery))));
			case MATTERMOST -> new HttpCall(base, Map.of(), write(Map.of("text", mattermostText(delivery))));
			case DISCORD -> new HttpCall(base, Map.of(), write(discord(delivery)));
			case MICROSOFT_TEAMS -> new HttpCall(base, Map.of(), write(teams(delivery)));
			case PAGERDUTY -> new HttpCall(base, Map.of(), write(pagerDuty(required(channel.secret()), delivery)));
			case OPSGENIE -> opsgenie(base, required(channel.secret()), delivery);
			case TELEGRAM ->
				new HttpCall(base.resolve(path(base) + "bot" + required(channel.secret()) + "/sendMessage"), Map.of(),
						write(Map.of("chat_id", required(channel.chatId()), "text",
								bound(delivery.subject() + "\n\n" + delivery.text(), MAX_TELEGRAM),
								"disable_web_page_preview", true)));
			case NTFY -> ntfy(base, channel.secret(), delivery, context);
			case GOTIFY -> new HttpCall(base.resolve(path(base) + "message"),
					Map.of("X-Gotify-Key", required(channel.secret())), write(gotify(delivery, context)));
			case MAIL -> throw new IllegalArgumentException("Mail is not sent over HTTP");
		};
	}

	/**
	 * The generic webhook: the documented JSON document, signed with the channel's secret
	 * when it has one.
	 */
	private static HttpCall webhook(URI url, @Nullable String secret, Delivery delivery) {
		MessageContext context = delivery.context();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("schema", WEBHOOK_SCHEMA);
		document.put("key", delivery.key());
		document.put("subject", delivery.subject());
		document.put("text", delivery.text());
		document.put("severity", context.severity().name());
		document.put("endpoint", context.endpoint());
		document.put("tags", context.tags());
		document.put("alertId", context.alertId());
		document.put("alertState", context.alertState());
		document.put("link", context.link());
		document.put("attributes", new java.util.TreeMap<>(delivery.attributes()));
		String body = write(document);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Idempotency-Key", delivery.deliveryId());
		if (secret != null) {
			headers.put(SIGNATURE_HEADER, "sha256=" + hmacSha256Hex(secret, body));
		}
		return new HttpCall(url, headers, body);
	}

	/**
	 * The hex HMAC-SHA256 of the body (its UTF-8 bytes) keyed with the secret (its UTF-8
	 * bytes), as {@code X-TLSWatch-Signature: sha256=<hex>} carries it.
	 * @param secret the channel's secret
	 * @param body the request body
	 * @return lower-case hex, 64 characters
	 */
	static String hmacSha256Hex(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to compute HMAC-SHA256", ex);
		}
	}

	/**
	 * Slack: {@code &}, {@code <} and {@code >} are control characters of its mrkdwn
	 * ({@code <!channel>} would notify everyone) and are escaped as its docs say.
	 */
	private static String slackText(Delivery delivery) {
		String text = "*" + delivery.subject() + "*\n" + delivery.text();
		return bound(text, MAX_CHAT_TEXT).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * Mattermost: an {@code @} before a word would mention someone ({@code @channel},
	 * {@code @all}); a zero-width space after it keeps the text readable and silent.
	 */
	private static String mattermostText(Delivery delivery) {
		String text = "**" + delivery.subject() + "**\n" + delivery.text();
		return bound(text, MAX_CHAT_TEXT).replaceAll("@(?=[\\p{L}\\p{N}_])", "@\u200B");
	}

	/** Discord: no mention of anyone is resolved, whatever the text says. */
	private static Map<String, Object> discord(Delivery delivery) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("content", bound("**" + delivery.subject() + "**\n" + delivery.text(), MAX_DISCORD));
		document.put("allowed_mentions", Map.of("parse", List.of()));
		return document;
	}

	/** Microsoft Teams workflows: a message with one Adaptive Card. */
	private static Map<String, Object> teams(Delivery delivery) {
		List<Object> body = List.of(
				Map.of("type", "TextBlock", "text", bound(delivery.subject(), 300), "weight", "Bolder", "size",
						"Medium", "wrap", true),
				Map.of("type", "TextBlock", "text", bound(delivery.text(), MAX_CHAT_TEXT), "wrap", true));
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		card.put("body", body);
		String link = delivery.context().link();
		if (link != null) {
			card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open in TLSWatch", "url", link)));
		}
		return Map.of("type", "message", "attachments",
				List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
	}

	/**
	 * PagerDuty Events API v2: one incident per alert ({@code dedup_key}); a resolved
	 * alert resolves it.
	 */
	private static Map<String, Object> pagerDuty(String routingKey, Delivery delivery) {
		MessageContext context = delivery.context();
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("routing_key", routingKey);
		event.put("dedup_key", dedupKey(delivery));
		if (context.resolved()) {
			event.put("event_action", "resolve");
			return event;
		}
		event.put("event_action", "trigger");
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("summary", bound(delivery.subject(), MAX_PAGERDUTY_SUMMARY));
		payload.put("source", (context.endpoint() != null) ? context.endpoint() : "TLSWatch");
		payload.put("severity", switch (context.severity()) {
			case CRITICAL -> "critical";
			case WARNING -> "warning";
			case INFO -> "info";
		});
		payload.put("component", "tls");
		payload.put("class", "tlswatch");
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("text", delivery.text());
		details.put("tags", context.tags());
		payload.put("custom_details", details);
		event.put("payload", payload);
		event.put("client", "TLSWatch");
		if (context.link() != null) {
			event.put("client_url", context.link());
			event.put("links", List.of(Map.of("href", context.link(), "text", "Open in TLSWatch")));
		}
		return event;
	}

	/** Opsgenie Alert API: create, or close by alias when the alert is resolved. */
	private static HttpCall opsgenie(URI base, String apiKey, Delivery delivery) {
		MessageContext context = delivery.context();
		Map<String, String> headers = Map.of("Authorization", "GenieKey " + apiKey);
		String alias = dedupKey(delivery);
		if (context.resolved()) {
			URI close = base.resolve(path(base) + "v2/alerts/" + URLEncoder.encode(alias, StandardCharsets.UTF_8)
					+ "/close?identifierType=alias");
			return new HttpCall(close, headers,
					write(Map.of("source", "TLSWatch", "note", bound(delivery.subject(), 25_000))));
		}
		Map<String, Object> alert = new LinkedHashMap<>();
		alert.put("message", bound(delivery.subject(), MAX_OPSGENIE_MESSAGE));
		alert.put("alias", alias);
		alert.put("description", bound(delivery.text(), MAX_OPSGENIE_DESCRIPTION));
		alert.put("priority", switch (context.severity()) {
			case CRITICAL -> "P1";
			case WARNING -> "P3";
			case INFO -> "P5";
		});
		alert.put("source", "TLSWatch");
		alert.put("tags", context.tags().stream().limit(MAX_OPSGENIE_TAGS).toList());
		if (context.endpoint() != null) {
			alert.put("entity", context.endpoint());
		}
		if (context.link() != null) {
			alert.put("details", Map.of("link", context.link()));
		}
		return new HttpCall(base.resolve(path(base) + "v2/alerts"), headers, write(alert));
	}

	/**
	 * ntfy: published as JSON to the server's root, the topic being the URL's last path
	 * segment.
	 */
	private static HttpCall ntfy(URI topicUrl, @Nullable String token, Delivery delivery, MessageContext context) {
		String path = topicUrl.getRawPath();
		String trimmed = (path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
		int slash = trimmed.lastIndexOf('/');
		String topic = trimmed.substring(slash + 1);
		if (topic.isEmpty()) {
			throw new IllegalArgumentException("An ntfy URL ends with the topic, e.g. https://ntfy.sh/tlswatch");
		}
		URI root = topicUrl.resolve(trimmed.substring(0, slash + 1));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("topic", topic);
		document.put("title", bound(delivery.subject(), 250));
		document.put("message", bound(delivery.text(), MAX_NTFY_MESSAGE));
		document.put("priority", switch (context.severity()) {
			case CRITICAL -> 5;
			case WARNING -> 4;
			case INFO -> 3;
		});
		document.put("tags", List.of("tlswatch", context.severity().name().toLowerCase(Locale.ROOT)));
		if (context.link() != null) {
			document.put("click", context.link());
		}
		Map<String, String> headers = (token != null) ? Map.of("Authorization", "Bearer " + token) : Map.of();
		return new HttpCall(URI.create(root.toString().split("\\?", 2)[0]), headers, write(document));
	}

	/** Gotify: a message to the application the token belongs to. */
	private static Map<String, Object> gotify(Delivery delivery, MessageContext context) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("title", bound(delivery.subject(), 250));
		document.put("message", bound(delivery.text(), MAX_NTFY_MESSAGE));
		document.put("priority", switch (context.severity()) {
			case CRITICAL -> 8;
			case WARNING -> 5;
			case INFO -> 2;
		});
		if (context.link() != null) {
			document.put("extras", Map.of("client::notification", Map.of("click", Map.of("url", context.link()))));
		}
		return document;
	}

	/** The paging services' incident key: one per alert, else one per message. */
	static String dedupKey(Delivery delivery) {
		Long alertId = delivery.context().alertId();
		return (alertId != null) ? "tlswatch-alert-" + alertId : "tlswatch-" + delivery.key();
	}

	/** The base URL's path ending with {@code /}, so that a relative path is appended. */
	private static String path(URI base) {
		String path = (base.getRawPath() == null) ? "" : base.getRawPath();
		return path.endsWith("/") ? path : path + "/";
	}

	private static String required(@Nullable String value) {
		if (value == null) {
			throw new IllegalArgumentException("Missing channel setting");
		}
		return value;
	}

	static String bound(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static String write(Object document) {
		return json.writeValueAsString(document);
	}

	/**
	 * One HTTP POST.
	 *
	 * @param url where to
	 * @param headers headers besides {@code Content-Type: application/json}
	 * @param body the JSON body
	 */
	record HttpCall(URI url, Map<String, String> headers, String body) {

		HttpCall {
			headers = Map.copyOf(headers);
		}

	}

}
