package dev.tlswatch.notify;

/**
 * A channel as typed into a form: every value a string, checked by
 * {@link NotificationChannels#save(ChannelInput)}.
 *
 * @param name the name
 * @param type the type's name, for example {@code SLACK}
 * @param url the URL, blank for none
 * @param secret the secret; blank keeps the stored one of a channel that is changed
 * @param minSeverity {@code INFO}, {@code WARNING} or {@code CRITICAL}
 * @param tags tags separated by commas or white space
 * @param to mail recipients separated by commas or white space
 * @param chatId the Telegram chat id
 */
public record ChannelInput(String name, String type, String url, String secret, String minSeverity, String tags,
		String to, String chatId) {

}
