package dev.tlswatch.web;

import dev.tlswatch.notify.ChannelDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One notification channel as the settings page lists it: never its secret, and of its
 * URL only scheme, host and port (the path of a Slack or Discord webhook is a token).
 *
 * @param name the name
 * @param type the type
 * @param target scheme, host and port, {@code null} for mail
 * @param minSeverity the least severity delivered
 * @param tags the tags routed, comma-separated; empty for all
 * @param recipients mail recipients, comma-separated
 * @param chatId the Telegram chat
 * @param hasSecret whether a secret is set
 * @param dashboard whether it was added here (and may be changed here)
 * @param configKey the configuration keys that define it, for the others
 */
record ChannelRow(String name, String type, @Nullable String target, String minSeverity, String tags, String recipients,
		@Nullable String chatId, boolean hasSecret, boolean dashboard, String configKey) {

	static ChannelRow of(ChannelDefinition channel) {
		boolean legacy = channel.origin() == ChannelDefinition.Origin.CONFIGURATION
				&& (channel.name().equals("mail") || channel.name().equals("webhook"));
		String key = legacy ? "tlswatch.notify." + channel.name() + ".*"
				: "tlswatch.notify.channels." + channel.name() + ".*";
		return new ChannelRow(channel.name(), channel.type().name(), channel.target(), channel.minSeverity().name(),
				String.join(", ", channel.tags()), String.join(", ", channel.to()), channel.chatId(),
				channel.hasSecret(), channel.origin() == ChannelDefinition.Origin.DASHBOARD, key);
	}

}
