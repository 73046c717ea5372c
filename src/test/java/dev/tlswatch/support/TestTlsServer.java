package dev.tlswatch.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import org.jspecify.annotations.Nullable;

/**
 * A real JSSE TLS server on 127.0.0.1 with an ephemeral port. It presents a given key and
 * chain exactly in the order given (so a wrong order or a missing intermediate can be
 * simulated), completes one handshake per connection, records what was negotiated and
 * closes.
 *
 * <pre class="code">
 * try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot()).protocols("TLSv1.2").start()) {
 *     ... connect to server.address(), server.port() ...
 *     ServerHandshake seen = server.awaitHandshake();
 * }
 * </pre>
 */
public final class TestTlsServer implements AutoCloseable {

	static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(10);

	private final SSLSocketFactory socketFactory;

	private final List<String> protocols;

	private final List<String> cipherSuites;

	private final @Nullable Boolean useCipherSuitesOrder;

	private final List<String> namedGroups;

	private final boolean requireClientAuth;

	private final List<String> applicationProtocols;

	private final BlockingQueue<ServerHandshake> handshakes = new LinkedBlockingQueue<>();

	private final TestTcpServer tcp;

	private TestTlsServer(Builder builder) {
		this.socketFactory = builder.context().getSocketFactory();
		this.protocols = List.copyOf(builder.protocols);
		this.cipherSuites = List.copyOf(builder.cipherSuites);
		this.useCipherSuitesOrder = builder.useCipherSuitesOrder;
		this.namedGroups = List.copyOf(builder.namedGroups);
		this.requireClientAuth = builder.requireClientAuth;
		this.applicationProtocols = List.copyOf(builder.applicationProtocols);
		this.tcp = TestTcpServer.start(this::shakeHands);
	}

	/**
	 * Describe a server presenting a key and chain.
	 * @param key the private key of the first certificate
	 * @param chain the certificates to send, in this order
	 * @return a builder
	 */
	public static Builder presenting(PrivateKey key, List<X509Certificate> chain) {
		return new Builder(key, chain);
	}

	/**
	 * Start a server presenting a certificate and its chain without the root, on any
	 * protocol version.
	 * @param issued the certificate, key and chain
	 * @return the running server
	 */
	public static TestTlsServer start(TestCertificates.Issued issued) {
		return presenting(issued.key(), issued.chainWithoutRoot()).start();
	}

	/**
	 * The address the server listens on.
	 * @return 127.0.0.1
	 */
	public InetAddress address() {
		return this.tcp.address();
	}

	/**
	 * The port the server listens on.
	 * @return the ephemeral port
	 */
	public int port() {
		return this.tcp.port();
	}

	/**
	 * How many connections the server accepted so far.
	 * @return the number of connections
	 */
	public int acceptedConnections() {
		return this.tcp.acceptedConnections();
	}

	/**
	 * The next handshake the server finished, successfully or not, waiting up to ten
	 * seconds.
	 * @return what the server saw
	 */
	public ServerHandshake awaitHandshake() {
		return next(this.handshakes, "No handshake finished within " + AWAIT_TIMEOUT);
	}

	/**
	 * Take the next handshake a server saw, waiting up to ten seconds.
	 * @param handshakes the server's handshakes, as they finish
	 * @param missing the failure message when none finishes in time
	 * @return the handshake
	 */
	static ServerHandshake next(BlockingQueue<ServerHandshake> handshakes, String missing) {
		try {
			ServerHandshake handshake = handshakes.poll(AWAIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (handshake == null) {
				throw new AssertionError(missing);
			}
			return handshake;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a handshake", ex);
		}
	}

	@Override
	public void close() {
		this.tcp.close();
	}

	/**
	 * A server-side TLS context presenting a key and chain exactly as given.
	 * @param key the private key of the first certificate
	 * @param chain the certificates to send, in this order
	 * @return the context
	 */
	static SSLContext serverContext(PrivateKey key, List<X509Certificate> chain) {
		return serverContext(key, chain, List.of());
	}

	/**
	 * A server-side TLS context presenting a key and chain exactly as given, trusting
	 * client certificates issued by the given CAs (the JDK's trust store without any).
	 * @param key the private key of the first certificate
	 * @param chain the certificates to send, in this order
	 * @param clientIssuers the trust anchors for client certificates
	 * @return the context
	 */
	static SSLContext serverContext(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> clientIssuers) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(new KeyManager[] { new FixedKeyManager(key, chain) }, clientTrust(clientIssuers), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Unable to create the test server's TLS context", ex);
		}
	}

