package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.regex.Pattern;

import dev.tlswatch.probe.Deadline;

/**
 * SMTP up to the TLS handshake (RFC 3207 §4): greeting, {@code EHLO}, {@code STARTTLS}.
 */
final class SmtpNegotiator {

	private static final String PROTOCOL = "SMTP";

	// RFC 5321 §4.2.2 reply codes
	private static final int SERVICE_READY = 220;

	private static final int OK = 250;

	// RFC 2606 §2 reserves .invalid: a name that says it belongs to nobody
	private static final String EHLO = "EHLO tlswatch.invalid";

	// RFC 3207 §4 names the EHLO keyword; RFC 5321 §2.4 makes keywords case-insensitive
	private static final Pattern STARTTLS_EXTENSION = Pattern.compile("250[- ]STARTTLS\\s*", Pattern.CASE_INSENSITIVE);

	private SmtpNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		negotiate(socket, deadline, PROTOCOL, EHLO);
	}

	/**
	 * Run the dialogue of SMTP or of a protocol that differs only in its hello (LMTP).
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @param protocol the protocol's name, for errors
	 * @param hello the hello line, {@code EHLO} or {@code LHLO} with a name
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline, String protocol, String hello) throws IOException {
		Conversation smtp = new Conversation(socket, protocol, deadline);
		awaitGreeting(smtp);
		requireStartTlsExtension(smtp, hello);
		startTls(smtp);
	}

	/** A 4xx or 5xx greeting (421 "too busy", 554 "no service") ends the dialogue. */
	private static void awaitGreeting(Conversation smtp) throws IOException {
		Reply greeting = Reply.read(smtp);
		if (greeting.code() != SERVICE_READY) {
			throw smtp.failure("refused the connection", greeting.text());
		}
	}

	private static void requireStartTlsExtension(Conversation smtp, String hello) throws IOException {
		smtp.sendLine(hello);
		Reply extensions = Reply.read(smtp);
		if (extensions.code() != OK) {
			throw smtp.failure("rejected " + hello.substring(0, 4), extensions.text());
		}
		if (extensions.lines().stream().noneMatch((line) -> STARTTLS_EXTENSION.matcher(line).matches())) {
			throw smtp.failure("does not offer STARTTLS", extensions.text());
		}
	}

	private static void startTls(Conversation smtp) throws IOException {
		smtp.sendLine("STARTTLS");
		Reply reply = Reply.read(smtp);
		if (reply.code() != SERVICE_READY) {
			throw smtp.failure("refused STARTTLS", reply.text());
		}
	}

}
