package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;

import dev.tlswatch.probe.Deadline;

/**
 * LMTP up to the TLS handshake: SMTP's dialogue (RFC 3207 §4) with {@code LHLO} in place
 * of {@code EHLO} (RFC 2033 §4.1): 220 greeting, {@code LHLO}, a {@code 250 STARTTLS}
 * line, {@code STARTTLS}, 220.
 */
final class LmtpNegotiator {

	private static final String PROTOCOL = "LMTP";

	// RFC 2606 §2 reserves .invalid: a name that says it belongs to nobody
	private static final String LHLO = "LHLO tlswatch.invalid";

	private LmtpNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		SmtpNegotiator.negotiate(socket, deadline, PROTOCOL, LHLO);
	}

}
