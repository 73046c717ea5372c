package dev.tlswatch.notify;

/**
 * What a channel speaks: mail, TLSWatch's own signed JSON, or a chat or paging service's
 * incoming-webhook or API format.
 */
public enum ChannelType {

	/** Mail through {@code spring.mail.*} to the channel's recipients. */
	MAIL(false, false),
	/** TLSWatch's JSON document, signed with the channel's secret when it has one. */
	WEBHOOK(true, false),
	/** A Slack incoming webhook. */
	SLACK(true, false),
	/**
	 * A Microsoft Teams workflow ("post to a channel when a webhook request is
	 * received").
	 */
	MICROSOFT_TEAMS(true, false),
	/** A Discord channel webhook. */
	DISCORD(true, false),
	/** A Mattermost incoming webhook. */
	MATTERMOST(true, false),
	/** PagerDuty Events API v2; the secret is the integration's routing key. */
	PAGERDUTY(false, true),
	/** Opsgenie Alert API; the secret is the API integration's key. */
	OPSGENIE(false, true),
	/** Telegram Bot API {@code sendMessage}; the secret is the bot token. */
	TELEGRAM(false, true),
	/** An ntfy topic; the secret, if any, is an access token. */
	NTFY(true, false),
	/** A Gotify server; the secret is the application token. */
	GOTIFY(true, true);

	private final boolean needsUrl;

	private final boolean needsSecret;

	ChannelType(boolean needsUrl, boolean needsSecret) {
		this.needsUrl = needsUrl;
		this.needsSecret = needsSecret;
	}

	/**
	 * Whether a URL must be given (the others have the service's public address as
	 * default, or need none).
	 * @return whether the URL is required
	 */
	public boolean needsUrl() {
		return this.needsUrl;
	}

	/**
	 * Whether a secret must be given.
	 * @return whether the secret is required
	 */
	public boolean needsSecret() {
		return this.needsSecret;
	}

}
