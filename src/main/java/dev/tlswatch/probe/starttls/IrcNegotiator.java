package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.List;

import dev.tlswatch.probe.Deadline;

/**
 * IRC up to the TLS handshake, as the IRCv3 {@code tls} extension has it: the client
 * sends {@code STARTTLS} before registering; numeric {@code 670} (RPL_STARTTLS) means go
 * on, {@code 691} (ERR_STARTTLS) a failure, and {@code 421} (ERR_UNKNOWNCOMMAND) or
 * {@code 451} (ERR_NOTREGISTERED) a server without it. Notices the server sends meanwhile
 * (ident and host name lookups) are passed over, and a {@code PING} is answered (RFC 2812
 * §3.7.2), for at most {@value #MAX_LINES} lines.
 */
final class IrcNegotiator {

	private static final String PROTOCOL = "IRC";

	private static final int MAX_LINES = 64;

	private static final String STARTTLS_OK = "670";

	private static final List<String> REFUSALS = List.of("691", "421", "451");

	private IrcNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		Conversation irc = new Conversation(socket, PROTOCOL, deadline);
		irc.sendLine("STARTTLS");
		awaitGoAhead(irc);
	}

	private static void awaitGoAhead(Conversation irc) throws IOException {
		for (int i = 0; i < MAX_LINES; i++) {
			String line = irc.readLine();
			List<String> words = List.of(withoutPrefix(line).split(" "));
			String command = words.get(0);
			if (command.equals(STARTTLS_OK)) {
				return;
			}
			if (REFUSALS.contains(command)) {
				throw irc.failure("refused STARTTLS", line);
			}
			if (command.equals("ERROR")) {
				throw irc.failure("closed the connection", line);
			}
			if (command.equals("PING")) {
				irc.sendLine("PONG" + withoutPrefix(line).substring("PING".length()));
			}
		}
		throw irc.failure("did not answer STARTTLS within " + MAX_LINES + " lines", "");
	}

	/** RFC 2812 §2.3.1: a message may start with ":prefix ". */
	private static String withoutPrefix(String line) {
		if (!line.startsWith(":")) {
			return line;
		}
		int space = line.indexOf(' ');
		return (space < 0) ? "" : line.substring(space + 1);
	}

}
