package dev.tlswatch.probe.starttls;

import java.io.IOException;

/**
 * The server did not agree to start TLS: it refused, did not offer the upgrade, closed
 * the connection or answered outside its protocol. The message names the protocol and
 * quotes the server's reply, with control characters escaped and at most
 * {@value ServerText#MAX_QUOTED_LENGTH} characters of it, for example
 * {@code SMTP server does not offer STARTTLS: "250 mail.example.com"}.
 */
public final class StartTlsException extends IOException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what the server did, quoting it
	 */
	public StartTlsException(String message) {
		super(message);
	}

}
