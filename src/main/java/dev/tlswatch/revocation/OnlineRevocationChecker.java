package dev.tlswatch.revocation;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.OcspStaple;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.Revocation.Source;
import dev.tlswatch.probe.RevocationChecker;
import dev.tlswatch.probe.RevocationReport;

import org.jspecify.annotations.Nullable;

/**
 * Checks the revocation status of every certificate of a chain, in this order: a valid
 * stapled OCSP response; the OCSP responder of the certificate's AIA extension (GET when
 * the request is small, RFC 6960 Appendix A.1, otherwise POST); the CRL distribution
 * point (at most {@link RevocationLimits#maxCrlBytes()}, signature checked against the
 * issuer). Every fetch goes through the {@link AddressGuard}, with the limits' timeouts,
 * and follows no redirect. Answers (OCSP answers per certificate, CRLs per URL and
 * issuer) are cached until their nextUpdate, in bounded caches. Certificates are checked
 * in parallel; a self-signed certificate (a trust anchor) is not checked. Thread-safe.
 */
public final class OnlineRevocationChecker implements RevocationChecker {

	/** CRLs can be large: keep fewer of them than OCSP answers. */
	static final int MAX_CACHED_CRLS = 16;

	/** Certificates beyond this many in a chain are not checked. */
	static final int MAX_CERTIFICATES = 8;

	// RFC 6960 Appendix A.1: GET for requests whose encoding is less than 255 bytes
	private static final int MAX_GET_LENGTH = 255;

	private static final String OCSP_REQUEST_TYPE = "application/ocsp-request";

	private final HttpFetch http;

	private final RevocationLimits limits;

	private final AnswerCache<Answer> ocspAnswers;

	private final AnswerCache<X509CRL> crls;

	private final AtomicInteger fetches = new AtomicInteger();

	/**
	 * A checker.
	 * @param limits timeouts, sizes and cache size
	 * @param guard judges every address before a fetch connects to it
	 */
	public OnlineRevocationChecker(RevocationLimits limits, AddressGuard guard) {
		this.limits = limits;
		this.http = new HttpFetch(guard, limits);
		this.ocspAnswers = new AnswerCache<>(limits.cacheEntries());
		this.crls = new AnswerCache<>(Math.min(MAX_CACHED_CRLS, limits.cacheEntries()));
	}

	/**
	 * How many HTTP fetches this checker has started, for tests and metrics.
	 * @return the count
	 */
	public int fetches() {
		return this.fetches.get();
	}

