package dev.tlswatch.probe.jsse;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;

/**
 * A TLS server on 127.0.0.1 that offers ALPN {@code http/1.1}, reads one request head and
 * answers with the bytes given (or with nothing, holding the connection), recording the
 * request heads it read.
 */
public final class HttpsTestServer implements AutoCloseable {

	private final TestTcpServer tcp;

	private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();

	private HttpsTestServer(Issued leaf, byte[] answer, boolean answers) throws Exception {
		SSLContext context = context(leaf);
		this.tcp = TestTcpServer.start((socket) -> serve(context, socket, answer, answers));
	}

	/** A server that answers every request with these bytes and closes. */
	public static HttpsTestServer answering(Issued leaf, String answer) throws Exception {
		return new HttpsTestServer(leaf, answer.getBytes(StandardCharsets.ISO_8859_1), true);
	}

	/** A server that completes the handshake, reads the request and never answers. */
	public static HttpsTestServer silent(Issued leaf) throws Exception {
		return new HttpsTestServer(leaf, new byte[0], false);
	}

	public InetAddress address() {
		return this.tcp.address();
	}

	public int port() {
		return this.tcp.port();
	}

	public int acceptedConnections() {
		return this.tcp.acceptedConnections();
	}

	/** The first request head read, {@code null} if none arrived. */
	public String request() throws InterruptedException {
		return this.requests.poll(10, java.util.concurrent.TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		this.tcp.close();
	}

	private void serve(SSLContext context, Socket socket, byte[] answer, boolean answers) throws Exception {
		try (SSLSocket ssl = (SSLSocket) context.getSocketFactory()
			.createSocket(socket, null, socket.getPort(), false)) {
			ssl.setUseClientMode(false);
			SSLParameters parameters = ssl.getSSLParameters();
			parameters.setApplicationProtocols(new String[] { "http/1.1" });
			ssl.setSSLParameters(parameters);
			ssl.startHandshake();
			this.requests.add(readHead(ssl.getInputStream()));
			if (!answers) {
				Thread.sleep(5_000);
				return;
			}
			ssl.getOutputStream().write(answer);
			ssl.getOutputStream().flush();
		}
	}

	private static String readHead(InputStream in) throws Exception {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n") && head.length() < 8192) {
			int next = in.read();
			if (next < 0) {
				break;
			}
			head.append((char) next);
		}
		return head.toString();
	}

	private static SSLContext context(Issued leaf) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("leaf", leaf.key(), new char[0], leaf.chainWithoutRoot().toArray(Certificate[]::new));
		KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
		keys.init(store, new char[0]);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

}
