package dev.tlswatch.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends every channel type but mail as one HTTP POST (see {@link ChannelPayloads}). The
 * host is resolved and each address judged by the {@link OutboundAddressPolicy} right
 * before the request; redirects are never followed; any 2xx answer means delivered. URLs
 * and secrets may hold tokens: errors show the channel's name and scheme, host and port
 * only.
 */
@Component
class HttpChannelSender implements ChannelSender, DisposableBean {

	private final NotifySettings.Webhook timeouts;

	private final OutboundAddressPolicy policy;

	private final HttpClient client;

	private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

	HttpChannelSender(NotifySettings settings, OutboundAddressPolicy policy) {
		this.timeouts = settings.webhook();
		this.policy = policy;
		this.client = HttpClient.newBuilder()
			.connectTimeout(this.timeouts.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public boolean supports(ChannelType type) {
		return type != ChannelType.MAIL;
	}

	@Override
	public boolean enabled(ChannelDefinition channel) {
		return true;
	}

	@Override
	public void send(ChannelDefinition channel, Delivery delivery) throws DeliveryFailedException {
		ChannelPayloads.HttpCall call;
		try {
			call = ChannelPayloads.call(channel, delivery);
		}
		catch (IllegalArgumentException ex) {
			throw new DeliveryFailedException(describe(channel) + " is not usable: " + ex.getMessage(), ex);
		}
		checkPolicy(channel, call.url());
		HttpRequest.Builder request = HttpRequest.newBuilder(call.url())
			.timeout(this.timeouts.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "TLSWatch")
			.POST(HttpRequest.BodyPublishers.ofString(call.body()));
		call.headers().forEach(request::header);
		int status = post(channel, request.build());
		if (status < 200 || status > 299) {
			throw new DeliveryFailedException(describe(channel) + " answered HTTP " + status);
		}
	}

	/**
	 * Resolves the host (bounded by the connect timeout) and judges every address: a name
	 * that points at a denied address is refused even if it was allowed when the channel
	 * was saved.
	 */
	private void checkPolicy(ChannelDefinition channel, URI url) throws DeliveryFailedException {
		String host = url.getHost();
		String hostDenial = this.policy.deniedHost(host);
		if (hostDenial != null) {
			throw new DeliveryFailedException(describe(channel) + " refused by the scan target policy: " + hostDenial);
		}
		for (InetAddress address : resolve(channel, host)) {
			String denial = this.policy.deniedAddress(address);
			if (denial != null) {
				throw new DeliveryFailedException(describe(channel) + " refused by the scan target policy: " + denial);
			}
		}
	}

	private InetAddress[] resolve(ChannelDefinition channel, String host) throws DeliveryFailedException {
		String name = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		Future<InetAddress[]> lookup = this.lookups.submit(() -> InetAddress.getAllByName(name));
		Duration timeout = this.timeouts.connectTimeout();
		try {
			return lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			lookup.cancel(true);
			throw new DeliveryFailedException(describe(channel) + ": resolving the host took longer than " + timeout,
					ex);
		}
		catch (ExecutionException ex) {
			String reason = (ex.getCause() instanceof UnknownHostException) ? "unknown host"
					: String.valueOf(ex.getCause());
			throw new DeliveryFailedException(describe(channel) + ": " + reason, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailedException(describe(channel) + " interrupted", ex);
		}
	}

	private int post(ChannelDefinition channel, HttpRequest request) throws DeliveryFailedException {
		try {
			// The answer's body is not needed; discarding it also bounds what is read.
			return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (HttpTimeoutException ex) {
			throw new DeliveryFailedException(describe(channel) + " timed out: " + redact(channel, request, ex), ex);
		}
		catch (IOException ex) {
			throw new DeliveryFailedException(describe(channel) + " failed: " + ex.getClass().getSimpleName() + " "
					+ redact(channel, request, ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailedException(describe(channel) + " interrupted", ex);
		}
	}

	/**
	 * How errors name a channel: the old webhook keeps its wording ("Webhook
	 * https://host"), the others say type, name and target.
	 */
	static String describe(ChannelDefinition channel) {
		if (channel.type() == ChannelType.WEBHOOK && "webhook".equals(channel.name())) {
			return "Webhook " + channel.target();
		}
		return channel.type() + " channel '" + channel.name() + "' (" + channel.target() + ")";
	}

	/** Removes the URL, its path and query, and the secret from a library's message. */
	private static String redact(ChannelDefinition channel, HttpRequest request, Exception ex) {
		String text = String.valueOf(ex.getMessage());
		URI url = request.uri();
		text = text.replace(url.toString(), String.valueOf(channel.target()));
		if (url.getRawPath() != null && url.getRawPath().length() > 1) {
			text = text.replace(url.getRawPath(), "/…");
		}
		if (url.getRawQuery() != null) {
			text = text.replace(url.getRawQuery(), "…");
		}
		String secret = channel.secret();
		return (secret != null) ? text.replace(secret, "…") : text;
	}

	@Override
	public void destroy() {
		this.client.close();
		this.lookups.shutdownNow();
	}

}
