package dev.tlswatch.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import dev.tlswatch.support.TestCertificates;

/**
 * The fleet benchmark's targets, all on loopback addresses ({@code 127.0.1.x}, which
 * Linux routes to {@code lo} without set-up): TLS servers in several configurations and
 * tarpits that accept a connection and never answer. Each counts the connections it
 * accepted. Not a test.
 */
final class BenchServers implements AutoCloseable {

	/** How long a tarpit holds a connection before it lets go. */
	private static final Duration TARPIT_HOLD = Duration.ofSeconds(60);

	private final List<Target> tls = new ArrayList<>();

	private final List<Target> tarpits = new ArrayList<>();

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final List<ServerSocket> sockets = new ArrayList<>();

	private final TestCertificates.Issued ca;

	private BenchServers(TestCertificates.Issued ca) {
		this.ca = ca;
	}

	/**
	 * Starts the servers: every TLS configuration and one tarpit on each of
	 * {@code addresses} loopback addresses.
	 * @param addresses how many loopback addresses
	 * @return the running servers
	 */
	static BenchServers start(int addresses) throws Exception {
		Instant now = Instant.now();
		TestCertificates.Issued ca = TestCertificates.rootCa("TLSWatch fleet benchmark CA");
		TestCertificates.Issued rsa = TestCertificates.leaf("bench.test")
			.dnsNames("*.bench.test")
			.validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(300)))
			.issuedBy(ca);
		TestCertificates.Issued ec = TestCertificates.leaf("bench.test")
			.dnsNames("*.bench.test")
			.keyType(TestCertificates.KeyType.EC_P256)
			.validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(300)))
			.issuedBy(ca);
		TestCertificates.Issued expiring = TestCertificates.leaf("bench.test")
			.dnsNames("*.bench.test")
			.validity(now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(5)))
			.issuedBy(ca);
		BenchServers servers = new BenchServers(ca);
		for (int i = 0; i < addresses; i++) {
			InetAddress address = InetAddress.getByName("127.0.1." + (i + 1));
			servers.startTls(address, "TLS 1.2 + 1.3, RSA", rsa, "TLSv1.2", "TLSv1.3");
			servers.startTls(address, "TLS 1.3 only, EC P-256", ec, "TLSv1.3");
			servers.startTls(address, "TLS 1.2 only, RSA", rsa, "TLSv1.2");
			servers.startTls(address, "TLS 1.2 + 1.3, RSA, expires in 5 days", expiring, "TLSv1.2", "TLSv1.3");
			servers.startTarpit(address);
		}
		return servers;
	}

	List<Target> tls() {
		return List.copyOf(this.tls);
	}

	List<Target> tarpits() {
		return List.copyOf(this.tarpits);
	}

	/**
	 * The CA that issued every server certificate, for the application's trust bundle.
	 * @return the CA
	 */
	X509Certificate ca() {
		return this.ca.certificate();
	}

	long tlsConnections() {
		return this.tls.stream().mapToLong((target) -> target.connections().get()).sum();
	}

	private void startTls(InetAddress address, String name, TestCertificates.Issued issued, String... protocols)
			throws Exception {
		SSLContext context = context(issued.key(), issued.chainWithoutRoot());
		ServerSocket server = listen(address);
		Target target = new Target(name, address.getHostAddress(), server.getLocalPort(), new AtomicLong());
		this.tls.add(target);
		this.threads.submit(() -> accept(server, target, (socket) -> handshake(context, socket, protocols)));
	}

	private void startTarpit(InetAddress address) throws IOException {
		ServerSocket server = listen(address);
		Target target = new Target("tarpit", address.getHostAddress(), server.getLocalPort(), new AtomicLong());
		this.tarpits.add(target);
		ConcurrentLinkedQueue<Socket> held = new ConcurrentLinkedQueue<>();
		this.threads.submit(() -> accept(server, target, (socket) -> {
			// Accept, never answer; let go after a while so that sockets do not pile up.
			held.add(socket);
			Thread.sleep(TARPIT_HOLD);
			held.remove(socket);
			socket.close();
		}));
	}

	private ServerSocket listen(InetAddress address) throws IOException {
		ServerSocket server = new ServerSocket();
		server.bind(new InetSocketAddress(address, 0), 1024);
		this.sockets.add(server);
		return server;
	}

	private void accept(ServerSocket server, Target target, Handler handler) {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				target.connections().incrementAndGet();
				this.threads.submit(() -> {
					try (socket) {
						handler.handle(socket);
					}
					catch (Exception ex) {
						// A probe that the server refuses ends in an alert or a reset:
						// normal.
					}
					return null;
				});
			}
			catch (IOException ex) {
				// Closed at the end of the run.
			}
		}
	}

	private static void handshake(SSLContext context, Socket socket, String[] protocols) throws IOException {
		socket.setSoTimeout(10_000);
		SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, null, true);
		try (ssl) {
			ssl.setUseClientMode(false);
			ssl.setEnabledProtocols(protocols);
			ssl.startHandshake();
		}
	}

	private static SSLContext context(PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("server", key, new char[0], chain.toArray(X509Certificate[]::new));
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(store, new char[0]);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return context;
		}
		catch (IOException ex) {
			throw new GeneralSecurityException("Unable to build the benchmark server's key store", ex);
		}
	}

	@Override
	public void close() {
		for (ServerSocket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Closing at the end of the run: nothing left to do.
			}
		}
		this.threads.shutdownNow();
	}

	/** What a connection gets. */
	private interface Handler {

		void handle(Socket socket) throws Exception;

	}

	/**
	 * One server.
	 *
	 * @param name its configuration
	 * @param address its loopback address
	 * @param port its port
	 * @param connections connections accepted so far
	 */
	record Target(String name, String address, int port, AtomicLong connections) {
	}

}
