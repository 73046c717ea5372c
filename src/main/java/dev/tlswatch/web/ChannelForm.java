package dev.tlswatch.web;

import dev.tlswatch.notify.ChannelInput;

/**
 * The settings page's form that adds or changes a channel. Every value is cut to a bound
 * before it is checked; the secret is never sent back to the browser.
 *
 * @param name the name
 * @param type the type
 * @param url the URL
 * @param secret the secret; blank keeps the stored one
 * @param minSeverity the least severity delivered
 * @param tags tags, comma-separated
 * @param to mail recipients, comma-separated
 * @param chatId the Telegram chat id
 */
record ChannelForm(String name, String type, String url, String secret, String minSeverity, String tags, String to,
		String chatId) {

	static final int MAX_INPUT = 4096;

	ChannelForm {
		name = bound(name);
		type = bound(type);
		url = bound(url);
		secret = bound(secret);
		minSeverity = bound(minSeverity);
		tags = bound(tags);
		to = bound(to);
		chatId = bound(chatId);
	}

	static ChannelForm empty() {
		return new ChannelForm("", "WEBHOOK", "", "", "INFO", "", "", "");
	}

	ChannelInput input() {
		return new ChannelInput(this.name, this.type, this.url, this.secret, this.minSeverity, this.tags, this.to,
				this.chatId);
	}

	/** The form as shown again: without the secret. */
	ChannelForm withoutSecret() {
		return new ChannelForm(this.name, this.type, this.url, "", this.minSeverity, this.tags, this.to, this.chatId);
	}

	private static String bound(String value) {
		return (value == null) ? "" : (value.length() > MAX_INPUT) ? value.substring(0, MAX_INPUT) : value;
	}

}
