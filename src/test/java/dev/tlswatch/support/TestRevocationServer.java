package dev.tlswatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaRespID;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * An in-process OCSP responder and CRL server for one CA, over HTTP on loopback (JDK
 * {@code com.sun.net.httpserver}): {@code /ocsp} answers GET and POST OCSP requests (RFC
 * 6960) with BouncyCastle's {@link BasicOCSPRespBuilder}, {@code /crl} serves the CA's
 * CRL of the certificates marked revoked. What it signs with, how fresh its answers are,
 * and whether it hangs or serves an oversized CRL can be set per test. Counts the
 * requests it receives.
 *
 * <pre class="code">
 * try (TestRevocationServer server = TestRevocationServer.start(ca)) {
 *     Issued leaf = TestCertificates.leaf("localhost").ocspResponder(server.ocspUrl()).issuedBy(ca);
 *     server.revoke(leaf.certificate(), CRLReason.keyCompromise, revokedAt);
 * }
 * </pre>
 */
public final class TestRevocationServer implements AutoCloseable {

	private final HttpServer server;

	private final TestCertificates.Issued ca;

	private final Map<BigInteger, Revoked> revoked = new ConcurrentHashMap<>();

	private final List<BigInteger> unknown = new CopyOnWriteArrayList<>();

	private final AtomicInteger ocspRequests = new AtomicInteger();

	private final AtomicInteger crlRequests = new AtomicInteger();

	private final CountDownLatch closed = new CountDownLatch(1);

	private volatile TestCertificates.@Nullable Issued signer;

	private volatile Duration validity = Duration.ofHours(1);

	private volatile boolean hang;

	private volatile byte @Nullable [] crlOverride;

	private TestRevocationServer(TestCertificates.Issued ca) throws IOException {
		this.ca = ca;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/ocsp", this::ocsp);
		this.server.createContext("/crl", this::crl);
		this.server.start();
	}

	/**
	 * Start serving for a CA on an ephemeral loopback port.
	 * @param ca the CA whose certificates it answers for, and whose key signs
	 * @return the running server
	 */
	public static TestRevocationServer start(TestCertificates.Issued ca) {
		try {
			return new TestRevocationServer(ca);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to start the test revocation server", ex);
		}
	}

