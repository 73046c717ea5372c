package dev.tlswatch.notify;

/**
 * No channel of that name (or, for changes, no channel of that name that was added on the
 * dashboard).
 */
public class ChannelNotFoundException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param name the name asked for
	 */
	public ChannelNotFoundException(String name) {
		super("No notification channel '" + DeliveryFailedException.clean(name) + "'");
	}

}
