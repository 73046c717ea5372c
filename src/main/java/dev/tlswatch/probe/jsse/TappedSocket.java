package dev.tlswatch.probe.jsse;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A plain socket that, once asked to, keeps a copy of the first bytes it reads: the
 * server's first TLS flight under a JDK handshake layered over it, whose ServerHello the
 * JDK does not tell. Keeps at most {@value #MAX_TAPPED_BYTES} bytes (a ServerHello and,
 * up to TLS 1.2, the chain and key exchange after it).
 */
final class TappedSocket extends Socket {

	/** The most bytes kept. */
	static final int MAX_TAPPED_BYTES = 128 * 1024;

	private final ByteArrayOutputStream tapped = new ByteArrayOutputStream();

	private volatile boolean tapping;

	private volatile boolean sawInput;

	private volatile boolean reset;

	private InputStream input;

	/** Keep what is read from now on (after the plaintext STARTTLS dialogue). */
	void startTap() {
		this.tapping = true;
	}

	/**
	 * What was kept.
	 * @return the bytes read since {@link #startTap()}, at most
	 * {@value #MAX_TAPPED_BYTES}
	 */
	byte[] tapped() {
		synchronized (this.tapped) {
			return this.tapped.toByteArray();
		}
	}

	/**
	 * Whether any byte arrived since {@link #startTap()}.
	 * @return whether the server sent anything
	 */
	boolean sawInput() {
		return this.sawInput;
	}

	/**
	 * Whether a read since {@link #startTap()} ended in a reset.
	 * @return whether the connection was reset
	 */
	boolean reset() {
		return this.reset;
	}

	@Override
	public synchronized InputStream getInputStream() throws IOException {
		if (this.input == null) {
			this.input = new Tap(super.getInputStream());
		}
		return this.input;
	}

	private void keep(byte[] buffer, int offset, int length) {
		if (!this.tapping || length <= 0) {
			return;
		}
		this.sawInput = true;
		synchronized (this.tapped) {
			int room = MAX_TAPPED_BYTES - this.tapped.size();
			if (room > 0) {
				this.tapped.write(buffer, offset, Math.min(room, length));
			}
		}
	}

	private final class Tap extends FilterInputStream {

		Tap(InputStream input) {
			super(input);
		}

		@Override
		public int read() throws IOException {
			int read = readNoting(() -> super.read());
			if (read >= 0) {
				keep(new byte[] { (byte) read }, 0, 1);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = readNoting(() -> super.read(buffer, offset, length));
			keep(buffer, offset, read);
			return read;
		}

		private int readNoting(Read read) throws IOException {
			try {
				return read.read();
			}
			catch (java.net.SocketException ex) {
				if (TappedSocket.this.tapping) {
					TappedSocket.this.reset = true;
				}
				throw ex;
			}
		}

	}

	@FunctionalInterface
	private interface Read {

		int read() throws IOException;

	}

}
