package dev.tlswatch.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A TLS server on 127.0.0.1 for browser tests: completes handshakes with a certificate
 * issued by a test CA, then closes the connection. The CA's PEM can be written to a file
 * for {@code tlswatch.scan.trust-bundle}.
 */
final class TestTlsServer implements AutoCloseable {

	private static final AtomicLong SERIALS = new AtomicLong(0x1000);

	private final SSLServerSocket socket;

	private final X509Certificate[] chain;

	private TestTlsServer(SSLServerSocket socket, X509Certificate[] chain) {
		this.socket = socket;
		this.chain = chain;
	}

	/**
	 * Start a server whose leaf is valid for {@code localhost} until the given instant.
	 * @param ca the issuing CA
	 * @param commonName the leaf's CN, used verbatim (it may contain markup)
	 * @param notAfter the end of the leaf's validity
	 * @return the running server
	 */
	static TestTlsServer start(Ca ca, String commonName, Instant notAfter) {
		try {
			KeyPair keys = ecKeys();
			Instant notBefore = Instant.now().minus(Duration.ofDays(30));
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.name(), serial(),
					Date.from(notBefore), Date.from(notAfter), name(commonName), keys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
			X509Certificate leaf = sign(builder, ca.keys().getPrivate());
			X509Certificate[] chain = { leaf, ca.certificate() };
			return new TestTlsServer(listen(keys.getPrivate(), chain), chain).acceptInBackground();
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Unable to start test TLS server for " + commonName, ex);
		}
	}

	/** A loopback port that nothing listens on (connections are refused). */
	static int closedPort() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to find a free loopback port", ex);
		}
	}

	int port() {
		return this.socket.getLocalPort();
	}

	X509Certificate leaf() {
		return this.chain[0];
	}

	private static SSLServerSocket listen(PrivateKey key, X509Certificate[] chain)
			throws GeneralSecurityException, IOException {
		char[] password = "test".toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("server", key, password, chain);
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(store, password);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), null, null);
		return (SSLServerSocket) context.getServerSocketFactory()
			.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
	}

	private TestTlsServer acceptInBackground() {
		Thread.ofPlatform().daemon().name("test-tls-" + port()).start(() -> {
			while (!this.socket.isClosed()) {
				try {
					Socket client = this.socket.accept();
					Thread.ofVirtual().start(() -> handshakeAndClose((SSLSocket) client));
				}
				catch (IOException ex) {
					// Closed by close(), or a failed accept: either way the loop
					// condition decides.
				}
			}
		});
		return this;
	}

	private static void handshakeAndClose(SSLSocket client) {
		try (client) {
			client.setSoTimeout(5000);
			client.startHandshake();
		}
		catch (IOException ex) {
			// A client that gives up mid-handshake is none of the server's business.
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (SocketException ex) {
			// Already closed.
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static KeyPair ecKeys() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	private static X500Name name(String commonName) {
		// DER order is most general first; DN strings print it the other way round.
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "TLSWatch tests")
			.addRDN(BCStyle.CN, commonName)
			.build();
	}

	private static BigInteger serial() {
		return BigInteger.valueOf(SERIALS.incrementAndGet());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
	}

	static String pem(X509Certificate certificate) {
		try {
			Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
			return "-----BEGIN CERTIFICATE-----\n" + encoder.encodeToString(certificate.getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to encode " + certificate.getSubjectX500Principal(), ex);
		}
	}

	/**
	 * A test certificate authority.
	 *
	 * @param certificate its self-signed certificate
	 * @param keys its key pair
	 */
	record Ca(X509Certificate certificate, KeyPair keys) {

		static Ca create() {
			try {
				KeyPair keys = ecKeys();
				X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "TLSWatch Test CA").build();
				Instant now = Instant.now();
				X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
						Date.from(now.minus(Duration.ofDays(365))), Date.from(now.plus(Duration.ofDays(3650))), name,
						keys.getPublic());
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
				builder.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
				return new Ca(sign(builder, keys.getPrivate()), keys);
			}
			catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
				throw new IllegalStateException("Unable to create test CA", ex);
			}
		}

		X500Name name() {
			return X500Name.getInstance(this.certificate.getSubjectX500Principal().getEncoded());
		}

		/** Write the CA certificate as PEM, for {@code tlswatch.scan.trust-bundle}. */
		Path writePem(Path directory) {
			Path file = directory.resolve("test-ca.pem");
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
				out.write(pem(this.certificate));
				return file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Unable to write " + file, ex);
			}
		}

	}

}
