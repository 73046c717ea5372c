package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;

import dev.tlswatch.probe.Deadline;

/**
 * FTP up to the TLS handshake (RFC 4217 §4): greeting, {@code AUTH TLS}, 234.
 */
final class FtpNegotiator {

	private static final String PROTOCOL = "FTP";

	// RFC 959 §4.2: "service ready in nnn minutes" comes before the real greeting
	private static final int READY_SOON = 120;

	private static final int SERVICE_READY = 220;

	// RFC 4217 §4.1: security data exchange complete, TLS follows
	private static final int AUTH_ACCEPTED = 234;

	private FtpNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		Conversation ftp = new Conversation(socket, PROTOCOL, deadline);
		awaitGreeting(ftp);
		startTls(ftp);
	}

	private static void awaitGreeting(Conversation ftp) throws IOException {
		Reply greeting = Reply.read(ftp);
		if (greeting.code() == READY_SOON) {
			greeting = Reply.read(ftp);
		}
		if (greeting.code() != SERVICE_READY) {
			throw ftp.failure("refused the connection", greeting.text());
		}
	}

	private static void startTls(Conversation ftp) throws IOException {
		ftp.sendLine("AUTH TLS");
		Reply reply = Reply.read(ftp);
		if (reply.code() != AUTH_ACCEPTED) {
			throw ftp.failure("refused AUTH TLS", reply.text());
		}
	}

}
