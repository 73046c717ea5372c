package dev.tlswatch.notify;

/**
 * A channel of that name is defined in the configuration, so the dashboard may not add or
 * change one of the same name.
 */
public class ChannelConflictException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param name the name
	 */
	public ChannelConflictException(String name) {
		super("The channel '" + name + "' is defined in the configuration (tlswatch.notify.channels." + name
				+ ".*) and cannot be changed here");
	}

}
