package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;

import dev.tlswatch.probe.Deadline;

/**
 * IMAP up to the TLS handshake (RFC 3501 §6.2.1, RFC 9051 §6.2.1): {@code * OK} greeting,
 * then the tagged {@code STARTTLS} command and its tagged {@code OK}.
 */
final class ImapNegotiator {

	private static final String PROTOCOL = "IMAP";

	private static final String TAG = "a1";

	// RFC 9051 §7.1: a PREAUTH or BYE greeting leaves no room for STARTTLS
	private static final String GREETING_OK = "* OK";

	private static final String UNTAGGED = "* ";

	private ImapNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		Conversation imap = new Conversation(socket, PROTOCOL, deadline);
		awaitGreeting(imap);
		startTls(imap);
	}

	private static void awaitGreeting(Conversation imap) throws IOException {
		String greeting = imap.readLine();
		if (!isStatus(greeting, GREETING_OK)) {
			throw imap.failure("refused the connection", greeting);
		}
	}

	private static void startTls(Conversation imap) throws IOException {
		imap.sendLine(TAG + " STARTTLS");
		String reply = taggedReply(imap);
		if (!isStatus(reply, TAG + " OK")) {
			throw imap.failure("refused STARTTLS", reply);
		}
	}

	/** Untagged data (a CAPABILITY response, an alert) may come before the answer. */
	private static String taggedReply(Conversation imap) throws IOException {
		while (true) {
			String line = imap.readLine();
			if (line.startsWith(TAG + " ")) {
				return line;
			}
			if (!line.startsWith(UNTAGGED)) {
				throw imap.failure("answered STARTTLS out of protocol", line);
			}
		}
	}

	/** The status word is case-insensitive (RFC 9051 §9, "Formal Syntax"). */
	private static boolean isStatus(String line, String status) {
		return line.regionMatches(true, 0, status, 0, status.length())
				&& (line.length() == status.length() || line.charAt(status.length()) == ' ');
	}

}
