package dev.tlswatch.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A JSSE TLS server on 127.0.0.1 that staples OCSP responses, with the OCSP responder it
 * asks (an HTTP server on 127.0.0.1 whose address is in the leaf's Authority Information
 * Access). JSSE staples only when {@code jdk.tls.server.enableStatusRequestExtension} is
 * true as its {@code SSLContext} is created; the property is set for that moment only (it
 * concerns server contexts, which only tests create).
 */
final class StaplingServer implements AutoCloseable {

	// RFC 5280 §4.2.2.1
	private static final String AUTHORITY_INFO_ACCESS_OID = "1.3.6.1.5.5.7.1.1";

	private static final String SERVER_STAPLING_PROPERTY = "jdk.tls.server.enableStatusRequestExtension";

	private static final Object PROPERTY_LOCK = new Object();

	private final HttpServer responder;

	private final Issued leaf;

	private final TestTcpServer tls;

	private final AtomicInteger ocspRequests = new AtomicInteger();

	private StaplingServer(Issued issuer, boolean mustStaple, String protocol) throws Exception {
		this.responder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.responder.createContext("/", (exchange) -> answer(exchange, issuer));
		this.responder.start();
		TestCertificates.LeafSpec spec = TestCertificates.leaf("localhost")
			.dnsNames("localhost")
			.ipAddresses("127.0.0.1")
			.extension(AUTHORITY_INFO_ACCESS_OID, authorityInfoAccess());
		if (mustStaple) {
			// SEQUENCE { INTEGER 5 }: TLS Feature status_request (RFC 7633)
			spec = spec.extension("1.3.6.1.5.5.7.1.24", new byte[] { 0x30, 0x03, 0x02, 0x01, 0x05 });
		}
		this.leaf = spec.issuedBy(issuer);
		SSLContext context = staplingContext(this.leaf);
		this.tls = TestTcpServer.start((socket) -> {
			try (SSLSocket ssl = (SSLSocket) context.getSocketFactory()
				.createSocket(socket, null, socket.getPort(), false)) {
				ssl.setUseClientMode(false);
				SSLParameters parameters = ssl.getSSLParameters();
				parameters.setProtocols(new String[] { protocol });
				ssl.setSSLParameters(parameters);
				ssl.startHandshake();
			}
		});
	}

	/**
	 * A stapling server whose leaf is issued by the given CA.
	 * @param issuer the CA that signs the leaf and the OCSP responses
	 * @param mustStaple whether the leaf demands stapling
	 * @param protocol the one TLS version to accept
	 */
	static StaplingServer start(Issued issuer, boolean mustStaple, String protocol) throws Exception {
		return new StaplingServer(issuer, mustStaple, protocol);
	}

	InetAddress address() {
		return this.tls.address();
	}

	int port() {
		return this.tls.port();
	}

	int ocspRequests() {
		return this.ocspRequests.get();
	}

	@Override
	public void close() {
		this.tls.close();
		this.responder.stop(0);
	}

	private byte[] authorityInfoAccess() throws IOException {
		String url = "http://127.0.0.1:" + this.responder.getAddress().getPort() + "/ocsp";
		return new AuthorityInformationAccess(new AccessDescription(AccessDescription.id_ad_ocsp,
				new GeneralName(GeneralName.uniformResourceIdentifier, url)))
			.getEncoded();
	}

	private static SSLContext staplingContext(Issued leaf) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("leaf", leaf.key(), new char[0], leaf.chainWithoutRoot().toArray(Certificate[]::new));
		KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
		keys.init(store, new char[0]);
		synchronized (PROPERTY_LOCK) {
			String before = System.getProperty(SERVER_STAPLING_PROPERTY);
			System.setProperty(SERVER_STAPLING_PROPERTY, "true");
			try {
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(keys.getKeyManagers(), null, null);
				return context;
			}
			finally {
				if (before == null) {
					System.clearProperty(SERVER_STAPLING_PROPERTY);
				}
				else {
					System.setProperty(SERVER_STAPLING_PROPERTY, before);
				}
			}
		}
	}

	/** A "good" response for every certificate asked about, signed by the issuer. */
	private void answer(HttpExchange exchange, Issued issuer) throws IOException {
		this.ocspRequests.incrementAndGet();
		try (exchange) {
			byte[] body;
			try {
				body = goodResponse(new OCSPReq(requestBytes(exchange)), issuer);
			}
			catch (Exception ex) {
				exchange.sendResponseHeaders(500, -1);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static byte[] goodResponse(OCSPReq request, Issued issuer) throws Exception {
		X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer.certificate());
		BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuerHolder.getSubject()));
		Date now = new Date();
		for (Req single : request.getRequestList()) {
			builder.addResponse(single.getCertID(), CertificateStatus.GOOD, now, new Date(now.getTime() + 3_600_000L));
		}
		BasicOCSPResp basic = builder.build(
				new JcaContentSignerBuilder(signatureAlgorithm(issuer.certificate())).build(issuer.key()),
				new X509CertificateHolder[] { issuerHolder }, now);
		return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
	}

	// RFC 6960 Appendix A.1: POST with the DER body, or GET with it base64 in the path
	private static byte[] requestBytes(HttpExchange exchange) throws IOException {
		if ("POST".equals(exchange.getRequestMethod())) {
			try (InputStream in = exchange.getRequestBody()) {
				return in.readNBytes(64 * 1024);
			}
		}
		String path = exchange.getRequestURI().getRawPath();
		String encoded = path.substring(path.lastIndexOf('/') + 1);
		return Base64.getDecoder().decode(URLDecoder.decode(encoded, StandardCharsets.US_ASCII));
	}

	private static String signatureAlgorithm(X509Certificate issuer) {
		return "EC".equals(issuer.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
	}

}