	/**
	 * @return the OCSP responder's URL
	 */
	public String ocspUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/ocsp";
	}

	/**
	 * @return the CRL's URL
	 */
	public String crlUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/crl";
	}

	/**
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Mark a certificate revoked, on the CRL and in OCSP answers.
	 * @param certificate the certificate
	 * @param reason the CRL reason code ({@link CRLReason#keyCompromise}...)
	 * @param at when
	 */
	public void revoke(X509Certificate certificate, int reason, Instant at) {
		this.revoked.put(certificate.getSerialNumber(), new Revoked(reason, at.truncatedTo(ChronoUnit.SECONDS)));
	}

	/**
	 * Answer "unknown" for a certificate.
	 * @param certificate the certificate
	 */
	public void markUnknown(X509Certificate certificate) {
		this.unknown.add(certificate.getSerialNumber());
	}

	/**
	 * Sign OCSP answers with this certificate's key and include it, instead of the CA's.
	 * @param signer a delegated responder, or any other certificate
	 */
	public void signWith(TestCertificates.Issued signer) {
		this.signer = signer;
	}

	/**
	 * How long answers and the CRL hold (nextUpdate - thisUpdate); thisUpdate is a minute
	 * ago.
	 * @param validity the period; negative for answers already stale
	 */
	public void validity(Duration validity) {
		this.validity = validity;
	}

	/** Accept requests but never answer until closed. */
	public void hang() {
		this.hang = true;
	}

	/**
	 * Serve these bytes as the CRL instead of the CA's list.
	 * @param crl the bytes
	 */
	public void serveCrl(byte[] crl) {
		this.crlOverride = crl.clone();
	}

	/**
	 * @return OCSP requests received
	 */
	public int ocspRequests() {
		return this.ocspRequests.get();
	}

	/**
	 * @return CRL requests received
	 */
	public int crlRequests() {
		return this.crlRequests.get();
	}

	/**
	 * A DER OCSP response about one certificate, as this server would send it now.
	 * @param certificate the certificate
	 * @return the response
	 */
	public byte[] ocspResponseFor(X509Certificate certificate) {
		return ocspResponse(certificate.getSerialNumber(), Instant.now());
	}

	/**
	 * A DER OCSP response about one certificate, with the given thisUpdate.
	 * @param certificate the certificate
	 * @param thisUpdate the response's thisUpdate (nextUpdate follows by the validity)
	 * @return the response
	 */
	public byte[] ocspResponseFor(X509Certificate certificate, Instant thisUpdate) {
		return ocspResponse(certificate.getSerialNumber(), thisUpdate.plus(Duration.ofMinutes(1)));
	}

	/**
	 * The CA's CRL as this server would serve it now.
	 * @return the DER CRL
	 */
	public byte[] crl() {
		try {
			Instant thisUpdate = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
			X509v2CRLBuilder builder = new X509v2CRLBuilder(
					new JcaX509CertificateHolder(this.ca.certificate()).getSubject(), Date.from(thisUpdate));
			builder.setNextUpdate(Date.from(thisUpdate.plus(this.validity)));
			this.revoked.forEach((serial, entry) -> builder.addCRLEntry(serial, Date.from(entry.at()), entry.reason()));
			return new JcaX509CRLConverter().getCRL(builder.build(signer(this.ca))).getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Unable to build the test CRL", ex);
		}
	}

	private byte[] ocspResponse(BigInteger serial, Instant now) {
		try {
			TestCertificates.Issued signing = (this.signer != null) ? this.signer : this.ca;
			CertificateID id = new CertificateID(
					new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
					new JcaX509CertificateHolder(this.ca.certificate()), serial);
			BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
					new JcaRespID(signing.certificate().getSubjectX500Principal()));
			Instant thisUpdate = now.minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
			builder.addResponse(id, status(serial), Date.from(thisUpdate), Date.from(thisUpdate.plus(this.validity)));
			X509CertificateHolder[] chain = (signing == this.ca) ? null
					: new X509CertificateHolder[] { new JcaX509CertificateHolder(signing.certificate()) };
			return new OCSPRespBuilder()
				.build(OCSPRespBuilder.SUCCESSFUL, builder.build(signer(signing), chain, Date.from(thisUpdate)))
				.getEncoded();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Unable to build a test OCSP response", ex);
		}
	}

	private @Nullable CertificateStatus status(BigInteger serial) {
		Revoked entry = this.revoked.get(serial);
		if (entry != null) {
			return new RevokedStatus(Date.from(entry.at()), entry.reason());
		}
		return this.unknown.contains(serial) ? new UnknownStatus() : CertificateStatus.GOOD;
	}

	private static ContentSigner signer(TestCertificates.Issued issued) throws OperatorCreationException {
		String algorithm = "RSA".equals(issued.key().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
		return new JcaContentSignerBuilder(algorithm).build(issued.key());
	}

	private void ocsp(HttpExchange exchange) throws IOException {
		this.ocspRequests.incrementAndGet();
		if (awaitHanging(exchange)) {
			return;
		}
		byte[] request;
		if ("POST".equals(exchange.getRequestMethod())) {
			try (InputStream in = exchange.getRequestBody()) {
				request = in.readAllBytes();
			}
		}
		else {
			String path = exchange.getRequestURI().getRawPath();
			String encoded = path.substring(path.lastIndexOf('/') + 1);
			request = Base64.getDecoder().decode(URLDecoder.decode(encoded, StandardCharsets.US_ASCII));
		}
		Req[] requests = new OCSPReq(request).getRequestList();
		byte[] response = ocspResponse(requests[0].getCertID().getSerialNumber(), Instant.now());
		send(exchange, "application/ocsp-response", response);
	}

	private void crl(HttpExchange exchange) throws IOException {
		this.crlRequests.incrementAndGet();
		if (awaitHanging(exchange)) {
			return;
		}
		byte[] override = this.crlOverride;
		send(exchange, "application/pkix-crl", (override != null) ? override : crl());
	}

	private boolean awaitHanging(HttpExchange exchange) throws IOException {
		if (!this.hang) {
			return false;
		}
		try {
			this.closed.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		exchange.close();
		return true;
	}

	private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
	}

	private record Revoked(int reason, Instant at) {
	}

}
