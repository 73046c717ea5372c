package dev.tlswatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted rate limiter in front of a test server on loopback: it passes the first
 * {@code allowed} connections through to the server and resets every later one at once
 * (SO_LINGER 0), as a server's connection limit does. Counts what it passed and cut.
 */
public final class RateLimitingFront implements AutoCloseable {

	private final ServerSocket listener;

	private final int backendPort;

	private final AtomicInteger allowed;

	private final AtomicInteger passed = new AtomicInteger();

	private final AtomicInteger cut = new AtomicInteger();

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private RateLimitingFront(int backendPort, int allowed) throws IOException {
		this.backendPort = backendPort;
		this.allowed = new AtomicInteger(allowed);
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.threads.submit(this::accept);
	}

	/**
	 * Start a front.
	 * @param backendPort the loopback port of the real server
	 * @param allowed how many connections pass before it resets every other
	 * @return the running front
	 */
	public static RateLimitingFront start(int backendPort, int allowed) {
		try {
			return new RateLimitingFront(backendPort, allowed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Let the given number of further connections pass (the limit's window moved). */
	public void allow(int more) {
		this.allowed.set(more);
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	public int passed() {
		return this.passed.get();
	}

	public int cut() {
		return this.cut.get();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			Socket client;
			try {
				client = this.listener.accept();
			}
			catch (IOException ex) {
				return;
			}
			if (this.allowed.getAndDecrement() > 0) {
				this.passed.incrementAndGet();
				this.threads.submit(() -> forward(client));
			}
			else {
				this.cut.incrementAndGet();
				reset(client);
			}
		}
	}

	private static void reset(Socket client) {
		try (client) {
			client.setSoLinger(true, 0);
		}
		catch (IOException ex) {
			// Closed either way
		}
	}

	private void forward(Socket client) {
		try (client; Socket backend = new Socket()) {
			backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.backendPort), 5000);
			var upstream = this.threads.submit(() -> pipe(client.getInputStream(), backend.getOutputStream(), backend));
			pipe(backend.getInputStream(), client.getOutputStream(), client);
			upstream.get();
		}
		catch (Exception ex) {
			// The probe or the server went away: the connection is over
		}
	}

	private static Void pipe(InputStream from, OutputStream to, Socket target) {
		byte[] buffer = new byte[8192];
		try {
			int read;
			while ((read = from.read(buffer)) >= 0) {
				to.write(buffer, 0, read);
				to.flush();
			}
			target.shutdownOutput();
		}
		catch (IOException ex) {
			try {
				target.close();
			}
			catch (IOException closing) {
				// Closing after a failure
			}
		}
		return null;
	}

	@Override
	public void close() {
		try {
			this.listener.close();
		}
		catch (IOException ex) {
			// Closing anyway
		}
		this.threads.shutdownNow();
	}

}