	@Override
	public RevocationReport check(List<CertificateInfo> chain, List<OcspStaple> staples, ProbeOptions options) {
		List<X509Certificate> certificates;
		try {
			certificates = parse(chain);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return RevocationReport.notChecked(chain.size(), "Unreadable certificate: " + ex.getMessage());
		}
		Instant now = options.clock().instant();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Revocation>> answers = new ArrayList<>();
			for (int i = 0; i < certificates.size(); i++) {
				int index = i;
				OcspStaple staple = staples.stream().filter((s) -> s.position() == index).findFirst().orElse(null);
				answers.add(executor.submit(() -> (index < MAX_CERTIFICATES)
						? check(certificates, index, staple, options.extraTrustAnchors(), now)
						: Revocation.notChecked("Not checked: more than " + MAX_CERTIFICATES + " certificates")));
			}
			List<Revocation> results = new ArrayList<>();
			for (Future<Revocation> answer : answers) {
				results.add(await(answer));
			}
			return new RevocationReport(results);
		}
	}

	private static Revocation await(Future<Revocation> answer) {
		try {
			return answer.get();
		}
		catch (ExecutionException ex) {
			// Every step returns an answer; an exception is a local bug, not the server's
			return Revocation.unknown("Check failed: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Revocation.unknown("Interrupted");
		}
	}

	private static List<X509Certificate> parse(List<CertificateInfo> chain) throws GeneralSecurityException {
		CertificateFactory factory = CertificateFactory.getInstance("X.509");
		List<X509Certificate> certificates = new ArrayList<>();
		for (CertificateInfo info : chain) {
			certificates.add((X509Certificate) factory
				.generateCertificate(new ByteArrayInputStream(info.pem().getBytes(StandardCharsets.US_ASCII))));
		}
		return certificates;
	}

	private Revocation check(List<X509Certificate> chain, int index, @Nullable OcspStaple staple,
			List<X509Certificate> anchors, Instant now) {
		X509Certificate certificate = chain.get(index);
		if (Issuers.selfSigned(certificate)) {
			return Revocation.notChecked("Self-signed: a trust anchor is not checked for revocation");
		}
		X509Certificate issuer = Issuers.of(chain, index, anchors);
		if (issuer == null) {
			return Revocation.unknown("issuer not found: its certificate is neither sent nor a trust anchor");
		}
		List<String> why = new ArrayList<>();
		if (staple != null) {
			Answer stapled = OcspAnswers.validate(staple.der(), certificate, issuer, now, Source.STAPLE);
			if (stapled.decisive()) {
				return stapled.revocation();
			}
			why.add("stapled response rejected: " + stapled.revocation().detail());
		}
		List<URI> responders = Pointers.ocspResponders(certificate);
		for (URI responder : responders) {
			Answer answer = ocsp(responder, certificate, issuer, now);
			if (answer.decisive()) {
				return answer.revocation();
			}
			why.add("OCSP " + responder + ": " + answer.revocation().detail());
		}
		List<URI> distributionPoints = Pointers.crlDistributionPoints(certificate);
		for (URI distributionPoint : distributionPoints) {
			Answer answer = crl(distributionPoint, certificate, issuer, now);
			if (answer.decisive()) {
				return answer.revocation();
			}
			why.add("CRL " + distributionPoint + ": " + answer.revocation().detail());
		}
		if (responders.isEmpty() && distributionPoints.isEmpty()) {
			why.add("no pointer: the certificate names no http OCSP responder or CRL distribution point");
		}
		return Revocation.unknown(String.join("; ", why));
	}

	private Answer ocsp(URI responder, X509Certificate certificate, X509Certificate issuer, Instant now) {
		String key = "ocsp " + keyHash(issuer) + " " + certificate.getSerialNumber().toString(16);
		Answer cached = this.ocspAnswers.get(key, now);
		if (cached != null) {
			return cached;
		}
		byte[] request = OcspAnswers.request(certificate, issuer);
		byte[] response;
		try {
			response = fetchOcsp(responder, request);
		}
		catch (FetchException ex) {
			return Answer.unknown(ex.getMessage());
		}
		Answer answer = OcspAnswers.validate(response, certificate, issuer, now, Source.OCSP);
		if (answer.decisive() && answer.nextUpdate() != null) {
			this.ocspAnswers.put(key, answer, answer.nextUpdate());
		}
		return answer;
	}

	private byte[] fetchOcsp(URI responder, byte[] request) throws FetchException {
		this.fetches.incrementAndGet();
		String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII);
		String base = responder.toString();
		String get = base + (base.endsWith("/") ? "" : "/") + encoded;
		if (get.length() < MAX_GET_LENGTH && responder.getRawQuery() == null) {
			return this.http.get(URI.create(get), this.limits.maxOcspBytes());
		}
		return this.http.post(responder, OCSP_REQUEST_TYPE, request, this.limits.maxOcspBytes());
	}

	private Answer crl(URI distributionPoint, X509Certificate certificate, X509Certificate issuer, Instant now) {
		String key = "crl " + keyHash(issuer) + " " + distributionPoint;
		X509CRL crl = this.crls.get(key, now);
		if (crl == null) {
			try {
				this.fetches.incrementAndGet();
				byte[] body = this.http.get(distributionPoint, this.limits.maxCrlBytes());
				crl = CrlAnswers.parseAndVerify(body, issuer, now);
			}
			catch (FetchException ex) {
				return Answer.unknown(ex.getMessage());
			}
			if (crl.getNextUpdate() != null) {
				this.crls.put(key, crl, crl.getNextUpdate().toInstant());
			}
		}
		return CrlAnswers.lookUp(crl, certificate);
	}

	private static String keyHash(X509Certificate issuer) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(issuer.getPublicKey().getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
