package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;

import dev.tlswatch.probe.Deadline;

/**
 * NNTP up to the TLS handshake (RFC 4642 §2): a 200 or 201 greeting (RFC 3977 §5.1.1),
 * {@code STARTTLS}, {@code 382} to go on.
 */
final class NntpNegotiator {

	private static final String PROTOCOL = "NNTP";

	// RFC 3977 §5.1.1: service available, posting allowed or prohibited
	private static final int POSTING_ALLOWED = 200;

	private static final int POSTING_PROHIBITED = 201;

	// RFC 4642 §2.2.2: continue with TLS negotiation
	private static final int CONTINUE_WITH_TLS = 382;

	private NntpNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		Conversation nntp = new Conversation(socket, PROTOCOL, deadline);
		awaitGreeting(nntp);
		startTls(nntp);
	}

	/** 400 (service unavailable) or 502 (permanently unavailable) end the dialogue. */
	private static void awaitGreeting(Conversation nntp) throws IOException {
		String greeting = nntp.readLine();
		int code = code(greeting);
		if (code != POSTING_ALLOWED && code != POSTING_PROHIBITED) {
			throw nntp.failure("refused the connection", greeting);
		}
	}

	/** 580 (cannot start TLS) and 502 (not available) are refusals. */
	private static void startTls(Conversation nntp) throws IOException {
		nntp.sendLine("STARTTLS");
		String reply = nntp.readLine();
		if (code(reply) != CONTINUE_WITH_TLS) {
			throw nntp.failure("refused STARTTLS", reply);
		}
	}

	/** RFC 3977 §3.2: a response starts with a three-digit status code. */
	private static int code(String line) {
		if (line.length() < 3 || (line.length() > 3 && line.charAt(3) != ' ')) {
			return -1;
		}
		String digits = line.substring(0, 3);
		return digits.chars().allMatch(Character::isDigit) ? Integer.parseInt(digits) : -1;
	}

}
