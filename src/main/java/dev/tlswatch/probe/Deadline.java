package dev.tlswatch.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The moment a connection's dialogue must be over, however slowly its peer sends. A read
 * timeout alone does not bound a dialogue: a peer that sends one byte just before each
 * timeout would hold the caller for ever, so every read gets only the time that is left.
 * The one deadline of the engine: the STARTTLS negotiators and the wire probes share it.
 */
public final class Deadline {

	private static final long NANOS_PER_MILLI = 1_000_000;

	private final Duration timeout;

	private final long endNanos;

	private Deadline(Duration timeout) {
		this.timeout = timeout;
		this.endNanos = System.nanoTime() + saturatedNanos(timeout);
	}

	/**
	 * A deadline the given time from now.
	 * @param timeout the time allowed
	 * @return the deadline
	 */
	public static Deadline after(Duration timeout) {
		return new Deadline(timeout);
	}

	/**
	 * The read timeout for the next read: the time left, at least one millisecond (zero
	 * would mean "no timeout" to a socket).
	 * @param dialogue what is being timed ({@code SMTP}, {@code TLS handshake}), for the
	 * message
	 * @return the milliseconds left
	 * @throws SocketTimeoutException if the deadline has passed
	 */
	public int remainingMillis(String dialogue) throws SocketTimeoutException {
		long left = this.endNanos - System.nanoTime();
		if (left <= 0) {
			throw expired(dialogue);
		}
		return (int) Math.clamp(Math.ceilDiv(left, NANOS_PER_MILLI), 1, Integer.MAX_VALUE);
	}

	/**
	 * A socket's input where every read waits at most until this deadline: a peer that
	 * sends one byte just before each read timeout cannot hold the reader past it.
	 * @param socket the connected socket
	 * @param dialogue what is being timed, for the timeout's message
	 * @return the bounded input
	 * @throws IOException if the socket has no input
	 */
	public InputStream input(Socket socket, String dialogue) throws IOException {
		InputStream input = socket.getInputStream();
		return new InputStream() {

			@Override
			public int read() throws IOException {
				socket.setSoTimeout(remainingMillis(dialogue));
				return input.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				socket.setSoTimeout(remainingMillis(dialogue));
				return input.read(buffer, offset, length);
			}

		};
	}

	/**
	 * The exception for a dialogue that outlived the deadline.
	 * @param dialogue what was being timed
	 * @return the exception to throw
	 */
	public SocketTimeoutException expired(String dialogue) {
		return new SocketTimeoutException(
				dialogue + " dialogue not completed within " + this.timeout.toMillis() + " ms");
	}

	/**
	 * A timeout in whole milliseconds as sockets take it: at least 1, at most
	 * {@link Integer#MAX_VALUE}.
	 * @param timeout the timeout
	 * @return the milliseconds
	 */
	public static int socketMillis(Duration timeout) {
		long millis = saturatedNanos(timeout) / NANOS_PER_MILLI;
		return (int) Math.clamp(millis, 1, Integer.MAX_VALUE);
	}

	private static long saturatedNanos(Duration timeout) {
		try {
			return Math.max(1, timeout.toNanos());
		}
		catch (ArithmeticException ex) {
			// Longer than 292 years; nanoTime differences would overflow, so keep a
			// margin
			return Long.MAX_VALUE / 2;
		}
	}

}
