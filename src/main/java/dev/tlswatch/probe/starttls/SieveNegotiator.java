package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.Locale;

import dev.tlswatch.probe.Deadline;

/**
 * ManageSieve up to the TLS handshake (RFC 5804 §1.7, §2.2): the capability greeting,
 * which must list {@code "STARTTLS"} and ends with an {@code OK} line, then
 * {@code STARTTLS} and {@code OK}. {@code NO} and {@code BYE} are refusals.
 */
final class SieveNegotiator {

	private static final String PROTOCOL = "ManageSieve";

	/** The most capability lines read before the greeting's end. */
	private static final int MAX_CAPABILITY_LINES = 64;

	private static final String STARTTLS_CAPABILITY = "\"STARTTLS\"";

	private SieveNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, Deadline deadline) throws IOException {
		Conversation sieve = new Conversation(socket, PROTOCOL, deadline);
		requireStartTlsCapability(sieve);
		startTls(sieve);
	}

	/**
	 * RFC 5804 §1.7: one capability per line, a quoted name first, the greeting's last
	 * line a response ({@code OK}, or {@code NO}/{@code BYE} to refuse).
	 */
	private static void requireStartTlsCapability(Conversation sieve) throws IOException {
		boolean offered = false;
		for (int i = 0; i < MAX_CAPABILITY_LINES; i++) {
			String line = sieve.readLine();
			if (isResponse(line, "OK")) {
				if (!offered) {
					throw sieve.failure("does not offer STARTTLS", line);
				}
				return;
			}
			if (isResponse(line, "NO") || isResponse(line, "BYE")) {
				throw sieve.failure("refused the connection", line);
			}
			offered |= line.toUpperCase(Locale.ROOT).startsWith(STARTTLS_CAPABILITY);
		}
		throw sieve.failure("sent more than " + MAX_CAPABILITY_LINES + " capability lines", "");
	}

	private static void startTls(Conversation sieve) throws IOException {
		sieve.sendLine("STARTTLS");
		String reply = sieve.readLine();
		if (!isResponse(reply, "OK")) {
			throw sieve.failure("refused STARTTLS", reply);
		}
	}

	/** A response line: the keyword alone, or followed by a space (RFC 5804 §4). */
	private static boolean isResponse(String line, String keyword) {
		String upper = line.toUpperCase(Locale.ROOT);
		return upper.equals(keyword) || upper.startsWith(keyword + " ");
	}

}
