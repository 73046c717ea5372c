package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;

import dev.tlswatch.probe.Deadline;

/**
 * POP3 up to the TLS handshake (RFC 2595 §4): {@code +OK} greeting, {@code STLS},
 * {@code +OK}.
 */
final class Pop3Negotiator {

	private static final String PROTOCOL = "POP3";

	// RFC 1939 §3: status indicators are upper case
	private static final String OK = "+OK";

	private Pop3Negotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		Conversation pop3 = new Conversation(socket, PROTOCOL, deadline);
		awaitGreeting(pop3);
		startTls(pop3);
	}

	private static void awaitGreeting(Conversation pop3) throws IOException {
		String greeting = pop3.readLine();
		if (!isOk(greeting)) {
			throw pop3.failure("refused the connection", greeting);
		}
	}

	private static void startTls(Conversation pop3) throws IOException {
		pop3.sendLine("STLS");
		String reply = pop3.readLine();
		if (!isOk(reply)) {
			throw pop3.failure("refused STLS", reply);
		}
	}

	private static boolean isOk(String line) {
		return line.equals(OK) || line.startsWith(OK + " ");
	}

}
