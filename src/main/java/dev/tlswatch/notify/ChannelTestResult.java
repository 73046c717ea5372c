package dev.tlswatch.notify;

import org.jspecify.annotations.Nullable;

/**
 * What a test message did.
 *
 * @param channel the channel's name
 * @param sent whether the receiver accepted it
 * @param error why not, {@code null} when sent; never contains the secret
 */
public record ChannelTestResult(String channel, boolean sent, @Nullable String error) {

}
