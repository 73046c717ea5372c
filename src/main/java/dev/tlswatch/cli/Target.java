package dev.tlswatch.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code HOST:PORT} of the command line (IPv6 literals in brackets).
 *
 * @param host the host name or IP literal, without brackets
 * @param port the port
 */
record Target(String host, int port) {

	/** Longest host text accepted: a DNS name is at most 253 characters. */
	private static final int MAX_HOST_LENGTH = 253;

	/**
	 * Parse {@code HOST:PORT}.
	 * @param text the argument
	 * @return the target
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static Target parse(String text) {
		int colon = text.lastIndexOf(':');
		if (colon <= 0 || colon == text.length() - 1) {
			throw new IllegalArgumentException("Targets are HOST:PORT, not " + text);
		}
		String host = text.substring(0, colon);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
			throw new IllegalArgumentException("The host of a target is 1 to " + MAX_HOST_LENGTH + " characters");
		}
		int port;
		try {
			port = Integer.parseInt(text.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a port in " + text, ex);
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("Port must be between 1 and 65535 in " + text);
		}
		return new Target(host, port);
	}

	@Override
	public String toString() {
		return (this.host.indexOf(':') >= 0 ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

	/**
	 * Picocli's conversion of a positional argument.
	 */
	static final class Converter implements ITypeConverter<Target> {

		@Override
		public Target convert(String value) {
			try {
				return parse(value);
			}
			catch (IllegalArgumentException ex) {
				throw new TypeConversionException(ex.getMessage());
			}
		}

	}

}
