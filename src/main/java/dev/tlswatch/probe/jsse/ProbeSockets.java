package dev.tlswatch.probe.jsse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import org.jspecify.annotations.Nullable;

/**
 * The TCP side of the JSSE probes: connecting within the connect timeout, without Nagle's
 * algorithm, and closing without a fuss.
 */
final class ProbeSockets {

	private ProbeSockets() {
	}

	/**
	 * Connect a new socket to the target within the connect timeout. TCP_NODELAY is on: a
	 * handshake's last flight is several small writes, and with Nagle's algorithm the
	 * rest would wait for the server's delayed ACK (some 40 ms).
	 * @param socket a socket not yet connected
	 * @param target where to connect
	 * @param options the connect timeout
	 * @throws IOException if the connect failed or timed out
	 * ({@link SocketTimeoutException})
	 */
	static void connect(Socket socket, ProbeTarget target, ProbeOptions options) throws IOException {
		try {
			options.watch().beforeConnect();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for a paced connection");
		}
		socket.setTcpNoDelay(true);
		try {
			socket.connect(new InetSocketAddress(target.address(), target.port()),
					Timeouts.millis(options.connectTimeout()));
		}
		catch (IOException ex) {
			options.watch().cut("Connect failed: " + Failures.describe(ex));
			throw ex;
		}
	}

	/**
	 * One question on a connection of its own: connect, then ask under the handshake
	 * watchdog, then close. A connect that times out is {@link Status#TIMED_OUT}, one
	 * that fails {@link Status#COULD_NOT_TEST}.
	 * @param <T> the answer's type
	 * @param target where to connect
	 * @param options the timeouts
	 * @param question what to ask over the connected socket
	 * @return the answer, or why there is none
	 */
	static <T> Observed<T> ask(ProbeTarget target, ProbeOptions options, Question<T> question) {
		Socket socket = new Socket();
		try {
			connect(socket, target, options);
		}
		catch (SocketTimeoutException ex) {
			closeQuietly(socket);
			return Observed.none(Status.TIMED_OUT,
					"Connect timed out after " + options.connectTimeout().toMillis() + " ms");
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(socket);
			return Observed.none(Status.COULD_NOT_TEST, "Connect failed: " + Failures.describe(ex));
		}
		try (HandshakeWatchdog.Watch watch = HandshakeWatchdog.watch(socket, options.handshakeTimeout())) {
			return question.ask(socket, watch);
		}
		finally {
			closeQuietly(socket);
		}
	}

	/**
	 * Close a socket, ignoring a failure to close it.
	 * @param socket the socket, or {@code null}
	 */
	static void closeQuietly(@Nullable Socket socket) {
		if (socket == null) {
			return;
		}
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing left to do with a socket that fails to close
		}
	}

	/**
	 * A question asked over a connected socket.
	 *
	 * @param <T> the answer's type
	 */
	@FunctionalInterface
	interface Question<T> {

		/**
		 * Ask.
		 * @param socket the connected socket
		 * @param watch the watchdog that bounds the question by the handshake timeout
		 * @return the answer, or why there is none
		 */
		Observed<T> ask(Socket socket, HandshakeWatchdog.Watch watch);

	}

}
