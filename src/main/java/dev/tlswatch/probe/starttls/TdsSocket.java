package dev.tlswatch.probe.starttls;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * A connection to a Microsoft SQL Server after its PRELOGIN exchange, for the TLS layer
 * above it: MS-TDS §3.2.5.1 carries the TLS handshake inside TDS packets, so until the
 * handshake is over each write goes out as one PRELOGIN message (packet type 0x12) and
 * the server's TDS packets are unwrapped on the way in. Once the handshake has completed
 * ({@link #handshakeCompleted()}), or the server sends a bare TLS record, TLS runs
 * directly over TCP as the specification says.
 * <p>
 * The server's packets are bounded ({@value #MAX_PACKET_LENGTH} bytes at most, the TDS
 * maximum); every read takes the timeout set on this socket, which the layer above sets.
 */
final class TdsSocket extends Socket {

	/** MS-TDS §2.2.3.1.1: PRELOGIN, which carries the handshake in both directions. */
	static final int PRELOGIN = 0x12;

	/** MS-TDS §2.2.3.1.1: tabular result; the server's PRELOGIN answer has this type. */
	static final int TABULAR_RESULT = 0x04;

	/** MS-TDS §2.2.3.1.2: end of message. */
	static final int STATUS_EOM = 0x01;

	/**
	 * Type, status, length (2, big-endian, header included), SPID (2), packet, window.
	 */
	static final int HEADER_LENGTH = 8;

	/** MS-TDS §2.2.6.4: the largest packet size a server may use. */
	static final int MAX_PACKET_LENGTH = 32_768;

	/** The packet size before LOGIN7 negotiates another (MS-TDS §2.2.6.4: 4096). */
	static final int CLIENT_PACKET_LENGTH = 4096;

	// Empty packets passed over before the stream is given up as hostile
	private static final int MAX_EMPTY_PACKETS = 16;

	// TLS record content types (RFC 8446 §5.1): change_cipher_spec to heartbeat
	private static final int FIRST_TLS_CONTENT_TYPE = 20;

	private static final int LAST_TLS_CONTENT_TYPE = 24;

	private final Socket socket;

	private final InputStream input;

	private final OutputStream output;

	private volatile boolean handshakeCompleted;

	private int packetId;

	TdsSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.input = new Unwrapping(socket.getInputStream());
		this.output = new Wrapping(socket.getOutputStream());
	}

	/**
	 * The TLS handshake is over: from now on TLS records go over TCP as they are.
	 */
	void handshakeCompleted() {
		this.handshakeCompleted = true;
	}

	/**
	 * A PRELOGIN message with the given payload: as many packets of at most
	 * {@value #CLIENT_PACKET_LENGTH} bytes as it needs, the last marked end of message.
	 * @param payload what the message carries
	 * @param firstPacketId the packet id of the first packet
	 * @return the packets
	 */
	static byte[] prelogin(byte[] payload, int firstPacketId) {
		int perPacket = CLIENT_PACKET_LENGTH - HEADER_LENGTH;
		int packets = Math.max(1, (payload.length + perPacket - 1) / perPacket);
		byte[] message = new byte[payload.length + packets * HEADER_LENGTH];
		int at = 0;
		for (int i = 0; i < packets; i++) {
			int from = i * perPacket;
			int length = Math.min(perPacket, payload.length - from);
			message[at] = (byte) PRELOGIN;
			message[at + 1] = (byte) ((i == packets - 1) ? STATUS_EOM : 0);
			message[at + 2] = (byte) ((length + HEADER_LENGTH) >>> 8);
			message[at + 3] = (byte) (length + HEADER_LENGTH);
			// SPID 0: the server fills in its own; window 0 (MS-TDS §2.2.3.1.6)
			message[at + 6] = (byte) (firstPacketId + i);
			System.arraycopy(payload, from, message, at + HEADER_LENGTH, length);
			at += HEADER_LENGTH + length;
		}
		return message;
	}

	@Override
	public InputStream getInputStream() {
		return this.input;
	}

	@Override
	public OutputStream getOutputStream() {
		return this.output;
	}

	@Override
	public void setSoTimeout(int timeout) throws SocketException {
		this.socket.setSoTimeout(timeout);
	}

	@Override
	public int getSoTimeout() throws SocketException {
		return this.socket.getSoTimeout();
	}

	@Override
	public void setTcpNoDelay(boolean on) throws SocketException {
		this.socket.setTcpNoDelay(on);
	}

	@Override
	public boolean getTcpNoDelay() throws SocketException {
		return this.socket.getTcpNoDelay();
	}

	@Override
	public void setSoLinger(boolean on, int linger) throws SocketException {
		this.socket.setSoLinger(on, linger);
	}

	@Override
	public int getSoLinger() throws SocketException {
		return this.socket.getSoLinger();
	}

	@Override
	public InetAddress getInetAddress() {
		return this.socket.getInetAddress();
	}

	@Override
	public InetAddress getLocalAddress() {
		return this.socket.getLocalAddress();
	}

	@Override
	public int getPort() {
		return this.socket.getPort();
	}

	@Override
	public int getLocalPort() {
		return this.socket.getLocalPort();
	}

	@Override
	public SocketAddress getRemoteSocketAddress() {
		return this.socket.getRemoteSocketAddress();
	}

	@Override
	public SocketAddress getLocalSocketAddress() {
		return this.socket.getLocalSocketAddress();
	}

	@Override
	public boolean isConnected() {
		return this.socket.isConnected();
	}

	@Override
	public boolean isBound() {
		return this.socket.isBound();
	}

	@Override
	public boolean isClosed() {
		return this.socket.isClosed();
	}

	@Override
	public void shutdownInput() throws IOException {
		this.socket.shutdownInput();
	}

	@Override
	public void shutdownOutput() throws IOException {
		this.socket.shutdownOutput();
	}

	@Override
	public boolean isInputShutdown() {
		return this.socket.isInputShutdown();
	}

	@Override
	public boolean isOutputShutdown() {
		return this.socket.isOutputShutdown();
	}

	@Override
	public synchronized void close() throws IOException {
		this.socket.close();
	}

	@Override
	public String toString() {
		return "TDS " + this.socket;
	}

	/**
	 * The server's side: TDS packets unwrapped while they come, bare TLS from the first
	 * byte that starts a TLS record instead of a packet.
	 */
	private final class Unwrapping extends InputStream {

		private final InputStream tcp;

		private int remaining;

		private boolean raw;

		private int pending = -1;

		Unwrapping(InputStream tcp) {
			this.tcp = tcp;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return (read < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (this.pending >= 0) {
				buffer[offset] = (byte) this.pending;
				this.pending = -1;
				return 1;
			}
			if (this.raw) {
				return this.tcp.read(buffer, offset, length);
			}
			if (this.remaining == 0 && !nextPacket()) {
				return (this.pending >= 0) ? read(buffer, offset, length) : -1;
			}
			int read = this.tcp.read(buffer, offset, Math.min(length, this.remaining));
			if (read < 0) {
				throw new EOFException("The server closed the connection inside a TDS packet");
			}
			this.remaining -= read;
			return read;
		}

		/**
		 * Read the next packet's header; {@code false} at the end of the stream or when
		 * bare TLS begins (its first byte then pending).
		 */
		private boolean nextPacket() throws IOException {
			for (int empty = 0; empty < MAX_EMPTY_PACKETS; empty++) {
				int type = this.tcp.read();
				if (type < 0) {
					return false;
				}
				if (type >= FIRST_TLS_CONTENT_TYPE && type <= LAST_TLS_CONTENT_TYPE) {
					this.raw = true;
					this.pending = type;
					return false;
				}
				if (type != PRELOGIN && type != TABULAR_RESULT) {
					throw new IOException(String
						.format("The server sent a TDS packet of type 0x%02x during the TLS handshake", type));
				}
				byte[] header = readFully(HEADER_LENGTH - 1);
				int packetLength = ((header[1] & 0xff) << 8) | (header[2] & 0xff);
				if (packetLength < HEADER_LENGTH || packetLength > MAX_PACKET_LENGTH) {
					throw new IOException("The server sent a TDS packet of " + packetLength + " bytes");
				}
				this.remaining = packetLength - HEADER_LENGTH;
				if (this.remaining > 0) {
					return true;
				}
			}
			throw new IOException("The server sent " + MAX_EMPTY_PACKETS + " empty TDS packets");
		}

		private byte[] readFully(int count) throws IOException {
			byte[] bytes = this.tcp.readNBytes(count);
			if (bytes.length < count) {
				throw new EOFException("The server closed the connection inside a TDS packet header");
			}
			return bytes;
		}

	}

	/**
	 * Our side: each write one PRELOGIN message until the handshake has completed, then
	 * bare TLS.
	 */
	private final class Wrapping extends OutputStream {

		private final OutputStream tcp;

		Wrapping(OutputStream tcp) {
			this.tcp = tcp;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] buffer, int offset, int length) throws IOException {
			if (TdsSocket.this.handshakeCompleted) {
				this.tcp.write(buffer, offset, length);
				return;
			}
			byte[] payload = new byte[length];
			System.arraycopy(buffer, offset, payload, 0, length);
			byte[] message;
			synchronized (TdsSocket.this) {
				int perPacket = CLIENT_PACKET_LENGTH - HEADER_LENGTH;
				int packets = Math.max(1, (length + perPacket - 1) / perPacket);
				message = prelogin(payload, TdsSocket.this.packetId + 1);
				TdsSocket.this.packetId = (TdsSocket.this.packetId + packets) & 0xff;
			}
			this.tcp.write(message);
		}

		@Override
		public void flush() throws IOException {
			this.tcp.flush();
		}

		@Override
		public void close() throws IOException {
			TdsSocket.this.close();
		}

	}

}
