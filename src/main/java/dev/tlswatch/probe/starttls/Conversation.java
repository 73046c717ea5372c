package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.tlswatch.probe.Deadline;

/**
 * The plaintext side of one upgrade dialogue: writes commands and reads the server's
 * replies, bounded in time by a {@link Deadline} and in size by {@value #MAX_LINE_LENGTH}
 * bytes per line and {@value #MAX_DIALOGUE_LENGTH} bytes in all. It reads one byte at a
 * time and never ahead, so that nothing the server sends after its last plaintext reply
 * is taken from the TLS layer.
 */
final class Conversation {

	/** Bytes of a line, line end included. */
	static final int MAX_LINE_LENGTH = 4096;

	/** Bytes read from the server in the whole dialogue. */
	static final int MAX_DIALOGUE_LENGTH = 64 * 1024;

	private static final byte[] CRLF = { '\r', '\n' };

	private final Socket socket;

	private final InputStream input;

	private final OutputStream output;

	private final String protocol;

	private final Deadline deadline;

	private int received;

	/**
	 * Start a dialogue on a connected socket.
	 * @param socket the connected socket
	 * @param protocol the protocol's name for messages, such as {@code SMTP}
	 * @param deadline when the dialogue must be over
	 * @throws IOException if the socket's streams are unavailable
	 */
	Conversation(Socket socket, String protocol, Deadline deadline) throws IOException {
		this.socket = socket;
		this.input = socket.getInputStream();
		this.output = socket.getOutputStream();
		this.protocol = protocol;
		this.deadline = deadline;
	}

	/**
	 * Send a command line; the line end (CRLF) is added.
	 * @param line the command, ASCII
	 * @throws IOException if the network fails
	 */
	void sendLine(String line) throws IOException {
		byte[] text = line.getBytes(StandardCharsets.US_ASCII);
		byte[] bytes = Arrays.copyOf(text, text.length + CRLF.length);
		System.arraycopy(CRLF, 0, bytes, text.length, CRLF.length);
		send(bytes);
	}

	/**
	 * Send bytes as they are.
	 * @param bytes the bytes
	 * @throws IOException if the network fails
	 */
	void send(byte[] bytes) throws IOException {
		this.output.write(bytes);
		this.output.flush();
	}

	/**
	 * Read one line, ended by LF or CRLF.
	 * @return the line without its line end, decoded as UTF-8
	 * @throws StartTlsException if the line is too long or the server closes the
	 * connection
	 * @throws IOException if the network fails or the deadline passes
	 */
	String readLine() throws IOException {
		byte[] line = new byte[MAX_LINE_LENGTH];
		int length = 0;
		while (true) {
			int next = readOrEnd();
			if (next < 0) {
				throw closed(text(line, 0, length));
			}
			if (next == '\n') {
				int end = (length > 0 && line[length - 1] == '\r') ? length - 1 : length;
				return text(line, 0, end);
			}
			if (length == MAX_LINE_LENGTH - 1) {
				throw failure("sent a line longer than " + MAX_LINE_LENGTH + " bytes", text(line, 0, length));
			}
			line[length++] = (byte) next;
		}
	}

	/**
	 * Read one byte.
	 * @return the byte, 0 to 255
	 * @throws StartTlsException if the server closes the connection
	 * @throws IOException if the network fails or the deadline passes
	 */
	int readByte() throws IOException {
		int next = readOrEnd();
		if (next < 0) {
			throw closed("");
		}
		return next;
	}

	/**
	 * Read an exact number of bytes; the caller bounds the count before calling.
	 * @param count how many bytes, at most what is left of the dialogue's budget
	 * @return the bytes
	 * @throws StartTlsException if the count exceeds the dialogue's budget or the server
	 * closes the connection
	 * @throws IOException if the network fails or the deadline passes
	 */
	byte[] readBytes(int count) throws IOException {
		if (count < 0 || count > MAX_DIALOGUE_LENGTH - this.received) {
			throw tooMuch();
		}
		byte[] bytes = new byte[count];
		for (int i = 0; i < count; i++) {
			bytes[i] = (byte) readByte();
		}
		return bytes;
	}

	/**
	 * Read until the bytes received end with one of the given markers.
	 * @param markers ASCII markers
	 * @return everything read, markers included, decoded as UTF-8
	 * @throws StartTlsException if the server closes the connection first, quoting what
	 * it sent
	 * @throws IOException if the network fails or the deadline passes
	 */
	String readUntil(String... markers) throws IOException {
		byte[][] ends = Arrays.stream(markers)
			.map((marker) -> marker.getBytes(StandardCharsets.US_ASCII))
			.toArray(byte[][]::new);
		byte[] read = new byte[256];
		int length = 0;
		while (!endsWithAny(read, length, ends)) {
			int next = readOrEnd();
			if (next < 0) {
				throw closed(text(read, 0, length));
			}
			if (length == read.length) {
				// Never beyond the dialogue's budget, which readOrEnd enforces
				read = Arrays.copyOf(read, Math.min(read.length * 2, MAX_DIALOGUE_LENGTH));
			}
			read[length++] = (byte) next;
		}
		return text(read, 0, length);
	}

	/**
	 * A failure quoting the server.
	 * @param what what the server did, completing "PROTOCOL server ..."
	 * @param reply what it sent
	 * @return the exception to throw
	 */
	StartTlsException failure(String what, String reply) {
		return new StartTlsException(this.protocol + " server " + what + ": " + ServerText.quote(reply));
	}

	private int readOrEnd() throws IOException {
		if (this.received >= MAX_DIALOGUE_LENGTH) {
			throw tooMuch();
		}
		this.socket.setSoTimeout(this.deadline.remainingMillis(this.protocol));
		int next;
		try {
			next = this.input.read();
		}
		catch (SocketTimeoutException ex) {
			// The read had only the time left until the deadline, so its timeout is the
			// deadline's: report that alone, as when the deadline is found passed before
			// a read.
			throw this.deadline.expired(this.protocol);
		}
		if (next >= 0) {
			this.received++;
		}
		return next;
	}

	private StartTlsException closed(String partial) {
		String message = this.protocol + " server closed the connection";
		return new StartTlsException(partial.isEmpty() ? message : message + " after " + ServerText.quote(partial));
	}

	private StartTlsException tooMuch() {
		return new StartTlsException(this.protocol + " server sent more than " + MAX_DIALOGUE_LENGTH
				+ " bytes without agreeing to start TLS");
	}

	private static boolean endsWithAny(byte[] bytes, int length, byte[][] ends) {
		for (byte[] end : ends) {
			if (length >= end.length && Arrays.equals(bytes, length - end.length, length, end, 0, end.length)) {
				return true;
			}
		}
		return false;
	}

	private static String text(byte[] bytes, int from, int to) {
		return new String(bytes, from, to - from, StandardCharsets.UTF_8);
	}

}