	private static TrustManager @Nullable [] clientTrust(List<X509Certificate> issuers)
			throws GeneralSecurityException, IOException {
		if (issuers.isEmpty()) {
			return null;
		}
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		for (int i = 0; i < issuers.size(); i++) {
			store.setCertificateEntry("client-ca-" + i, issuers.get(i));
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		return factory.getTrustManagers();
	}

	private void shakeHands(Socket socket) throws Exception {
		SSLSocket ssl = (SSLSocket) this.socketFactory.createSocket(socket, null, true);
		try (ssl) {
			if (!this.protocols.isEmpty()) {
				ssl.setEnabledProtocols(this.protocols.toArray(String[]::new));
			}
			ssl.setNeedClientAuth(this.requireClientAuth);
			ssl.setSSLParameters(parameters(ssl.getSSLParameters()));
			ssl.startHandshake();
			this.handshakes.add(ServerHandshake.completed(ssl.getSession()));
		}
		catch (Exception ex) {
			this.handshakes.add(ServerHandshake.failed(ex));
			throw ex;
		}
	}

	private SSLParameters parameters(SSLParameters parameters) {
		if (!this.cipherSuites.isEmpty()) {
			parameters.setCipherSuites(this.cipherSuites.toArray(String[]::new));
		}
		Boolean serverOrder = this.useCipherSuitesOrder;
		if (serverOrder != null) {
			parameters.setUseCipherSuitesOrder(serverOrder);
		}
		if (!this.namedGroups.isEmpty()) {
			parameters.setNamedGroups(this.namedGroups.toArray(String[]::new));
		}
		if (!this.applicationProtocols.isEmpty()) {
			parameters.setApplicationProtocols(this.applicationProtocols.toArray(String[]::new));
		}
		return parameters;
	}

	/**
	 * What the server saw of one handshake.
	 *
	 * @param protocol the negotiated protocol, {@code null} when the handshake failed
	 * @param cipherSuite the negotiated cipher suite, {@code null} when the handshake
	 * failed
	 * @param requestedServerNames the SNI host names the client sent
	 * @param failure the server's exception message when the handshake failed
	 * @param clientSubject the subject of the client certificate the server accepted,
	 * {@code null} without one
	 */
	public record ServerHandshake(@Nullable String protocol, @Nullable String cipherSuite,
			List<String> requestedServerNames, @Nullable String failure, @Nullable String clientSubject) {

		public ServerHandshake {
			requestedServerNames = List.copyOf(requestedServerNames);
		}

		public ServerHandshake(@Nullable String protocol, @Nullable String cipherSuite,
				List<String> requestedServerNames, @Nullable String failure) {
			this(protocol, cipherSuite, requestedServerNames, failure, null);
		}

		static ServerHandshake completed(SSLSession session) {
			List<String> names = new ArrayList<>();
			if (session instanceof ExtendedSSLSession extended) {
				for (SNIServerName name : extended.getRequestedServerNames()) {
					if (name instanceof SNIHostName host) {
						names.add(host.getAsciiName());
					}
				}
			}
			return new ServerHandshake(session.getProtocol(), session.getCipherSuite(), names, null,
					clientSubject(session));
		}

		private static @Nullable String clientSubject(SSLSession session) {
			try {
				return ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
			}
			catch (SSLPeerUnverifiedException ex) {
				// The client sent no certificate
				return null;
			}
		}

		static ServerHandshake failed(Exception ex) {
			return new ServerHandshake(null, null, List.of(), String.valueOf(ex.getMessage()));
		}

		/**
		 * Whether the handshake completed on the server's side.
		 * @return whether it completed
		 */
		public boolean completed() {
			return this.failure == null;
		}

	}

	/**
	 * How a server is to behave.
	 */
	public static final class Builder {

		private final PrivateKey key;

		private final List<X509Certificate> chain;

		private final List<String> protocols = new ArrayList<>();

		private final List<String> cipherSuites = new ArrayList<>();

		private @Nullable Boolean useCipherSuitesOrder;

		private final List<String> namedGroups = new ArrayList<>();

		private boolean requireClientAuth;

		private final List<X509Certificate> clientIssuers = new ArrayList<>();

		private final List<String> applicationProtocols = new ArrayList<>();

		private Builder(PrivateKey key, List<X509Certificate> chain) {
			this.key = Objects.requireNonNull(key, "key");
			this.chain = List.copyOf(chain);
		}

		/**
		 * Restrict the protocol versions, for example to {@code TLSv1.2}.
		 * @param protocols JSSE protocol names
		 * @return this builder
		 */
		public Builder protocols(String... protocols) {
			this.protocols.addAll(List.of(protocols));
			return this;
		}

		/**
		 * Choose from these application protocols (RFC 7301), in this order of
		 * preference; a client that offers none of them gets no_application_protocol.
		 * Without any, the server ignores ALPN.
		 * @param protocols protocol names such as {@code h2}
		 * @return this builder
		 */
		public Builder applicationProtocols(String... protocols) {
			this.applicationProtocols.addAll(List.of(protocols));
			return this;
		}

		/**
		 * Restrict the cipher suites, in the server's order of preference.
		 * @param cipherSuites JSSE (IANA) suite names
		 * @return this builder
		 */
		public Builder cipherSuites(String... cipherSuites) {
			this.cipherSuites.addAll(List.of(cipherSuites));
			return this;
		}

		/**
		 * Choose by the server's order of suites ({@code true}) or the client's
		 * ({@code false}); without this, JSSE's default.
		 * @param serverOrder whether the server's order decides
		 * @return this builder
		 */
		public Builder useCipherSuitesOrder(boolean serverOrder) {
			this.useCipherSuitesOrder = serverOrder;
			return this;
		}

		/**
		 * Restrict the key exchange groups ({@code SSLParameters#setNamedGroups}).
		 * @param namedGroups JSSE group names, for example {@code x25519}
		 * @return this builder
		 */
		public Builder namedGroups(String... namedGroups) {
			this.namedGroups.addAll(List.of(namedGroups));
			return this;
		}

		/**
		 * Require a client certificate; clients without one fail the handshake.
		 * @return this builder
		 */
		public Builder requireClientAuth() {
			this.requireClientAuth = true;
			return this;
		}

		/**
		 * Require a client certificate issued by one of the given CAs (mutual TLS);
		 * clients without one, or with another, fail the handshake.
		 * @param issuers the CAs trusted for client certificates
		 * @return this builder
		 */
		public Builder requireClientAuth(X509Certificate... issuers) {
			this.requireClientAuth = true;
			this.clientIssuers.addAll(List.of(issuers));
			return this;
		}

		/**
		 * Start the server.
		 * @return the running server
		 */
		public TestTlsServer start() {
			return new TestTlsServer(this);
		}

		private SSLContext context() {
			return serverContext(this.key, this.chain, this.clientIssuers);
		}

	}

	/**
	 * Serves one key and chain, exactly as given. A {@code KeyStore} would refuse or
	 * reorder a chain that is out of order.
	 */
	private static final class FixedKeyManager extends X509ExtendedKeyManager {

		private static final String ALIAS = "server";

		private final PrivateKey key;

		private final X509Certificate[] chain;

		FixedKeyManager(PrivateKey key, List<X509Certificate> chain) {
			this.key = key;
			this.chain = chain.toArray(X509Certificate[]::new);
		}

		@Override
		public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
			return fits(keyType) ? new String[] { ALIAS } : null;
		}

		@Override
		public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers,
				@Nullable Socket socket) {
			return fits(keyType) ? ALIAS : null;
		}

		@Override
		public @Nullable String chooseEngineServerAlias(String keyType, Principal @Nullable [] issuers,
				@Nullable SSLEngine engine) {
			return fits(keyType) ? ALIAS : null;
		}

		@Override
		public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
			return null;
		}

		@Override
		public @Nullable String chooseClientAlias(String[] keyType, Principal @Nullable [] issuers,
				@Nullable Socket socket) {
			return null;
		}

		@Override
		public X509Certificate[] getCertificateChain(String alias) {
			return this.chain.clone();
		}

		@Override
		public PrivateKey getPrivateKey(String alias) {
			return this.key;
		}

		private boolean fits(@Nullable String keyType) {
			// JSSE asks per key algorithm ("RSA", "EC", "RSASSA-PSS"...)
			return this.key.getAlgorithm().equals(keyType);
		}

	}

}
