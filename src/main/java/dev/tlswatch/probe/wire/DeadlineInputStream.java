package dev.tlswatch.probe.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

import dev.tlswatch.probe.Deadline;

/**
 * A socket's input where every read waits at most until a {@link Deadline}: a peer that
 * sends one byte just before each read timeout cannot hold the reader past it.
 */
final class DeadlineInputStream extends InputStream {

	// What the timeout message names
	private static final String DIALOGUE = "TLS";

	private final Socket socket;

	private final InputStream input;

	private final Deadline deadline;

	DeadlineInputStream(Socket socket, Deadline deadline) throws IOException {
		this.socket = socket;
		this.input = socket.getInputStream();
		this.deadline = deadline;
	}

	@Override
	public int read() throws IOException {
		this.socket.setSoTimeout(this.deadline.remainingMillis(DIALOGUE));
		return this.input.read();
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		this.socket.setSoTimeout(this.deadline.remainingMillis(DIALOGUE));
		return this.input.read(buffer, offset, length);
	}

}
