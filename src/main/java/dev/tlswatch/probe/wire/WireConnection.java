package dev.tlswatch.probe.wire;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import javax.net.ssl.SNIHostName;

import dev.tlswatch.probe.ConnectionWatch;
import dev.tlswatch.probe.Deadline;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.HostNames;
import dev.tlswatch.probe.starttls.StartTlsNegotiation;
import org.jspecify.annotations.Nullable;

/**
 * One probe connection, the same for every wire probe: TCP connect within the connect
 * timeout, the target's STARTTLS dialogue, one ClientHello, and the server's answer read
 * under a deadline of the handshake timeout that starts after the connect, however slowly
 * the peer sends. The socket is closed when the answer has been read.
 */
final class WireConnection {

	private WireConnection() {
	}

	/**
	 * Open a connection, send a ClientHello and read the answer.
	 * @param <T> what the reader makes of the answer
	 * @param target the target
	 * @param options the timeouts
	 * @param clientHello the record(s) to send once TLS may start
	 * @param reader reads the answer from the bounded input
	 * @return what the reader returned
	 * @throws Failure if the ClientHello could not be sent, or reading failed locally
	 */
	static <T> T exchange(ProbeTarget target, ProbeOptions options, byte[] clientHello, AnswerReader<T> reader)
			throws Failure {
		try (Socket socket = new Socket()) {
			connect(socket, target, options);
			Deadline deadline = Deadline.after(options.handshakeTimeout());
			Socket upgraded = startTls(socket, target, options);
			send(upgraded, clientHello);
			WatchedInput input = new WatchedInput(deadline.input(upgraded, "TLS"));
			T answer = reader.read(input);
			input.report(options.watch());
			return answer;
		}
		catch (IOException ex) {
			throw new Failure(false, true, "Reading the answer failed: " + describe(ex));
		}
	}

	/** The watch's pacing, before the connect. */
	private static void awaitTurn(ProbeOptions options) throws Failure {
		try {
			options.watch().beforeConnect();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Failure(false, "Interrupted while waiting for a paced connection");
		}
	}

	/**
	 * The name a ClientHello to a target sends as SNI, as {@link HostNames#serverName}
	 * decides it.
	 * @param target the target
	 * @return the ASCII host name, {@code null} to send none
	 */
	static @Nullable String serverName(ProbeTarget target) {
		SNIHostName serverName = HostNames.serverName(target.sniName());
		return (serverName != null) ? serverName.getAsciiName() : null;
	}

	/**
	 * An exception in a few words: its message, else its type.
	 * @param ex the exception
	 * @return the text
	 */
	static String describe(Exception ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

	static void connect(Socket socket, ProbeTarget target, ProbeOptions options) throws Failure {
		awaitTurn(options);
		try {
			// STARTTLS lines and the ClientHello go out at once, not after an ACK
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(target.address(), target.port()),
					Deadline.socketMillis(options.connectTimeout()));
		}
		catch (SocketTimeoutException ex) {
			options.watch().cut("Connect timed out");
			throw new Failure(true, "Connect timed out after " + options.connectTimeout().toMillis() + " ms");
		}
		catch (IOException ex) {
			options.watch().cut("Connect failed: " + describe(ex));
			throw new Failure(false, "Connect failed: " + describe(ex));
		}
	}

	/**
	 * The target's STARTTLS dialogue.
	 * @return the socket to speak TLS over (for SQL Server, TLS inside TDS packets)
	 */
	static Socket startTls(Socket socket, ProbeTarget target, ProbeOptions options) throws Failure {
		try {
			return StartTlsNegotiation.prepare(socket, target, options.handshakeTimeout());
		}
		catch (SocketTimeoutException ex) {
			throw new Failure(true, "STARTTLS timed out: " + describe(ex));
		}
		catch (IOException ex) {
			options.watch().cut("STARTTLS failed: " + describe(ex));
			throw new Failure(false, "STARTTLS failed: " + describe(ex));
		}
	}

	private static void send(Socket socket, byte[] clientHello) throws Failure {
		try {
			OutputStream output = socket.getOutputStream();
			output.write(clientHello);
			output.flush();
		}
		catch (IOException ex) {
			// Before the server could have read a byte of ours: says nothing of the
			// server's choices
			throw new Failure(false, "Sending the ClientHello failed: " + describe(ex));
		}
	}

	/**
	 * Reads the server's answer.
	 *
	 * @param <T> what it makes of the answer
	 */
	@FunctionalInterface
	interface AnswerReader<T> {

		/**
		 * Read the answer.
		 * @param input the connection's input, every read bounded by the deadline
		 * @return the answer
		 * @throws IOException on a local failure to read
		 */
		T read(InputStream input) throws IOException;

	}

	/**
	 * The answer's input, noting whether any byte came and whether the connection was
	 * reset: a reset before the first byte is a cut connection for the
	 * {@link dev.tlswatch.probe.ConnectionWatch}.
	 */
	private static final class WatchedInput extends FilterInputStream {

		private boolean received;

		private @Nullable String reset;

		WatchedInput(InputStream input) {
			super(input);
		}

		@Override
		public int read() throws IOException {
			try {
				int read = super.read();
				this.received |= read >= 0;
				return read;
			}
			catch (SocketException ex) {
				this.reset = describe(ex);
				throw ex;
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				int read = super.read(buffer, offset, length);
				this.received |= read > 0;
				return read;
			}
			catch (SocketException ex) {
				this.reset = describe(ex);
				throw ex;
			}
		}

		void report(ConnectionWatch watch) {
			if (this.received) {
				watch.answered();
			}
			else if (this.reset != null) {
				watch.cut("Reset before any answer: " + this.reset);
			}
		}

	}

	/**
	 * The server never saw the ClientHello, or its answer could not be read: nothing was
	 * learnt of the server's choices.
	 */
	static final class Failure extends Exception {

		private static final long serialVersionUID = 1L;

		private final boolean timedOut;

		private final boolean sent;

		Failure(boolean timedOut, String detail) {
			this(timedOut, false, detail);
		}

		Failure(boolean timedOut, boolean sent, String detail) {
			super(detail, null, false, false);
			this.timedOut = timedOut;
			this.sent = sent;
		}

		/**
		 * Whether the ClientHello was sent and only reading the answer failed (locally).
		 * @return whether it was sent
		 */
		boolean sent() {
			return this.sent;
		}

		/**
		 * Whether a timeout, rather than an error, ended the attempt.
		 * @return whether it timed out
		 */
		boolean timedOut() {
			return this.timedOut;
		}

	}

}
