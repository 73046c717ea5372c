package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

import dev.tlswatch.probe.ProbeTarget;

/**
 * Runs the target's upgrade dialogue on a freshly connected socket, so that the next
 * bytes the client writes are its ClientHello. Every probe of a target calls this first,
 * whatever it then sends.
 */
public final class StartTlsNegotiation {

	private StartTlsNegotiation() {
	}

	/**
	 * Prepare a connected socket for the TLS handshake.
	 * @param socket connected to the target
	 * @param target the target, naming its STARTTLS dialect
	 * @param timeout bound on the whole dialogue
	 * @throws IOException if the server does not agree to start TLS, or the network fails
	 */
	public static void prepare(Socket socket, ProbeTarget target, Duration timeout) throws IOException {
		switch (target.startTls()) {
			case NONE -> {
				// TLS starts right away: nothing to say first.
			}
		}
	}

}
