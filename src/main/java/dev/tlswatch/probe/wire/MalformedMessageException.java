package dev.tlswatch.probe.wire;

/**
 * What the server sent does not parse as the TLS message expected. The message says what
 * was wrong, without the bytes.
 */
final class MalformedMessageException extends Exception {

	private static final long serialVersionUID = 1L;

	MalformedMessageException(String message) {
		super(message);
	}

}
