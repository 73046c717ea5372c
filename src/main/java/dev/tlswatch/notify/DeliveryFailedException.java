package dev.tlswatch.notify;

/**
 * A channel could not deliver; the message says why and contains no secret (the webhook
 * URL appears as scheme and host only).
 */
class DeliveryFailedException extends Exception {

	static final int MAX_MESSAGE_LENGTH = 900;

	DeliveryFailedException(String message, Throwable cause) {
		super(clean(message), cause);
	}

	DeliveryFailedException(String message) {
		super(clean(message));
	}

	/** One line, bounded, so that it fits the outbox row and a log line. */
	static String clean(String message) {
		String line = message.replaceAll("\\p{Cntrl}+", " ").strip();
		return (line.length() > MAX_MESSAGE_LENGTH) ? line.substring(0, MAX_MESSAGE_LENGTH - 1) + "…" : line;
	}

}
