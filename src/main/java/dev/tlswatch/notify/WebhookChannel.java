package dev.tlswatch.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tlswatch.endpoint.OutboundUrlPolicy;
import dev.tlswatch.endpoint.PolicyDecision;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs each message as JSON to the configured URL: {@code text} (what Slack, Mattermost
 * and Teams' incoming webhooks show) plus {@code subject}, {@code key} and
 * {@code attributes}, with an {@code Idempotency-Key} header that stays the same on every
 * attempt. Any 2xx answer means delivered. The URL may hold a token: it appears in
 * messages and logs as scheme and host only. Each POST first passes the
 * {@link OutboundUrlPolicy}: a webhook cannot reach what a scan may not.
 */
@Component
class WebhookChannel implements ChannelSender, DisposableBean {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final NotifySettings.Webhook settings;

	private final @Nullable HttpClient client;

	private final OutboundUrlPolicy policy;

	WebhookChannel(NotifySettings settings, OutboundUrlPolicy policy) {
		this.settings = settings.webhook();
		this.policy = policy;
		this.client = (this.settings.url() != null) ? HttpClient.newBuilder()
			.connectTimeout(this.settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build() : null;
	}

	@Override
	public Channel channel() {
		return Channel.WEBHOOK;
	}

	@Override
	public boolean enabled() {
		return this.client != null;
	}

	/**
	 * Where the webhook goes, without path or query.
	 * @return scheme, host and port; {@code null} when off
	 */
	@Nullable String target() {
		return this.settings.target();
	}

	@Override
	public void send(Delivery delivery) throws DeliveryFailedException {
		HttpClient http = this.client;
		URI url = this.settings.url();
		if (http == null || url == null) {
			throw new DeliveryFailedException("Webhook is off: tlswatch.notify.webhook.url is not set");
		}
		PolicyDecision decision = this.policy.checkBeforeConnect(url);
		if (decision.denied()) {
			throw new DeliveryFailedException(
					"Webhook " + target() + " refused by the scan target policy: " + redact(decision.reason()));
		}
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.settings.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "TLSWatch")
			.header("Idempotency-Key", delivery.deliveryId())
			.POST(HttpRequest.BodyPublishers.ofString(payload(delivery)))
			.build();
		int status = post(http, request);
		if (status < 200 || status > 299) {
			throw new DeliveryFailedException("Webhook " + target() + " answered HTTP " + status);
		}
	}

	static String payload(Delivery delivery) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("text", delivery.text());
		document.put("subject", delivery.subject());
		document.put("key", delivery.key());
		document.put("attributes", delivery.attributes());
		return json.writeValueAsString(document);
	}

	private int post(HttpClient http, HttpRequest request) throws DeliveryFailedException {
		try {
			// The answer's body is not needed; discarding it also bounds what is read.
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (HttpTimeoutException ex) {
			throw new DeliveryFailedException("Webhook " + target() + " timed out: " + redact(ex.getMessage()), ex);
		}
		catch (IOException ex) {
			throw new DeliveryFailedException(
					"Webhook " + target() + " failed: " + ex.getClass().getSimpleName() + " " + redact(ex.getMessage()),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailedException("Webhook " + target() + " interrupted", ex);
		}
	}

	/** Removes the URL (and so any token in it) from a library's message. */
	private String redact(@Nullable String message) {
		if (message == null) {
			return "";
		}
		URI url = this.settings.url();
		String text = message;
		if (url != null) {
			text = text.replace(url.toString(), String.valueOf(target()));
			if (url.getRawPath() != null && url.getRawPath().length() > 1) {
				text = text.replace(url.getRawPath(), "/…");
			}
			if (url.getRawQuery() != null) {
				text = text.replace(url.getRawQuery(), "…");
			}
		}
		return text;
	}

	@Override
	public void destroy() {
		if (this.client != null) {
			this.client.close();
		}
	}

}
