package dev.tlswatch.probe;

/**
 * Sees every connection a probe opens: it may hold a connection back before it opens
 * (pacing), and hears whether the server answered or cut it. Every probe connection of
 * the engine, raw ClientHello or JSSE, calls it; an implementation must be thread-safe,
 * since the probes of one address run at once.
 */
public interface ConnectionWatch {

	/** A watch that neither waits nor counts. */
	ConnectionWatch NONE = new ConnectionWatch() {
	};

	/**
	 * Called right before each TCP connect; may wait for the connection's turn.
	 * @throws InterruptedException if interrupted while waiting
	 */
	default void beforeConnect() throws InterruptedException {
	}

	/** The server answered on a connection (any TLS record, even an alert). */
	default void answered() {
	}

	/**
	 * The server cut a connection before it answered: the connect was refused, the
	 * STARTTLS dialogue refused (an SMTP {@code 421}, say), or the connection was reset
	 * or closed before the first byte of TLS.
	 * @param reason what happened, for the report
	 */
	default void cut(String reason) {
	}

}
