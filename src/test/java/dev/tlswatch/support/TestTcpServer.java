package dev.tlswatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on 127.0.0.1 with an ephemeral port that hands each accepted connection to
 * a {@link ConnectionHandler} on its own virtual thread and closes it afterwards. The
 * factories give the misbehaving peers a prober must survive: one that {@link #hanging()
 * never answers}, one that {@link #garbage() answers garbage}, one that
 * {@link #dripping(Duration) drips a record byte by byte}, and a {@link #refusedPort()
 * port that refuses}.
 */
public final class TestTcpServer implements AutoCloseable {

	/** A handler's socket read timeout, so that no test thread waits for ever. */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private static final byte[] GARBAGE = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
		.getBytes(StandardCharsets.US_ASCII);

	// RFC 8446 §5.1: handshake record, legacy version 3.3, 16384 bytes announced
	private static final byte[] RECORD_HEADER = { 0x16, 0x03, 0x03, 0x40, 0x00 };

	private final ServerSocket serverSocket;

	private final ConnectionHandler handler;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private final AtomicInteger accepted = new AtomicInteger();

	private TestTcpServer(ConnectionHandler handler) throws IOException {
		this.handler = handler;
		this.serverSocket = new ServerSocket(0, 50, loopback());
		Thread.ofVirtual().name("test-tcp-server-" + port()).start(this::acceptLoop);
	}

	/**
	 * Start a server.
	 * @param handler what to do with each connection; the socket is closed after it
	 * returns
	 * @return the running server
	 */
	public static TestTcpServer start(ConnectionHandler handler) {
		try {
			return new TestTcpServer(handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to start a test server on 127.0.0.1", ex);
		}
	}

	/**
	 * A server that accepts connections, reads what arrives and never answers.
	 * @return the running server
	 */
	public static TestTcpServer hanging() {
		return start(TestTcpServer::drain);
	}

	/**
	 * A server that answers the first bytes it receives with an HTTP error, then closes.
	 * @return the running server
	 */
	public static TestTcpServer garbage() {
		return start((socket) -> {
			InputStream input = socket.getInputStream();
			input.read(new byte[512]);
			OutputStream output = socket.getOutputStream();
			output.write(GARBAGE);
			output.flush();
			// Half-close and let the client close first, so that it sees our bytes
			// rather than a reset
			socket.shutdownOutput();
			drain(socket);
		});
	}

	/**
	 * A server that starts a 16 KiB handshake record and then sends one byte per
	 * interval, so that a read timeout longer than the interval never fires.
	 * @param interval the time between two bytes
	 * @return the running server
	 */
	public static TestTcpServer dripping(Duration interval) {
		return start((socket) -> {
			socket.getInputStream().read(new byte[512]);
			OutputStream output = socket.getOutputStream();
			output.write(RECORD_HEADER);
			output.flush();
			for (int i = 0; i < 16384; i++) {
				Thread.sleep(interval);
				output.write(0x02);
				output.flush();
			}
		});
	}

	/**
	 * A port on 127.0.0.1 that nothing listens on: bound, noted and closed again.
	 * @return the port
	 */
	public static int refusedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to find a free port on 127.0.0.1", ex);
		}
	}

	/**
	 * The address the server listens on.
	 * @return 127.0.0.1
	 */
	public InetAddress address() {
		return this.serverSocket.getInetAddress();
	}

	/**
	 * The port the server listens on.
	 * @return the ephemeral port
	 */
	public int port() {
		return this.serverSocket.getLocalPort();
	}

	/**
	 * How many connections were accepted so far.
	 * @return the number of connections
	 */
	public int acceptedConnections() {
		return this.accepted.get();
	}

	/**
	 * Stop accepting and close every open connection.
	 */
	@Override
	public void close() {
		closeQuietly(this.serverSocket);
		this.connections.forEach(TestTcpServer::closeQuietly);
	}

	private void acceptLoop() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.accepted.incrementAndGet();
				this.connections.add(socket);
				Thread.ofVirtual().name("test-tcp-connection-" + socket.getPort()).start(() -> serve(socket));
			}
			catch (IOException ex) {
				// Closed: the loop ends
			}
		}
	}

	private void serve(Socket socket) {
		try {
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			this.handler.handle(socket);
		}
		catch (Exception ex) {
			// The peer went away, or the test closed the server
		}
		finally {
			closeQuietly(socket);
			this.connections.remove(socket);
		}
	}

	private static void drain(Socket socket) throws IOException {
		InputStream input = socket.getInputStream();
		byte[] buffer = new byte[4096];
		try {
			while (input.read(buffer) >= 0) {
				// Discard
			}
		}
		catch (SocketTimeoutException ex) {
			// Nothing more came within the read timeout
		}
	}

	private static InetAddress loopback() throws UnknownHostException {
		return InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing in a test server: nothing to report
		}
	}

	/**
	 * What a server does with one accepted connection.
	 */
	@FunctionalInterface
	public interface ConnectionHandler {

		/**
		 * Serve one connection. The socket has a read timeout of ten seconds and is
		 * closed after this returns or throws.
		 * @param socket the accepted socket
		 * @throws Exception anything; it ends the connection quietly
		 */
		void handle(Socket socket) throws Exception;

	}

}
